import { normalizeGrade } from '../domain/grades';
import { D, type Dec } from '../domain/money';
import type { Parameter } from '../domain/model';
import { a1, columnLetter, sheetRef, type RawTable } from './port';
import { PARAMETER_NAMES, headerKey, mapColumns, SHEETS, type TableSpec } from './schema';

/**
 * Native Excel formulas (Excel 2016 functions only: INDEX/MATCH, SUMPRODUCT/EXACT, SUMIF, ROUND, EOMONTH,
 * MIN/MAX, IF — no XLOOKUP, no dynamic arrays) that recompute what the engine computed. They are written in
 * English function syntax with commas, as the file format stores them.
 */

/** Rows of the parameter block at the top of `Berechnung` (column B holds the values). */
export const PARAM_ROWS = {
  erstesPlanjahr: 3,
  tarifsteigerung: 4,
  agSozialversicherung: 5,
  zusatzversorgung: 6,
  jahressonderzahlung: 7,
  versorgungszuschlag: 8,
  gemeinkosten: 9,
  sachkosten: 10,
  faktorBeschaeftigte: 11,
  faktorBeamte: 12,
} as const;

export const B = sheetRef(SHEETS.berechnung);
export const paramCell = (key: keyof typeof PARAM_ROWS) => `${B}!$B$${PARAM_ROWS[key]}`;
export const localParam = (key: keyof typeof PARAM_ROWS) => `$B$${PARAM_ROWS[key]}`;

export function dateLiteral(iso: string): string {
  // DATE(…) and not the serial number: a workbook in the 1904 date system counts days from another epoch
  const [y, m, d] = iso.split('-').map(Number);
  return `DATE(${y},${m},${d})`;
}

/**
 * Active months of [start, end] in year Y by the pro-rata rule (a partly active month counts by calendar
 * days): months of the year through the end day minus months before the start day,
 *   (MONTH(E) − 1 + DAY(E)/days(E)) − (MONTH(S) − 1 + (DAY(S) − 1)/days(S)),
 * with S and E clamped to the year; an open side is the year's first or last day and drops out. Each
 * date appears three times instead of six: 10.000 rows of formulas load and recalculate faster.
 */
export function monthsFormula(
  startExpr: string | undefined,
  endExpr: string | undefined,
  year: number | string,
): string {
  if (!startExpr && !endExpr) return '12';
  const S = startExpr ? `MAX(${startExpr},DATE(${year},1,1))` : undefined;
  const E = endExpr ? `MIN(${endExpr},DATE(${year},12,31))` : undefined;
  const through = E ? `MONTH(${E})-1+DAY(${E})/DAY(EOMONTH(${E},0))` : '12';
  const before = S ? `-(MONTH(${S})-1+(DAY(${S})-1)/DAY(EOMONTH(${S},0)))` : '';
  return `IF(${noOverlapFormula(startExpr, endExpr, year)},0,${through}${before})`;
}

/**
 * TRUE when [start, end] has no day in year Y (then its months are 0); undefined when both sides are open
 * (the whole year).
 */
export function noOverlapFormula(
  startExpr: string | undefined,
  endExpr: string | undefined,
  year: number | string,
): string | undefined {
  if (!startExpr && !endExpr) return undefined;
  const S = startExpr ? `MAX(${startExpr},DATE(${year},1,1))` : undefined;
  const E = endExpr ? `MIN(${endExpr},DATE(${year},12,31))` : undefined;
  return S && E ? `${S}>${E}` : S ? `${S}>DATE(${year},12,31)` : `${E}<DATE(${year},1,1)`;
}

/**
 * A date on a month scale that is 0 on 1 January of `firstYear`: the months before the day (a start) or
 * through the day (an end), a partly covered month counted by calendar days as in monthsFormula. Written
 * once per line in `Berechnung`; the months of each year are then a short overlap (yearMonthsFormula):
 * 10.000 lines × 5 years of DATE/EOMONTH clamps made LibreOffice read and write several times the tokens.
 */
export function monthPositionFormula(dateExpr: string, firstYear: number, side: 'start' | 'end'): string {
  const d = dateExpr;
  const day = side === 'start' ? `(DAY(${d})-1)` : `DAY(${d})`;
  return `(YEAR(${d})-${firstYear})*12+MONTH(${d})-1+${day}/DAY(EOMONTH(${d},0))`;
}

/** The value monthPositionFormula computes, for the cached result (ISO date). */
export function monthPosition(iso: string, firstYear: number, side: 'start' | 'end'): number {
  const [y, m, d] = iso.split('-').map(Number);
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return (y - firstYear) * 12 + m - 1 + (side === 'start' ? d - 1 : d) / days;
}

/**
 * Active months of plan year number `yearIndex` (0 = first plan year) from a line's start and end
 * positions: the overlap of [start, end] with [12·k, 12·k + 12]; an open side drops out.
 */
export function yearMonthsFormula(
  startPos: string | undefined,
  endPos: string | undefined,
  yearIndex: number,
): string {
  if (!startPos && !endPos) return '12';
  const from = 12 * yearIndex;
  const to = from + 12;
  const upper = endPos ? `MIN(${endPos},${to})` : String(to);
  const lower = startPos ? `MAX(${startPos},${from})` : String(from);
  return `MAX(0,${upper}-${lower})`;
}

export function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** Where a pay table lives, to build INDEX/MATCH over it. */
export interface PayTableLocation {
  block: string;
  gradeColumn: string;
  headerRow: string;
  /**
   * Each grade as written in the table, by its normal form ("A11" → "A 11"): MATCH compares text, so a
   * formula must look up the table's own spelling, not the engine's normal form.
   */
  gradeText: Map<string, string>;
  /**
   * Where the column of a step is found: the header row when it reads exactly "Stufe 1", "Stufe 2", …
   * (MATCH("Stufe "&n) then follows inserted columns), else an array constant of the step number of
   * each block column (the reader also accepts "stufe 1" with a no-break space, MATCH would not).
   */
  stepLookup: string;
  /** The `Gültig ab` column (contract v2) when the table has one. */
  dateColumn?: string;
}

export function payTableLocation(raw: RawTable | undefined, spec: TableSpec): PayTableLocation | undefined {
  if (!raw || raw.rows.length === 0) return undefined;
  const columns = mapColumns(spec, raw.headers);
  const gradeIndex = columns.get('gruppe') ?? 0;
  const s = sheetRef(raw.sheet);
  const top = raw.origin.row;
  const bottom = raw.origin.row + raw.rows.length;
  const left = raw.origin.col;
  const right = raw.origin.col + raw.headers.length - 1;
  const range = (c1: number, r1: number, c2: number, r2: number) =>
    `${s}!$${columnLetter(c1)}$${r1}:$${columnLetter(c2)}$${r2}`;
  const gradeText = new Map<string, string>();
  for (const row of raw.rows) {
    const v = row[gradeIndex];
    if (typeof v !== 'string' && typeof v !== 'number') continue;
    const text = String(v);
    const key = normalizeGrade(text.trim());
    // MATCH finds the first row; the reader keeps the first too (a duplicate is a finding).
    if (key && !gradeText.has(key)) gradeText.set(key, text);
  }
  const stepOf = raw.headers.map((_, i) => {
    const field = [...columns].find(([, c]) => c === i)?.[0];
    const m = field ? /^stufe(\d+)$/.exec(field) : null;
    return m ? Number(m[1]) : 0;
  });
  const literal = raw.headers.every((h, i) => stepOf[i] === 0 || h.toLowerCase() === `stufe ${stepOf[i]}`);
  return {
    block: range(left, top, right, bottom),
    gradeColumn: range(left + gradeIndex, top, left + gradeIndex, bottom),
    headerRow: range(left, top, right, top),
    gradeText,
    stepLookup: literal ? `"Stufe "&{step},${range(left, top, right, top)}` : `{step},{${stepOf.join(',')}}`,
    ...(columns.has('gueltigAb')
      ? {
          dateColumn: range(left + columns.get('gueltigAb')!, top, left + columns.get('gueltigAb')!, bottom),
        }
      : {}),
  };
}

/** Monthly pay of a grade and step from the workbook's pay table (falls back to the engine's value). */
export function monthlyFormula(
  loc: PayTableLocation | undefined,
  gradeExpr: string,
  stepExpr: string,
  fallback: Dec,
): string {
  if (!loc) return fallback.toString();
  const step = loc.stepLookup.replace('{step}', stepExpr);
  return `INDEX(${loc.block},MATCH(${gradeExpr},${loc.gradeColumn},0),MATCH(${step},0))`;
}

/**
 * The parameter block's value cells: a reference into the Parameter sheet where that cell holds exactly
 * the value the engine uses (the last row of a name wins, as in the reader); otherwise the engine's value
 * as a number, so that an implausible or textual entry the engine replaced never reaches a formula.
 */
export function parameterBlock(
  raw: RawTable | undefined,
  parameter: Parameter,
): { label: string; f?: string; v: number }[] {
  const refOf = (name: string, value: Dec | number) => parameterRef(raw, name, value);
  const item = (field: keyof Parameter, label: string) => ({
    label,
    f: refOf(PARAMETER_NAMES[field], parameter[field] as Dec | number),
    v: Number((parameter[field] as Dec | number).toString()),
  });
  return [
    item('erstesPlanjahr', 'Erstes Planjahr'),
    item('tarifsteigerung', 'Tarifsteigerung p.a.'),
    item('agSozialversicherung', 'AG-Anteil Sozialversicherung'),
    item('zusatzversorgung', 'Zusatzversorgung'),
    item('jahressonderzahlung', 'Jahressonderzahlung (Monatsgehälter)'),
    item('versorgungszuschlag', 'Versorgungszuschlag Beamte'),
    item('gemeinkosten', 'Gemeinkostenzuschlag'),
    item('sachkosten', 'Sachkosten je Stelle (€/Jahr)'),
  ];
}

/**
 * A reference to the Parameter sheet's value cell of `name` where that cell holds exactly `value` (the last
 * row of a name wins, as in the reader); otherwise undefined and the caller writes the engine's number.
 */
export function parameterRef(
  raw: RawTable | undefined,
  name: string,
  value: Dec | number,
): string | undefined {
  if (!raw) return undefined;
  const nameCol = raw.headers.findIndex((h) => headerKey(h) === 'name');
  const valueCol = raw.headers.findIndex((h) => headerKey(h) === 'wert');
  if (nameCol < 0 || valueCol < 0) return undefined;
  let i = -1;
  raw.rows.forEach((r, k) => {
    const v = r[valueCol];
    const empty = v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
    if (typeof r[nameCol] === 'string' && headerKey(r[nameCol]) === headerKey(name) && !empty) i = k;
  });
  const cell = i < 0 ? undefined : raw.rows[i][valueCol];
  if (typeof cell !== 'number' || !new D(cell).eq(value)) return undefined;
  return `${sheetRef(raw.sheet)}!$${columnLetter(raw.origin.col + valueCol)}$${raw.origin.row + 1 + i}`;
}

/** Annual factor formulas over the parameter block (same sheet). */
export const FACTOR_FORMULAS = {
  beschaeftigte: `(12+${localParam('jahressonderzahlung')})*(1+${localParam('agSozialversicherung')}+${localParam('zusatzversorgung')})*(1+${localParam('gemeinkosten')})`,
  beamte: `12*(1+${localParam('versorgungszuschlag')})*(1+${localParam('gemeinkosten')})`,
};

/** The pay growth of a plan year over the first one, (1 + Tarifsteigerung)^(year − Erstes Planjahr). */
export const growthFormula = (year: number | string) =>
  `(1+${localParam('tarifsteigerung')})^(${year}-${localParam('erstesPlanjahr')})`;

/** One position line in a year: ROUND((monthly × factor × growth + Sachkosten) × share × months / 12, 2). */
export function lineAmountFormula(o: {
  monthly: string;
  beamte: boolean;
  share: string;
  months: string;
  year: number | string;
  sign?: string;
  params: (key: keyof typeof PARAM_ROWS) => string;
  /** A cell holding (1 + Tarifsteigerung)^(year − first plan year), written once per year column. */
  growthCell?: string;
}): string {
  const factor = o.params(o.beamte ? 'faktorBeamte' : 'faktorBeschaeftigte');
  // the first plan year grows by (1+rate)^0: no growth term, a shorter formula
  const growth = o.growthCell
    ? `*${o.growthCell}`
    : String(o.year) === o.params('erstesPlanjahr')
      ? ''
      : `*(1+${o.params('tarifsteigerung')})^(${o.year}-${o.params('erstesPlanjahr')})`;
  const core = `ROUND((${o.monthly}*${factor}${growth}+${o.params('sachkosten')})*${o.share}*${o.months}/12,2)`;
  return o.sign ? `${o.sign}*${core}` : core;
}

export function cellRange(sheet: string, col: number, fromRow: number, toRow: number): string {
  return `${sheetRef(sheet)}!$${columnLetter(col)}$${fromRow}:$${columnLetter(col)}$${toRow}`;
}

export { a1 };

// ---- Contract v2: month-by-month cost through a helper table of rate segments ----

/** Rows of the v2 parameters in `Berechnung`, column E (labels in D): beside the first version's block. */
export const V2_ROWS = {
  leistungsentgelt: 3,
  agKvPv: 4,
  bbgKvPv: 5,
  agRvAv: 6,
  bbgRvAv: 7,
  beihilfe: 8,
} as const;
export type V2Key = keyof typeof V2_ROWS;
export const v2Cell = (key: V2Key) => `${B}!$E$${V2_ROWS[key]}`;
export const localV2 = (key: V2Key) => `$E$${V2_ROWS[key]}`;

/** Exact month count of a run of days inside one year as an expression: "4" or "(17/31+2+15/30)". */
export function monthsLiteral(start: string, end: string): string {
  const [sy, sm, sd] = start.split('-').map(Number);
  const [, em, ed] = end.split('-').map(Number);
  const dim = (m: number) => new Date(Date.UTC(sy, m, 0)).getUTCDate();
  if (sm === em) {
    const days = ed - sd + 1;
    return days === dim(sm) ? '1' : `(${days}/${dim(sm)})`;
  }
  const parts: string[] = [];
  let whole = em - sm - 1;
  if (sd === 1) whole++;
  else parts.push(`${dim(sm) - sd + 1}/${dim(sm)}`);
  if (ed === dim(em)) whole++;
  else parts.push(`${ed}/${dim(em)}`);
  if (whole > 0) parts.push(String(whole));
  return parts.length === 1 && !parts[0].includes('/') ? parts[0] : `(${parts.join('+')})`;
}

/**
 * Monthly pay of one segment: from a dated table by SUMIFS over grade and `Gültig ab` (one row matches),
 * from an undated table by INDEX/MATCH, else the engine's value.
 */
export function segmentMonthlyFormula(
  loc: PayTableLocation | undefined,
  gradeText: string,
  stepExpr: string,
  gueltigAb: string | undefined,
  fallback: Dec,
): string {
  if (!loc) return fallback.toString();
  if (loc.dateColumn && gueltigAb) {
    const step = loc.stepLookup.replace('{step}', stepExpr);
    return `SUMIFS(INDEX(${loc.block},0,MATCH(${step},0)),${loc.gradeColumn},${quote(gradeText)},${loc.dateColumn},${dateLiteral(gueltigAb)})`;
  }
  return monthlyFormula(loc, quote(gradeText), stepExpr, fallback);
}

/** The summed columns of the helper table: pay, and the pay up to / the room below each ceiling. */
export type SegmentSum = 'entgelt' | 'kvLfd' | 'kvRest' | 'rvLfd' | 'rvRest';

/** Column ranges of the helper table (same sheet or another), for SUMIFS. */
export interface SegmentRanges {
  key: string;
  year: string;
  entgelt: string;
  kvLfd: string;
  kvRest: string;
  rvLfd: string;
  rvRest: string;
}

/**
 * A line's cost in a year over its rate segments (one ROUND):
 * F × Σ Entgelt / 12 + Sachkosten × share × months / 12 + (1 + GK) × (capped KV/PV + capped RV/AV),
 * each capped share = rate × (Σ pay up to the ceiling + MIN(one-off pay, Σ room below the ceiling)).
 */
export function segmentedAmountFormula(o: {
  key: string;
  /** The key as an expression instead (e.g. `"S:"&$A5`: the same formula in every row of a table). */
  keyExpr?: string;
  year: number | string;
  beamte: boolean;
  share: string;
  months: string;
  /** Jahressonderzahlung of the line (a parameter cell or the band rate). */
  jsz: string;
  caps: { kv: boolean; kvCeiling: boolean; rv: boolean; rvCeiling: boolean };
  ranges: SegmentRanges;
  /** The sums over the line's segments as expressions instead of SUMIFS over the helper table. */
  sums?: (column: SegmentSum) => string;
  params: (key: keyof typeof PARAM_ROWS) => string;
  v2: (key: V2Key) => string;
  sign?: string;
}): string {
  const r = o.ranges;
  const crit = `${r.key},${o.keyExpr ?? quote(o.key.replace(/[~*?]/g, '~$&'))},${r.year},${o.year}`;
  const sum = o.sums ?? ((c: SegmentSum) => `SUMIFS(${r[c]},${crit})`);
  const entgelt = sum('entgelt');
  const gk = `(1+${o.params('gemeinkosten')})`;
  const factor = o.beamte
    ? `12*(1+${o.params('versorgungszuschlag')}+${o.v2('beihilfe')})*${gk}`
    : `(12+${o.jsz}+12*${o.v2('leistungsentgelt')})*(1+${o.params('agSozialversicherung')}+${o.params('zusatzversorgung')})*${gk}`;
  let core = `${factor}*${entgelt}/12+${o.params('sachkosten')}*${o.share}*${o.months}/12`;
  if (!o.beamte) {
    const oneOff = `(${o.jsz}/12+${o.v2('leistungsentgelt')})*${entgelt}`;
    const terms: string[] = [];
    const cap = (rate: string, ceiling: boolean, lfd: SegmentSum, rest: SegmentSum) =>
      ceiling ? `${rate}*(${sum(lfd)}+MIN(${oneOff},${sum(rest)}))` : `${rate}*(${entgelt}+${oneOff})`;
    if (o.caps.kv) terms.push(cap(o.v2('agKvPv'), o.caps.kvCeiling, 'kvLfd', 'kvRest'));
    if (o.caps.rv) terms.push(cap(o.v2('agRvAv'), o.caps.rvCeiling, 'rvLfd', 'rvRest'));
    if (terms.length > 0) core += `+${gk}*(${terms.join('+')})`;
  }
  const rounded = `ROUND(${core},2)`;
  return o.sign ? `${o.sign}*${rounded}` : rounded;
}
