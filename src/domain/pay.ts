import { D, type Dec } from './money';
import type { IsoDate, Period } from './dates';
import { isBeamteGrade, normalizeGrade } from './grades';
import type { Parameter, PayTable, Stelle } from './model';
import { TWELVE } from './months';

/** Pay: the monthly amount of a grade and step, the annual factor on it, and the cost line of a position. */

/** Full-time annual personnel factor on the monthly table value (without tariff growth). */
export function annualFactor(parameter: Parameter, beamte: boolean): Dec {
  const overhead = new D(1).plus(parameter.gemeinkosten);
  if (beamte) return TWELVE.times(new D(1).plus(parameter.versorgungszuschlag)).times(overhead);
  return TWELVE.plus(parameter.jahressonderzahlung)
    .times(new D(1).plus(parameter.agSozialversicherung).plus(parameter.zusatzversorgung))
    .times(overhead);
}

export type MonthlyLookup =
  | { ok: true; monthly: Dec; beamte: boolean; grade: string }
  | { ok: false; reason: 'grade' | 'step'; beamte: boolean; grade: string };

/** Monthly full-time pay for a grade and step; unknown grade/step is reported, never guessed. */
export function lookupMonthly(
  tables: { entgelttabelle: PayTable; besoldungstabelle: PayTable },
  grade: string,
  step: number,
): MonthlyLookup {
  const g = normalizeGrade(grade);
  const beamte = isBeamteGrade(g);
  const table = beamte ? tables.besoldungstabelle : tables.entgelttabelle;
  const row = table.rows.get(g);
  if (!row) return { ok: false, reason: 'grade', beamte, grade: g };
  const monthly = row.steps.get(step);
  if (!monthly) return { ok: false, reason: 'step', beamte, grade: g };
  return { ok: true, monthly, beamte, grade: g };
}

/** What a cost line needs: the pay, the share and the period it is active in. */
export interface LineSpec {
  grade: string;
  step: number;
  monthly: Dec;
  beamte: boolean;
  share: Dec;
  period: Period;
  /** Stufe seit (contract v2): the step rises from this date by the step table. */
  stepSince?: IsoDate;
}

/** The pay tables a cost model looks up month by month (dated versions, other steps). */
export interface PayTables {
  entgelttabelle: PayTable;
  besoldungstabelle: PayTable;
}

/** A position's own cost line: its pay from the table, its share and its period (Beginn–Ende). */
export function positionLine(s: Stelle, pay: { grade: string; monthly: Dec; beamte: boolean }): LineSpec {
  return {
    grade: pay.grade,
    step: s.stufe,
    monthly: pay.monthly,
    beamte: pay.beamte,
    share: s.anteil,
    period: { start: s.beginn, end: s.ende },
    ...(s.stufeSeit ? { stepSince: s.stufeSeit } : {}),
  };
}
