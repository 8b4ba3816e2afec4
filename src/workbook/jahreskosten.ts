import { CostModel, lookupMonthly, positionLine, type LineSpec } from '../domain/cost';
import type { Parameter } from '../domain/model';
import type { CheckResult } from '../domain/result';
import { jszRate } from '../domain/sonderzahlung';
import { dateToIso, isoToSerial } from './cells';
import {
  dateLiteral,
  lineAmountFormula,
  monthlyFormula,
  monthsFormula,
  monthsLiteral,
  noOverlapFormula,
  paramCell,
  payTableLocation,
  quote,
  segmentedAmountFormula,
  segmentMonthlyFormula,
  v2Cell,
  type PayTableLocation,
  type SegmentRanges,
  type SegmentSum,
} from './formulas';
import { moveFormulaRows } from './kit/formula-rows';
import { columnLetter, sheetRef, type CellValue, type ColumnWrite, type SheetCell } from './port';
import type { ReadResult } from './read';
import { BESOLDUNGSTABELLE, ENTGELTTABELLE, SHEETS } from './schema';

/**
 * `Jahreskosten` in Stellen: the first plan year's cost of each position as a native formula over its own
 * row, written as an Excel calculated column. A cell is referenced only where it holds exactly what the
 * engine used; otherwise (text such as "0,5" or "15.03.2027", a value the reader rejected) the engine's value
 * goes into the formula – that row is then an exception to the column formula, as Excel shows it.
 *
 * The column formula is the one a new row gets (adopt, or a user adding a row in Excel): every input
 * referenced, an empty Ende meaning "open". It is the shape of the table's majority (Beschäftigte or Beamte,
 * costed month by month or not): a row of the other kind keeps its own formula. Only an Excel table has a
 * calculated column; in a plain sheet every row keeps its own, shorter formula ("12" months when undated).
 */

/** What the column needs of the month-by-month helper table in Berechnung (contract v2). */
export interface StellenHelper {
  has(key: string): boolean;
  jsz(spec: LineSpec, year: number, cell: string): string;
  caps: { kv: boolean; kvCeiling: boolean; rv: boolean; rvCeiling: boolean };
  ranges(prefix: string): SegmentRanges;
}

const num = (v: { toFixed(n: number): string }) => Number(v.toFixed(2));

/**
 * What the column shows for a row the helper table has no rows for (typed into the table in Excel after
 * the report): no amount – SUMIFS over nothing would show the Sachkosten part alone.
 */
export const REFRESH_TEXT = 'Bericht aktualisieren';

/** Where the workbook's pay tables are, for INDEX/MATCH and SUMIFS. */
export function payTables(read: ReadResult): { entgelt?: PayTableLocation; besoldung?: PayTableLocation } {
  return {
    entgelt: payTableLocation(read.tables.get('Entgelttabelle'), ENTGELTTABELLE),
    besoldung: payTableLocation(read.tables.get('Besoldungstabelle'), BESOLDUNGSTABELLE),
  };
}

/** Which capped social security shares the month-by-month formulas compute (a rate and a ceiling named). */
export function segmentCaps(p: Parameter): StellenHelper['caps'] {
  return {
    kv: !!p.agKvPv && !p.agKvPv.isZero(),
    kvCeiling: !!p.bbgKvPv && !p.bbgKvPv.isZero(),
    rv: !!p.agRvAv && !p.agRvAv.isZero(),
    rvCeiling: !!p.bbgRvAv && !p.bbgRvAv.isZero(),
  };
}

/**
 * The key of a Stellen row in the helper table: "S:" and its Stellen-Nr., so that the formula can build it
 * from the row's own cell (`"S:"&$A5`) and stays the same in every row – sorting the table keeps it right.
 * A number that is no plain text cell, is not unique (SUMIFS ignores case) or holds a wildcard gets a key by
 * row ("S#3") written into the formula.
 */
export function stellenHelperKeys(read: ReadResult): (row: number) => { key: string; fromCell: boolean } {
  const raw = read.tables.get('Stellen');
  const nrCol = read.columns.get('Stellen')?.get('nr');
  const count = new Map<string, number>();
  for (const s of read.model.stellen) {
    const k = s.nr.toLowerCase();
    count.set(k, (count.get(k) ?? 0) + 1);
  }
  const byRow = new Map(read.model.stellen.map((s) => [s.ref.row, s]));
  return (row) => {
    const s = byRow.get(row);
    const cell: CellValue = nrCol === undefined ? null : (raw?.rows[row]?.[nrCol] ?? null);
    const fromCell =
      !!s &&
      typeof cell === 'string' &&
      cell === s.nr &&
      count.get(s.nr.toLowerCase()) === 1 &&
      !/[~*?]/.test(s.nr);
    return fromCell ? { key: `S:${s.nr}`, fromCell } : { key: `S#${row}`, fromCell };
  };
}

export function jahreskostenColumn(
  read: ReadResult,
  result: CheckResult,
  tables: { entgelt?: PayTableLocation; besoldung?: PayTableLocation },
  helper?: StellenHelper,
): ColumnWrite {
  const raw = read.tables.get('Stellen')!;
  const cols = read.columns.get('Stellen')!;
  const byRow = new Map(result.positions.map((p) => [p.stelle.ref.row, p]));
  const keyOf = stellenHelperKeys(read);
  const year = paramCell('erstesPlanjahr');
  const addr = (field: string, row: number) => {
    const c = cols.get(field);
    return c === undefined ? undefined : `$${columnLetter(raw.origin.col + c)}${row}`;
  };

  interface Shape {
    beamte: boolean;
    payTable?: PayTableLocation;
    /** The helper key expression when the line is costed month by month. */
    segmented?: { key: string; keyExpr?: string; spec: LineSpec };
  }
  const formula = (
    e: { grade: string; step: string; share: string; start?: string; end?: string },
    shape: Shape,
    fallbackMonthly: Parameters<typeof monthlyFormula>[3],
    jszOf?: string,
  ) => {
    const months = `(${monthsFormula(e.start, e.end, year)})`;
    if (shape.segmented && helper)
      return segmentedAmountFormula({
        key: shape.segmented.key,
        keyExpr: shape.segmented.keyExpr,
        year,
        beamte: shape.beamte,
        share: e.share,
        months,
        jsz:
          (!shape.beamte && jszOf) ||
          helper.jsz(shape.segmented.spec, result.years[0], paramCell('jahressonderzahlung')),
        caps: helper.caps,
        ranges: helper.ranges(`${sheetRef(SHEETS.berechnung)}!`),
        params: paramCell,
        v2: v2Cell,
      });
    return lineAmountFormula({
      monthly: monthlyFormula(shape.payTable, e.grade, e.step, fallbackMonthly),
      beamte: shape.beamte,
      share: e.share,
      months,
      year,
      params: paramCell,
    });
  };

  const jszBands = jszBandLookup(read, result.years[0], tables.entgelt);

  // every input referenced; an empty Ende is open (MIN with an empty cell would end the year on day 0)
  const generic = (row: number, shape: Shape, fallbackMonthly: Parameters<typeof monthlyFormula>[3]) => {
    const grade = addr('gruppe', row);
    const step = addr('stufe', row);
    if (!grade || !step) return undefined;
    const end = addr('ende', row);
    const period = { start: addr('beginn', row), end: end && `IF(${end}="",DATE(${year},12,31),${end})` };
    let f = formula(
      { grade, step, share: addr('anteil', row) ?? '1', ...period },
      shape,
      fallbackMonthly,
      jszBands?.(grade),
    );
    // a row the helper table has no rows for (typed in Excel after the report) is not costed by SUMIFS over
    // nothing: it says so – unless it has no day in the first plan year (then 0, as with helper rows)
    if (shape.segmented?.keyExpr && helper) {
      const keys = helper.ranges(`${sheetRef(SHEETS.berechnung)}!`).key;
      const outside = noOverlapFormula(period.start, period.end, year);
      const missing = outside ? `IF(${outside},0,${quote(REFRESH_TEXT)})` : quote(REFRESH_TEXT);
      f = `IF(COUNTIF(${keys},${shape.segmented.keyExpr})>0,${f},${missing})`;
    }
    // costed from the row's own cells: right unless the step rises (Stufe seit), which only helper rows cost
    const since = addr('stufeSeit', row);
    if (!shape.segmented && helper && since) f = `IF(${since}<>"",${quote(REFRESH_TEXT)},${f})`;
    // a row without Stellen-Nr. (emptied by undo, or just added in Excel) shows nothing instead of #NV
    const nr = addr('nr', row);
    return nr ? `IF(${nr}="","",${f})` : f;
  };

  // the majority's shape is the column's
  let beamte = 0;
  let segmented = 0;
  const built = raw.rows.map((values, i) => {
    const pos = byRow.get(i);
    if (!pos) return { cell: {} };
    const s = pos.stelle;
    const hit = lookupMonthly(read.model, s.gruppe, s.stufe);
    if (!hit.ok) return { cell: { v: null } };
    const row = raw.origin.row + 1 + i;
    const value = (field: string) => {
      const c = cols.get(field);
      return c === undefined ? undefined : values[c];
    };
    const payTable = hit.beamte ? tables.besoldung : tables.entgelt;
    const gradeText = payTable?.gradeText.get(hit.grade) ?? hit.grade;
    const exact = { grade: false, step: false, share: false, start: false, end: false };
    const g = value('gruppe');
    // MATCH ignores case but not spaces: "a 11" finds "A 11", "A11" does not
    exact.grade = typeof g === 'string' && g.toLowerCase() === gradeText.toLowerCase();
    const st = value('stufe');
    exact.step = typeof st === 'number' && st === s.stufe;
    const sh = value('anteil');
    exact.share = typeof sh === 'number' && s.anteil.eq(sh);
    const dateExact = (field: string, iso: string | undefined) => {
      const d = value(field);
      if (!iso) return d === undefined || d === null || d === '';
      const serial = d instanceof Date ? isoToSerial(dateToIso(d)) : d;
      // a date cell is referenced only when it is a whole day: a time of day would shift the month share
      return typeof serial === 'number' && serial === isoToSerial(iso) && exactDay(d);
    };
    exact.start = dateExact('beginn', s.beginn);
    exact.end = dateExact('ende', s.ende);
    const key = keyOf(i);
    const shape: Shape = {
      beamte: hit.beamte,
      payTable,
      segmented: helper?.has(key.key)
        ? {
            key: key.key,
            keyExpr: key.fromCell ? `"S:"&${addr('nr', row)}` : undefined,
            spec: positionLine(s, hit),
          }
        : undefined,
    };
    if (hit.beamte) beamte++;
    if (shape.segmented) segmented++;
    // a Stufe seit the reader did not take (a finding): the column formula would wait for a report
    const since = value('stufeSeit');
    const sinceAsRead = !!s.stufeSeit || since === undefined || since === null || since === '';
    const uniform = Object.values(exact).every(Boolean) && sinceAsRead && (!shape.segmented || key.fromCell);
    const own = () => {
      const lit = (field: string, ok: boolean, literal: string) => (ok ? addr(field, row)! : literal);
      return formula(
        {
          grade: lit('gruppe', exact.grade, quote(gradeText)),
          step: lit('stufe', exact.step, String(s.stufe)),
          share: lit('anteil', exact.share, s.anteil.toString()),
          start: s.beginn ? lit('beginn', exact.start, dateLiteral(s.beginn)) : undefined,
          end: s.ende ? lit('ende', exact.end, dateLiteral(s.ende)) : undefined,
        },
        shape,
        hit.monthly,
      );
    };
    return {
      cell: { r: num(pos.years[0].amount), s: 'money' as const },
      row,
      shape,
      uniform,
      own,
      generic: () => generic(row, shape, hit.monthly),
      monthly: hit.monthly,
    };
  });

  const positions = built.filter((b) => b.shape).length;
  const column: Shape = {
    beamte: beamte * 2 > positions,
    payTable: beamte * 2 > positions ? tables.besoldung : tables.entgelt,
  };
  const columnSegmented = !!helper && segmented * 2 > positions;
  const table = raw.tableName !== undefined;
  const sameShape = (s: Shape) => s.beamte === column.beamte && !!s.segmented === columnSegmented;
  const cells = built.map((b): SheetCell => {
    if (!b.shape) return b.cell;
    // only an Excel table has a calculated column: a plain sheet keeps the shorter formula of each row
    const f = table && b.uniform && sameShape(b.shape) ? (b.generic() ?? b.own()) : b.own();
    // no IFERROR: a formula that cannot be computed must show its error, never a blank cost
    return { ...b.cell, f };
  });

  // the column formula: the majority's shape for the first data row (a row of that shape if there is one)
  const first = raw.origin.row + 1;
  const model = table ? built.find((b) => b.shape && sameShape(b.shape)) : undefined;
  let calculated: string | undefined;
  const nrCell = model?.row && addr('nr', model.row);
  // a row keyed by a literal in the helper table cannot be the pattern for others
  if (model?.shape && (!model.shape.segmented || nrCell)) {
    const shape: Shape = model.shape.segmented
      ? {
          ...model.shape,
          segmented: {
            ...model.shape.segmented,
            keyExpr: `"S:"&${nrCell}`,
          },
        }
      : model.shape;
    const f = generic(model.row, shape, model.monthly);
    calculated = f && moveFormulaRows(f, first - model.row);
  }
  return { table: 'Stellen', header: 'Jahreskosten', cells, calculated };
}

/** A date value without a time of day (Date at UTC midnight, or a whole serial number). */
function exactDay(v: unknown): boolean {
  if (v instanceof Date) return v.getTime() % 86400000 === 0;
  return typeof v === 'number' && Number.isInteger(v);
}

/**
 * "Jahressonderzahlung nach Entgeltgruppe": the band rate of the first plan year picked by the row's own
 * Entgeltgruppe (MATCH over the pay table's spelling of each grade, as the monthly lookup), so that the
 * column formula is right for a row of any band; a grade without a band takes the parameter, as the engine.
 * Undefined when the switch is off or every grade has the same rate (the rate is then a plain number).
 */
function jszBandLookup(
  read: ReadResult,
  year: number,
  entgelt: PayTableLocation | undefined,
): ((gradeCell: string) => string) | undefined {
  const p = read.model.parameter;
  if (!p.jszNachGruppe || !entgelt) return undefined;
  const grades: string[] = [];
  const rates: string[] = [];
  for (const [grade, text] of entgelt.gradeText) {
    const rate = jszRate(grade, year);
    if (!rate) continue;
    grades.push(quote(text));
    rates.push(rate.toString());
  }
  const fallback = paramCell('jahressonderzahlung');
  // every grade of the table in a band of one rate: no lookup needed
  if (grades.length === entgelt.gradeText.size && new Set(rates).size <= 1) return undefined;
  return (cell) => `IFERROR(INDEX({${rates.join(',')}},MATCH(${cell},{${grades.join(',')}},0)),${fallback})`;
}

/**
 * Jahreskosten of a position `adopt` adds after the report, as its own formula: the row has no helper rows
 * in Berechnung (the report wrote them), so the column formula could not cost it. A line costed month by
 * month gets its rate segments of the first plan year inline – each segment's monthly pay from the pay
 * table (SUMIFS by grade and `Gültig ab`), its assumed increase and its months – in the same formula the
 * helper rows feed; any other line the first version's formula. Parameters come from Berechnung, as in
 * every other row. Undefined in a workbook where nothing is costed month by month: there the column
 * formula costs the new row from its own cells.
 */
export function adoptedJahreskosten(read: ReadResult, spec: LineSpec, year: number): SheetCell | undefined {
  const cost = new CostModel(read.model.parameter, read.model);
  // a workbook with a helper table: dated tables, v2 components or a rising step (the report keyed the
  // column formula to the helper rows when most rows are costed month by month)
  const monthByMonth =
    cost.byMonth(spec) ||
    cost.byMonth({ ...spec, beamte: !spec.beamte }) ||
    read.model.stellen.some((s) => s.stufeSeit);
  if (!monthByMonth) return undefined;
  const tables = payTables(read);
  const loc = spec.beamte ? tables.besoldung : tables.entgelt;
  const gradeText = loc?.gradeText.get(spec.grade) ?? spec.grade;
  const share = spec.share.toString();
  const months = `(${monthsFormula(
    spec.period.start && dateLiteral(spec.period.start),
    spec.period.end && dateLiteral(spec.period.end),
    paramCell('erstesPlanjahr'),
  )})`;
  const amount = { r: num(cost.lineCost(spec, year)), s: 'money' as const };
  if (!cost.byMonth(spec))
    return {
      ...amount,
      f: lineAmountFormula({
        monthly: monthlyFormula(loc, quote(gradeText), String(spec.step), spec.monthly),
        beamte: spec.beamte,
        share,
        months,
        year: paramCell('erstesPlanjahr'),
        params: paramCell,
      }),
    };
  // per segment: pay P = monthly × growth × share over m months, as one helper row computes it
  const segs = cost.segments(spec, year).map((seg) => {
    const monthly = seg.notInTable
      ? String(num(seg.monthly))
      : segmentMonthlyFormula(loc, gradeText, String(seg.step), seg.gueltigAb, seg.monthly);
    const growth = seg.exponent === 0 ? '' : `*(1+${paramCell('tarifsteigerung')})^${seg.exponent}`;
    return { pay: `${monthly}${growth}*${share}`, months: monthsLiteral(seg.start, seg.end) };
  });
  const total = (term: (s: { pay: string; months: string }) => string) =>
    segs.length === 0 ? '0' : `(${segs.map(term).join('+')})`;
  const ceiling = (key: 'bbgKvPv' | 'bbgRvAv') => v2Cell(key);
  const sums = (c: SegmentSum): string => {
    if (c === 'entgelt') return total((s) => `${s.pay}*${s.months}`);
    const bbg = ceiling(c.startsWith('kv') ? 'bbgKvPv' : 'bbgRvAv');
    return c.endsWith('Lfd')
      ? total((s) => `${s.months}*MIN(${s.pay},${bbg})`)
      : total((s) => `${s.months}*(${bbg}-MIN(${s.pay},${bbg}))`);
  };
  const p = read.model.parameter;
  const f = segmentedAmountFormula({
    key: '',
    year: paramCell('erstesPlanjahr'),
    beamte: spec.beamte,
    share,
    months,
    jsz: p.jszNachGruppe && !spec.beamte ? cost.jsz(spec, year).toString() : paramCell('jahressonderzahlung'),
    caps: segmentCaps(p),
    ranges: { key: '', year: '', entgelt: '', kvLfd: '', kvRest: '', rvLfd: '', rvRest: '' },
    sums,
    params: paramCell,
    v2: v2Cell,
  });
  // each segment's pay stands in the formula up to seven times: beyond Excel's 8.192 characters (many
  // segments) the engine's amount is written as a number – right, only not traceable
  return f.length <= MAX_FORMULA ? { ...amount, f } : { v: amount.r, s: 'money' };
}

/** Excel's limit of a formula's length, with room for the leading "=". */
const MAX_FORMULA = 8000;
