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
  newPosition: ['Neue Stelle', 'New position'],
  wizard: ['Assistent Neue Stelle', 'New position wizard'],
  positionNr: ['Stellen-Nr.', 'position no.'],
  designation: ['Bezeichnung', 'Title'],
  unit: ['Organisationseinheit', 'Organisational unit'],
  grade: ['Entgeltgruppe', 'Pay grade'],
  step: ['Stufe', 'Step'],
  share: ['Stellenanteil', 'FTE share'],
  shareInvalid: ['zwischen 0 und 1, z. B. 0,5', 'between 0 and 1, e.g. 0.5'],
  start: ['Beginn', 'Start'],
  end: ['Ende', 'End'],
  fixedTerm: ['befristet', 'fixed-term'],
  conditions: ['Auflagen', 'Conditions'],
  coverSources: ['Deckungsquellen (frei verfügbar)', 'Cover sources (free capacity)'],
  source: ['Quelle', 'Source'],
  free: ['frei', 'free'],
  preview: ['Vorschau', 'Preview'],
  submitMeasure: ['Maßnahme und Deckung eintragen', 'Add measure and cover'],
  added: ['Eingetragen und im Protokoll vermerkt', 'Added and logged in Protokoll'],
  save: ['Arbeitsmappe speichern', 'Save workbook'],
  writing: ['Schreibe Bericht in die Arbeitsmappe …', 'Writing report into the workbook …'],
  writeFailed: ['Der Bericht konnte nicht geschrieben werden', 'The report could not be written'],
} as const;

export type TextKey = keyof typeof TEXTS;

export function tr(lang: Lang, key: TextKey): string {
  return TEXTS[key][lang === 'en' ? 1 : 0];
}
