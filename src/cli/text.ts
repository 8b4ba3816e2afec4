/** The command's own messages, German first, English with --lang en. */
export type Lang = 'de' | 'en';

const T = {
  usage: {
    de: `Stellenplan & Deckung – Kommandozeile

Aufruf:
  stellenplan init DATEI.xlsx                      neue Arbeitsmappe mit allen Tabellen anlegen
  stellenplan check DATEI.xlsx [--json] [--scenario NAME]
                                                   prüfen (Exit 0: keine Fehler, 1: Fehler, 2: Datei unbrauchbar)
  stellenplan report DATEI.xlsx [-o AUS.xlsx] [--in-place] [--pdf]
                                                   Blätter Übersicht HFW, Szenarien, Stellenplan, Beschlussvorlage,
                                                   Prüfung, Berechnung schreiben (--pdf: dazu ein PDF, LibreOffice)
  stellenplan compare DATEI.xlsx                   Szenarien vergleichen
  stellenplan adopt DATEI.xlsx MASSNAHME [-o AUS.xlsx] [--in-place] [--betrag berechnet|planansatz]
                                                   beschlossene Maßnahme in den Plan übernehmen (Protokoll)
  stellenplan undo DATEI.xlsx [-o AUS.xlsx] [--in-place]
                                                   letzten Beschluss laut Protokoll zurücknehmen
  stellenplan vorlage DATEI.xlsx MASSNAHME [-o AUS.md]
                                                   Entwurf der Beschlussvorlage (Markdown)
  stellenplan nachtrag DATEI.xlsx --gegen BESCHLOSSEN.xlsx [-o AUS.xlsx] [--pdf]
                                                   Nachtragsstellenplan: nur die geänderten Zeilen gegenüber dem
                                                   beschlossenen Stellenplan, mit der verursachenden Maßnahme

Optionen: --lang en (englische Meldungen), --help`,
    en: `Stellenplan & Deckung – command line

Usage:
  stellenplan init FILE.xlsx                       create a new workbook with all tables
  stellenplan check FILE.xlsx [--json] [--scenario NAME]
                                                   check (exit 0: no errors, 1: errors, 2: file unusable)
  stellenplan report FILE.xlsx [-o OUT.xlsx] [--in-place] [--pdf]
                                                   write the report sheets (--pdf: also a PDF via LibreOffice)
  stellenplan compare FILE.xlsx                    compare scenarios
  stellenplan adopt FILE.xlsx MEASURE [-o OUT.xlsx] [--in-place] [--betrag berechnet|planansatz]
                                                   take an adopted measure into the plan (logged)
  stellenplan undo FILE.xlsx [-o OUT.xlsx] [--in-place]
                                                   take back the last adoption from Protokoll
  stellenplan vorlage FILE.xlsx MEASURE [-o OUT.md]
                                                   draft resolution (Markdown, German)
  stellenplan nachtrag FILE.xlsx --gegen ADOPTED.xlsx [-o OUT.xlsx] [--pdf]
                                                   supplementary staff plan: only the lines changed against the
                                                   adopted plan, each with the measure that caused it

Options: --lang en (English messages), --help`,
  },
};

export function usage(lang: Lang): string {
  return T.usage[lang];
}

export function t(lang: Lang, de: string, en: string): string {
  return lang === 'en' ? en : de;
}
