import type { SourceRef } from './model';

export type Severity = 'error' | 'warning' | 'info';

/** Every finding code with the rule behind it (DESIGN.md "Finding codes"). */
export const FINDING_CODES = {
  COVER_MISSING: 'Eine Maßnahme, die Geld kostet, hat keinen Deckungsvorschlag.',
  COVER_SHORTFALL: 'Die Deckung reicht in einem Planjahr nicht für die Kosten der Maßnahme.',
  COVER_OVERUSED:
    'Dasselbe Geld wird in einem Szenario zweimal vergeben (Deckung oder Streichung); die zweite Verwendung zählt nicht.',
  COVER_PROTECTED: 'Ein geschützter Planansatz darf nie als Deckung dienen.',
  COVER_OCCUPIED:
    'Deckung aus einer besetzten Stelle: sie gibt erst ab „Frei ab“ bzw. dem Tag nach dem kw-Datum Geld frei; ohne beides Fehler.',
  COVER_UNFUNDED:
    'Eine Stelle als Deckung ist im Haushalt nicht (oder nicht in dieser Höhe) finanziert: keine Haushaltsstelle oder kein Ansatz.',
  COVER_PERIOD: 'Die Deckung endet vor der Maßnahme; die Jahre danach sind ungedeckt.',
  POSITION_UNKNOWN: 'Eine genannte Stellen-Nr. gibt es im Stellenplan nicht.',
  MEASURE_UNKNOWN: 'Eine Deckungszeile nennt eine Maßnahme, die es nicht gibt.',
  BUDGET_LINE_UNKNOWN: 'Eine genannte Haushaltsstelle gibt es in den Planansätzen nicht.',
  DUPLICATE_ID: 'Eine Nummer kommt doppelt vor (oder eine neue Stelle hat eine schon vergebene Nummer).',
  INVALID_VALUE: 'Ein Wert ist nicht lesbar, fehlt oder liegt außerhalb des erlaubten Bereichs.',
  PAYGRADE_UNKNOWN: 'Entgelt-/Besoldungsgruppe oder Stufe fehlt in der Tabelle.',
  PLANANSATZ_MISMATCH: 'Der genannte Planansatz weicht mehr als die Toleranz von den berechneten Kosten ab.',
  FIXED_TERM_REVIEW:
    'Eine befristete Stelle endet im Planungszeitraum: die Entscheidung über die Entfristung ist fällig.',
  BUDGET_SHORTFALL: 'Ein Personal-Planansatz reicht nicht für die ihm zugeordneten Stellen.',
  COVER_INADMISSIBLE: 'Die Deckung ist rechtlich nicht zulässig (z. B. Investition für Personalaufwand).',
  TERM_OPEN: 'Eine Maßnahme hat noch keinen festen Termin ("Termin offen"); sie wird gesondert ausgewiesen.',
  DEFAULTS_USED: 'Eine optionale Tabelle fehlt; die mitgelieferten Vorgaben werden verwendet.',
  PROTECTED_REDUCED: 'Eine Maßnahme oder Deckung verringert einen geschützten Planansatz.',
  DEPENDENCY_ORDER:
    'Eine Maßnahme soll vor der Maßnahme wirksam werden, die ihre Voraussetzung ist (oder diese ist abgelehnt).',
} as const;
export type FindingCode = keyof typeof FINDING_CODES;

export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** German message, complete sentence(s), naming the values involved. */
  message: string;
  /** English message (CLI --lang en, task pane language switch). */
  messageEn: string;
  ref?: SourceRef;
  /** Measure the finding belongs to, if any. */
  measure?: string;
  /** Scenario in which the finding was seen (double use is judged per scenario). */
  scenario?: string;
}
