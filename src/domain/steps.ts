import { isoDate, parts, type IsoDate } from './dates';
import { normalizeGrade } from './grades';

/**
 * Step progression as data (rows, not code): how many years a person stays in a step before the next one.
 * A table's special rules (S table, Besoldung by Erfahrungsstufen) are further rows.
 */
export interface StepRule {
  /** Grade family: the letters a grade starts with ("E", "S", "A"). */
  tabelle: string;
  /** The step held … */
  stufe: number;
  /** … for this many years before the next step is reached. */
  jahre: number;
  quelle: string;
}

const TVOED =
  'TVöD-VKA § 16 Abs. 3: Stufe 2 nach 1 Jahr in Stufe 1, 3 nach 2, 4 nach 3, 5 nach 4, 6 nach 5 Jahren';
const SUE =
  'TVöD BT-V § 52 / Anlage C (SuE): abweichend von § 16 Abs. 3 Stufe 2 drei Jahre, Stufe 3 vier Jahre (haufe.de, Sozial- und Erziehungsdienst 8.2.2)';
const HBESG =
  'HBesG § 28/§ 29, Aufstiegsintervalle der Anlage IV: 2, 3, 3, 3, 4, 4, 4 Jahre (hbs.hessen.de; beamten-infoportal.de)';

export const STEP_RULES: readonly StepRule[] = [
  { tabelle: 'E', stufe: 1, jahre: 1, quelle: TVOED },
  { tabelle: 'E', stufe: 2, jahre: 2, quelle: TVOED },
  { tabelle: 'E', stufe: 3, jahre: 3, quelle: TVOED },
  { tabelle: 'E', stufe: 4, jahre: 4, quelle: TVOED },
  { tabelle: 'E', stufe: 5, jahre: 5, quelle: TVOED },
  { tabelle: 'S', stufe: 1, jahre: 1, quelle: SUE },
  { tabelle: 'S', stufe: 2, jahre: 3, quelle: SUE },
  { tabelle: 'S', stufe: 3, jahre: 4, quelle: SUE },
  { tabelle: 'S', stufe: 4, jahre: 4, quelle: SUE },
  { tabelle: 'S', stufe: 5, jahre: 5, quelle: SUE },
  { tabelle: 'A', stufe: 1, jahre: 2, quelle: HBESG },
  { tabelle: 'A', stufe: 2, jahre: 3, quelle: HBESG },
  { tabelle: 'A', stufe: 3, jahre: 3, quelle: HBESG },
  { tabelle: 'A', stufe: 4, jahre: 3, quelle: HBESG },
  { tabelle: 'A', stufe: 5, jahre: 4, quelle: HBESG },
  { tabelle: 'A', stufe: 6, jahre: 4, quelle: HBESG },
  { tabelle: 'A', stufe: 7, jahre: 4, quelle: HBESG },
];

/**
 * When a step reached inside a month takes effect: from the first day of that month
 * (§ 17 Abs. 1 TVöD: "vom Beginn des Monats an, in dem die nächste Stufe erreicht ist";
 * haufe.de, TVöD Office, Entgelt 3.5.4 "Stufenaufstieg am Beginn des Monats"). Applied to Besoldung alike.
 */
export const STEP_RULE_IN_MONTH =
  'ab dem Ersten des Monats, in dem die Stufe erreicht wird (§ 17 Abs. 1 TVöD)';

export function gradeFamily(grade: string): string {
  return /^[A-Za-zÄÖÜ]+/.exec(normalizeGrade(grade))?.[0] ?? '';
}

function addYears(date: IsoDate, years: number): IsoDate {
  const { year, month, day } = parts(date);
  // 29 February + n years: the anniversary is 28 February (the step is reached in February either way)
  const d = Math.min(day, new Date(Date.UTC(year + years, month, 0)).getUTCDate());
  return isoDate(year + years, month, d);
}

/**
 * The dates on which the next steps take effect, from `step` held since `since`: the first day of the month
 * in which each step is reached. Ends at the last step with a rule (the row's top step caps it further).
 */
export function stepChanges(
  grade: string,
  step: number,
  since: IsoDate,
  rules: readonly StepRule[] = STEP_RULES,
  until?: IsoDate,
): { from: IsoDate; step: number }[] {
  const family = gradeFamily(grade);
  const out: { from: IsoDate; step: number }[] = [];
  let s = step;
  let reached = since;
  for (;;) {
    const rule = rules.find((r) => r.tabelle === family && r.stufe === s);
    if (!rule) return out;
    reached = addYears(reached, rule.jahre);
    const { year, month } = parts(reached);
    const from = isoDate(year, month, 1);
    if (until && from > until) return out;
    s += 1;
    out.push({ from, step: s });
  }
}

/** The step in force on a date (a month's first day). */
export function stepOn(changes: { from: IsoDate; step: number }[], step: number, date: IsoDate): number {
  let s = step;
  for (const c of changes) if (c.from <= date) s = c.step;
  return s;
}
