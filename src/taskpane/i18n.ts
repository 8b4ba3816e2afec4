/** Task pane texts, German first; English is the second language (switch in the header). */
export type Lang = 'de' | 'en';

const TEXTS = {
  title: ['Stellenplan & Deckung', 'Staff Plan & Cover'],
  standaloneHint: [
    'Ohne Excel: eine Arbeitsmappe (.xlsx) auswählen. Die Datei bleibt auf diesem Rechner, nichts wird hochgeladen.',
    'Without Excel: choose a workbook (.xlsx). The file stays on this computer; nothing is uploaded.',
  ],
  excelHint: ['Prüft die Tabellen dieser Arbeitsmappe.', 'Checks the tables of this workbook.'],
  open: ['Arbeitsmappe öffnen …', 'Open workbook …'],
  check: ['Prüfen', 'Check'],
  reading: ['Lese Arbeitsmappe …', 'Reading workbook …'],
  checking: ['Prüfe Deckung …', 'Checking cover …'],
  scenario: ['Szenario', 'Scenario'],
  measures: ['Maßnahmen', 'Measures'],
  findings: ['Prüfung', 'Findings'],
  measure: ['Maßnahme', 'Measure'],
  cost: ['Kosten', 'Cost'],
  cover: ['Deckung', 'Cover'],
  balance: ['Saldo', 'Balance'],
  covered: ['gedeckt', 'covered'],
  notCovered: ['nicht gedeckt', 'not covered'],
  termOpen: ['Termin offen', 'date open'],
  noFindings: ['Keine Meldungen.', 'No findings.'],
  errors: ['Fehler', 'errors'],
  warnings: ['Warnungen', 'warnings'],
  infos: ['Hinweise', 'notes'],
  howComputed: ['Wie berechnet?', 'How computed?'],
  total: ['Summe', 'Total'],
  language: ['English', 'Deutsch'],
  unusable: ['Die Datei kann nicht verwendet werden', 'The file cannot be used'],
  file: ['Datei', 'File'],
  report: ['Bericht HFW schreiben', 'Write committee report'],
  writing: ['Schreibe Bericht in die Arbeitsmappe …', 'Writing report into the workbook …'],
  writeFailed: ['Der Bericht konnte nicht geschrieben werden', 'The report could not be written'],
} as const;

export type TextKey = keyof typeof TEXTS;

export function tr(lang: Lang, key: TextKey): string {
  return TEXTS[key][lang === 'en' ? 1 : 0];
}
