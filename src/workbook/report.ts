import {
  CostModel,
  annualFactor,
  lookupMonthly,
  monthsActive,
  positionLine,
  proRataAmount,
  type LineSpec,
} from '../domain/cost';
import { formatDateDe } from '../domain/dates';
import { inputChecksum } from '../domain/checksum';
import { D, formatDecimalDe, formatPercentDe, sum, type Dec } from '../domain/money';
import { displayGrade } from '../domain/grades';
import type { Finding } from '../domain/findings';
import { verdictOf, verdictText, type Verdict } from '../domain/verdict';
import type { CheckResult, LineBasis, MeasureResult } from '../domain/result';
import {
  FACTOR_FORMULAS,
  PARAM_ROWS,
  cellRange,
  lineAmountFormula,
  localParam,
  localV2,
  monthsLiteral,
  segmentMonthlyFormula,
  segmentedAmountFormula,
  V2_ROWS,
  type SegmentRanges,
  type SegmentSum,
  type SummaryRanges,
  monthlyFormula,
  monthPosition,
  monthPositionFormula,
  yearMonthsFormula,
  growthFormula,
  parameterBlock,
  parameterRef,
  type PayTableLocation,
} from './formulas';
import {
  a1,
  columnLetter,
  sheetRef,
  type ColumnWrite,
  type GeneratedSheet,
  type SheetCell,
  type WriteBatch,
} from './port';
import { combineFindings, type ReadResult } from './read';
import { PARAMETER_NAMES_V2, SHEETS } from './schema';
import { buildStellenplan, buildSzenarien, buildVorlagen } from './papers';
import { validations } from './template';
import { alignTop, paperPrint } from './print';
import { jahreskostenColumn, payTables, segmentCaps, stellenHelperKeys } from './jahreskosten';

export interface ReportOptions {
  /** ISO date printed as "Stand". */
  stand: string;
  lang?: 'de' | 'en';
}

const num = (d: Dec) => Number(d.toFixed(2));
const SEVERITY_DE: Record<Finding['severity'], string> = {
  error: 'Fehler',
  warning: 'Warnung',
  info: 'Hinweis',
};

/**
 * V8 keeps a text built from pieces (`SUM(${range})`) as a tree of those pieces, several times the size of
 * the text itself; reading one character makes it one flat string. At 100.000 positions the report's
 * formulas would otherwise hold hundreds of MB until they are written.
 */
function flat<T extends SheetCell | null | undefined>(cell: T): T {
  if (typeof cell?.f === 'string') cell.f.charCodeAt(0);
  if (typeof cell?.v === 'string') cell.v.charCodeAt(0);
  return cell;
}

function flatRow<T extends (SheetCell | null)[]>(row: T): T {
  row.forEach(flat);
  return row;
}

function flatColumn(column: ColumnWrite): ColumnWrite {
  flatRow(column.cells);
  return column;
}

/** First column of the per-year block in `Berechnung`; each year has "Monate" then "Betrag". */
const YEAR_COL = 15;
const LINES_HEADER_ROW = 14;
/** The row above the line header: each year's pay growth factor, above its "Betrag" column. */
const GROWTH_ROW = LINES_HEADER_ROW - 1;

interface BerechnungLayout {
  sheet: GeneratedSheet;
  firstRow: number;
  lastRow: number;
  amountColumn: (yearIndex: number) => number;
  /** First and last row of each measure's cost and cover lines. */
  blocks: Map<string, Partial<Record<'Kosten' | 'Deckung', [number, number]>>>;
  /** The month-by-month helper table (contract v2), when any line needs one. */
  helper?: SegmentHelper;
}

/** Everything `report` writes: generated sheets, the Jahreskosten formula column, drop-down lists. */
export function buildReport(read: ReadResult, result: CheckResult, options: ReportOptions): WriteBatch {
  const berechnung = buildBerechnung(read, result);
  const checksum = inputChecksum(read.model);
  const allFindings = combineFindings(read, result.findings);
  return {
    sheets: [
      buildUebersicht(read, result, berechnung, allFindings, { ...options, checksum }),
      buildSzenarien(result, options.stand, checksum),
      buildStellenplan(result, options.stand, checksum),
      buildVorlagen(result, options.stand, checksum),
      buildPruefung(read, allFindings, options.stand, checksum),
      berechnung.sheet,
    ],
    columns: [flatColumn(jahreskostenColumn(read, result, payTables(read), berechnung.helper))],
    validations: validations(
      Math.max(500, read.model.stellen.length + 200),
      read.tables.get('Entgelttabelle')?.rows.length ?? 60,
    ),
  };
}

/** What `Prüfen` writes: only the Prüfung sheet (one row per finding, linked to its cell). */
export function buildCheck(read: ReadResult, result: CheckResult, options: ReportOptions): WriteBatch {
  const findings = combineFindings(read, result.findings);
  return { sheets: [buildPruefung(read, findings, options.stand, inputChecksum(read.model))] };
}

function buildBerechnung(read: ReadResult, result: CheckResult): BerechnungLayout {
  const { entgelt, besoldung } = payTables(read);
  const rows: (SheetCell | null)[][] = [];
  rows[0] = [
    {
      v: 'Berechnung – erzeugt von Stellenplan & Deckung, wird bei jedem Bericht neu geschrieben',
      s: 'title',
    },
  ];
  rows[1] = [{ v: 'Parameter (aus dem Blatt „Parameter“)', s: 'subtitle' }];
  parameterBlock(read.tables.get('Parameter'), read.model.parameter).forEach((p, i) => {
    rows[2 + i] = [{ v: p.label }, p.f ? { f: p.f, r: p.v } : { v: p.v }];
  });
  const factorB = result.model.parameter;
  rows[PARAM_ROWS.faktorBeschaeftigte - 1] = [
    { v: 'Jahresfaktor Beschäftigte' },
    { f: FACTOR_FORMULAS.beschaeftigte, r: annualFactorNumber(factorB, false) },
  ];
  rows[PARAM_ROWS.faktorBeamte - 1] = [
    { v: 'Jahresfaktor Beamte' },
    { f: FACTOR_FORMULAS.beamte, r: annualFactorNumber(factorB, true) },
  ];

  const header: SheetCell[] = [
    'Maßnahme-Nr.',
    'Typ',
    'Bezeichnung',
    'Vorzeichen',
    'Gruppe',
    'Stufe',
    'Dienstverhältnis',
    'Monatsbetrag',
    'Anteil',
    'Beginn',
    'Ende',
    `Beginn: Monat ab 01.01.${result.years[0]}`,
    `Ende: Monat ab 01.01.${result.years[0]}`,
    'Betrag €/Jahr',
  ].map((v) => ({ v, s: 'header' as const }));
  result.years.forEach((y) =>
    header.push({ v: `Monate ${y}`, s: 'header' }, { v: `Betrag ${y}`, s: 'header' }),
  );
  rows[LINES_HEADER_ROW - 1] = header;
  // one growth factor per year instead of (1+rate)^(year−first) in every line's amount
  const growthRow: (SheetCell | null)[] = [{ v: 'Tarifsteigerung: Faktor je Planjahr' }];
  const rate = new D(result.model.parameter.tarifsteigerung.toString()).plus(1);
  result.years.forEach((year, i) => {
    growthRow[YEAR_COL + 2 * i] = {
      f: growthFormula(year),
      r: Number(rate.pow(year - result.model.parameter.erstesPlanjahr).toString()),
      s: 'number3',
    };
  });
  rows[GROWTH_ROW - 1] = Array.from(growthRow, (c) => c ?? null);

  let r = LINES_HEADER_ROW + 1;
  const helper = segmentHelper(read, result, rows);
  // Each measure's cost lines, then its cover lines, stand in one block of rows: the summary sums that
  // block (SUM over a few rows), exact and fast even with thousands of lines.
  const blocks = new Map<string, Partial<Record<'Kosten' | 'Deckung', [number, number]>>>();
  const addLine = (nr: string, typ: 'Kosten' | 'Deckung', line: LineBasis) => {
    rows[r - 1] = flatRow(lineRow(r, nr, typ, line, result.years, { entgelt, besoldung }, read, helper));
    const entry = blocks.get(nr) ?? {};
    entry[typ] = [entry[typ]?.[0] ?? r, r];
    blocks.set(nr, entry);
    r++;
  };
  for (const m of result.measures) {
    for (const line of m.lines) addLine(m.massnahme.nr, 'Kosten', line);
    for (const c of m.cover) if (c.basis) addLine(m.massnahme.nr, 'Deckung', c.basis);
  }
  const widths = [14, 9, 34, 10, 8, 6, 14, 13, 7, 11, 11, 11, 11, 13, ...result.years.flatMap(() => [9, 13])];
  if (helper) {
    helper.write(rows, { entgelt, besoldung });
    widths[3] = 22; // the v2 parameter labels stand in column D
  }
  return {
    sheet: { name: SHEETS.berechnung, rows, widths, freeze: { row: LINES_HEADER_ROW, col: 1 } },
    firstRow: LINES_HEADER_ROW + 1,
    lastRow: Math.max(LINES_HEADER_ROW + 1, r - 1),
    amountColumn: (i) => YEAR_COL + 2 * i + 1,
    blocks,
    helper,
  };
}

function annualFactorNumber(p: CheckResult['model']['parameter'], beamte: boolean): number {
  return Number(annualFactor(p, beamte).toString());
}

function lineRow(
  r: number,
  nr: string,
  typ: 'Kosten' | 'Deckung',
  line: LineBasis,
  years: number[],
  tables: { entgelt?: PayTableLocation; besoldung?: PayTableLocation },
  read: ReadResult,
  helper?: SegmentHelper,
): SheetCell[] {
  const period = line.kind === 'position' ? line.spec.period : line.period;
  const payTable =
    line.kind === 'position' ? (line.spec.beamte ? tables.besoldung : tables.entgelt) : undefined;
  const cells: SheetCell[] = [
    { v: nr },
    { v: typ },
    { v: line.label },
    { v: line.sign },
    // the grade as the pay table spells it ("A 11"): the MATCH in column H compares text
    line.kind === 'position' ? { v: payTable?.gradeText.get(line.spec.grade) ?? line.spec.grade } : {},
    line.kind === 'position' ? { v: line.spec.step } : {},
    line.kind === 'position' ? { v: line.spec.beamte ? 'Beamte' : 'Beschäftigte' } : {},
    line.kind === 'position'
      ? {
          f: payTable?.dateColumn
            ? // dated tables: the row valid at the start of the first plan year, as the engine took it
              segmentMonthlyFormula(
                payTable,
                payTable.gradeText.get(line.spec.grade) ?? line.spec.grade,
                `$F${r}`,
                (line.spec.beamte ? read.model.besoldungstabelle : read.model.entgelttabelle).rows.get(
                  line.spec.grade,
                )?.gueltigAb,
                line.spec.monthly,
              )
            : monthlyFormula(payTable, `$E${r}`, `$F${r}`, line.spec.monthly),
          r: num(line.spec.monthly),
          s: 'money',
        }
      : {},
    line.kind === 'position' ? { v: Number(line.spec.share.toString()), s: 'number3' } : {},
    period.start ? { v: period.start, s: 'date' } : {},
    period.end ? { v: period.end, s: 'date' } : {},
    // start and end once on a month scale (L, M); each year's months are their overlap with the year
    period.start
      ? {
          f: monthPositionFormula(`$J${r}`, years[0], 'start'),
          r: monthPosition(period.start, years[0], 'start'),
          s: 'number3',
        }
      : {},
    period.end
      ? {
          f: monthPositionFormula(`$K${r}`, years[0], 'end'),
          r: monthPosition(period.end, years[0], 'end'),
          s: 'number3',
        }
      : {},
    line.kind === 'betrag' ? { v: num(line.betrag), s: 'money' } : {},
  ];
  years.forEach((year, i) => {
    const monthsCol = columnLetter(YEAR_COL + 2 * i);
    const months = monthsActive(period, year);
    cells.push({
      f: yearMonthsFormula(period.start ? `$L${r}` : undefined, period.end ? `$M${r}` : undefined, i),
      r: Number(months.toString()),
      s: 'number3',
    });
    const byMonth = line.kind === 'position' && helper?.has(`Z${r}`);
    const amount =
      line.kind === 'position' && byMonth
        ? segmentedAmountFormula({
            key: `Z${r}`,
            year,
            beamte: line.spec.beamte,
            share: `$I${r}`,
            months: `${monthsCol}${r}`,
            jsz: helper!.jsz(line.spec, year, localParam('jahressonderzahlung')),
            caps: helper!.caps,
            ranges: helper!.ranges(''),
            // the line's own summary row: the sums without any lookup
            sums: helper!.sumsAt(`Z${r}`, year),
            params: localParam,
            v2: localV2,
            sign: `$D${r}`,
          })
        : line.kind === 'position'
          ? lineAmountFormula({
              monthly: `$H${r}`,
              beamte: line.spec.beamte,
              share: `$I${r}`,
              months: `${monthsCol}${r}`,
              year,
              sign: `$D${r}`,
              params: localParam,
              growthCell: `${columnLetter(YEAR_COL + 2 * i + 1)}$${GROWTH_ROW}`,
            })
          : `$D${r}*ROUND($N${r}*${monthsCol}${r}/12,2)`;
    cells.push({ f: amount, r: num(lineValue(line, year, read)), s: 'money' });
  });
  return cells;
}

function lineValue(line: LineBasis, year: number, read: ReadResult): Dec {
  // The engine's own numbers: the cached results are exactly what the engine reports.
  if (line.kind === 'betrag') return proRataAmount(line.betrag, line.period, year).times(line.sign);
  return costModelFor(read).lineCost(line.spec, year).times(line.sign);
}

const costModels = new WeakMap<ReadResult, CostModel>();
function costModelFor(read: ReadResult): CostModel {
  let m = costModels.get(read);
  if (!m) costModels.set(read, (m = new CostModel(read.model.parameter, read.model)));
  return m;
}

const VERDICT_STYLE: Record<Verdict, 'ok' | 'error' | 'info'> = {
  'Termin offen': 'info',
  gedeckt: 'ok',
  'nicht gedeckt': 'error',
};

function statusText(m: MeasureResult): { v: string; s: 'ok' | 'error' | 'info' } {
  const verdict = verdictOf(m);
  return { v: verdictText(verdict), s: VERDICT_STYLE[verdict] };
}

function buildUebersicht(
  read: ReadResult,
  result: CheckResult,
  b: BerechnungLayout,
  findings: Finding[],
  o: ReportOptions & { checksum: string },
): GeneratedSheet {
  const years = result.years;
  const rows: (SheetCell | null)[][] = [];
  const lastCol = 5 + years.length + 2;
  rows.push([
    { v: 'Stellenplan & Deckung – Übersicht für den Haupt- und Finanzausschuss (HFW)', s: 'title' },
  ]);
  rows.push([
    {
      v: `Stand ${formatDateDe(o.stand)} · Planjahre ${years[0]}–${years[years.length - 1]} · Prüfsumme der Eingaben ${o.checksum}`,
      s: 'note',
    },
  ]);
  const header: SheetCell[] = [
    'Maßnahme',
    'Bezeichnung',
    'Art',
    'Organisationseinheit',
    'Zeile',
    ...years.map(String),
    'Status',
    'Auflagen',
  ].map((v) => ({
    v,
    s: 'header' as const,
  }));
  rows.push(header);
  // SUM over the measure's own block of lines, not SUMIFS by number: SUMIFS criteria ignore case, treat
  // * ? ~ as wildcards and compare number-like text as numbers ("1.10" = "1.1"); SUMPRODUCT(EXACT()) is
  // exact but scans every line for every cell (minutes in LibreOffice for 1.000 measures).
  const sumOf = (nr: string, typ: 'Kosten' | 'Deckung', i: number, value: Dec): SheetCell => {
    const block = b.blocks.get(nr)?.[typ];
    // no lines (transfer, undated measure, no cover): still a formula, so every summary cell recalculates
    if (!block) return { f: '0', r: 0, s: 'money' };
    return {
      f: `SUM(${cellRange(SHEETS.berechnung, b.amountColumn(i), block[0], block[1])})`,
      r: num(value),
      s: 'money',
    };
  };
  const negatives: string[] = [];
  // A variant lists only its own measures; its total is the Basis total plus theirs.
  const basisScenario = result.scenarios.find((x) => x.name === 'Basis');
  let basisTotalRow: number | undefined;
  const basisMeasures = new Set(basisScenario?.measures.map((b) => b.massnahme));
  for (const scenario of result.scenarios) {
    const isVariant = scenario !== basisScenario && basisTotalRow !== undefined;
    const own = isVariant
      ? scenario.measures.filter((m) => !basisMeasures.has(m.massnahme))
      : scenario.measures;
    rows.push([]);
    rows.push([
      { v: `Szenario: ${scenario.name}${isVariant ? ' (Basis und zusätzlich)' : ''}`, s: 'subtitle' },
    ]);
    const blockStart = rows.length + 1;
    for (const m of own) {
      const r = rows.length + 1;
      const mm = m.massnahme;
      const first: SheetCell[] = [
        { v: mm.nr },
        { v: mm.bezeichnung, s: 'wrap' },
        { v: mm.art },
        { v: mm.oe },
        { v: 'Kosten' },
      ];
      // what, where, grade, share, term – and for a fixed-term position the review date
      const details = [
        [mm.oe, mm.dezernat].filter(Boolean).join(' · '),
        mm.gruppe ? `${displayGrade(mm.gruppe)}${mm.stufe ? `/${mm.stufe}` : ''}` : '',
        mm.anteil ? `Anteil ${formatDecimalDe(mm.anteil, 3)}` : '',
        mm.terminOffen
          ? 'Termin offen'
          : `${formatDateDe(mm.beginn) || 'offen'} – ${formatDateDe(mm.ende) || 'unbefristet'}`,
      ].filter(Boolean);
      const second: SheetCell[] = [{}, { v: details.join(' · '), s: 'wrap' }, {}, {}, { v: 'Deckung' }];
      const third: SheetCell[] = [{}, {}, {}, {}, { v: 'Saldo', s: 'moneyBold' }];
      years.forEach((_, i) => {
        first.push(sumOf(mm.nr, 'Kosten', i, m.years[i].cost));
        second.push(sumOf(mm.nr, 'Deckung', i, m.years[i].cover));
        const col = columnLetter(6 + i);
        third.push({ f: `${col}${r + 1}-${col}${r}`, r: num(m.years[i].balance), s: 'moneyBold' });
      });
      const status = statusText(m);
      first.push({ v: status.v, s: status.s }, { v: mm.auflagen, s: 'wrap' });
      if (mm.art === 'Neue Stelle' && mm.ende)
        third[1] = { v: `Wiedervorlage: Entfristung bis ${formatDateDe(mm.ende)} entscheiden`, s: 'wrap' };
      rows.push(flatRow(first), flatRow(second), flatRow(third));
      // each cover source with its amount per year
      for (const c of m.cover) {
        const d = c.deckung;
        rows.push([
          {},
          { v: `Deckung: ${d.quelle || d.stellenNr || d.haushaltsstelle}`, s: 'wrap' },
          { v: d.art, s: 'wrap' },
          { v: d.stellenNr ? `Stelle ${d.stellenNr}` : d.haushaltsstelle, s: 'wrap' },
          { v: 'davon' },
          ...c.years.map((y) => ({ v: num(y.amount), s: 'money' as const })),
        ]);
      }
      negatives.push(`${columnLetter(6)}${r + 2}:${columnLetter(5 + years.length)}${r + 2}`);
    }
    const blockEnd = rows.length;
    const totals: SheetCell[] = [
      { v: `Summe ${scenario.name}`, s: 'moneyBold' },
      {},
      {},
      {},
      { v: 'Saldo', s: 'moneyBold' },
    ];
    years.forEach((_, i) => {
      const col = columnLetter(6 + i);
      const range = (c: string) => `${c}${blockStart}:${c}${Math.max(blockStart, blockEnd)}`;
      const ownSum = own.length > 0 ? `SUMIF(${range('E')},"Saldo",${range(col)})` : '0';
      totals.push({
        f: isVariant ? `${col}${basisTotalRow}+${ownSum}` : ownSum,
        r: num(scenario.totals[i].balance),
        s: 'moneyBold',
      });
    });
    rows.push(totals);
    if (scenario === basisScenario) basisTotalRow = rows.length;
    negatives.push(`${columnLetter(6)}${rows.length}:${columnLetter(5 + years.length)}${rows.length}`);
  }
  // Effect on personnel cost (Basis): the plan as it stands, the measures gross and net of cover, in %.
  const basis = result.scenarios.find((x) => x.name === 'Basis');
  if (basis) {
    const plan = years.map((_, i) => sum(result.positions.map((p) => p.years[i].amount)));
    rows.push([]);
    rows.push([{ v: 'Auswirkung auf die Personalkosten (Basis)', s: 'subtitle' }]);
    const line = (label: string, values: Dec[], style: 'money' | 'moneyBold' = 'money'): SheetCell[] => [
      { v: label },
      {},
      {},
      {},
      {},
      ...values.map((v) => ({ v: num(v), s: style })),
    ];
    rows.push(line('Personalkosten laut Stellenplan', plan));
    rows.push(
      line(
        'Mehrkosten der Maßnahmen (brutto)',
        basis.totals.map((t) => t.cost),
      ),
    );
    rows.push(
      line(
        'Mehrkosten nach Deckung (netto)',
        basis.totals.map((t) => t.balance.neg()),
        'moneyBold',
      ),
    );
    rows.push([
      { v: 'Veränderung brutto / netto gegenüber dem Stellenplan' },
      {},
      {},
      {},
      {},
      ...years.map((_, i) => ({
        v: plan[i].isZero()
          ? '–'
          : `${formatPercentDe(basis.totals[i].cost.div(plan[i]), 1)} / ${formatPercentDe(basis.totals[i].balance.neg().div(plan[i]), 1)}`,
      })),
    ]);
  }
  // Personnel budget lines: Ansatz and the cost of the positions charged to the line, both as of the report
  // (a live link to Planansätze next to the report day's Stellenkosten showed false shortfalls after adopt),
  // and the margin as a formula – shortfalls coloured like every negative balance.
  if (result.budget.length > 0) {
    rows.push([]);
    rows.push([
      { v: 'Personal-Planansätze: Ansatz, Kosten der zugeordneten Stellen, Spielraum', s: 'subtitle' },
    ]);
    // the first Ansatz per line and year (a lookup per cell, not a scan of all Planansätze)
    const ansatzOf = new Map<string, (typeof read.model.planansaetze)[number]>();
    for (const x of read.model.planansaetze) {
      const key = `${x.haushaltsstelle}\u0000${x.jahr}`;
      if (!ansatzOf.has(key)) ansatzOf.set(key, x);
    }
    for (const line of result.budget) {
      const r = rows.length + 1;
      const ansatz: SheetCell[] = [
        { v: line.haushaltsstelle },
        { v: line.bezeichnung, s: 'wrap' },
        {},
        {},
        { v: 'Ansatz' },
      ];
      const kosten: SheetCell[] = [{}, {}, {}, {}, { v: 'Stellenkosten' }];
      const spielraum: SheetCell[] = [{}, {}, {}, {}, { v: 'Spielraum', s: 'moneyBold' }];
      line.years.forEach((y, i) => {
        const c = columnLetter(6 + i);
        const has = ansatzOf.has(`${line.haushaltsstelle}\u0000${y.year}`) && y.ansatz !== undefined;
        ansatz.push(has ? { v: num(y.ansatz!), s: 'money' } : { v: 'kein Ansatz', s: 'note' });
        kosten.push({ v: num(y.cost), s: 'money' });
        spielraum.push(has ? { f: `${c}${r}-${c}${r + 1}`, r: num(y.margin!), s: 'moneyBold' } : {});
      });
      rows.push(ansatz, kosten, spielraum);
      negatives.push(`${columnLetter(6)}${r + 2}:${columnLetter(5 + years.length)}${r + 2}`);
    }
  }
  // Protected lines (e.g. school equipment): proven untouched, or the findings that touch them.
  const protectedLines = [
    ...new Map(
      read.model.planansaetze.filter((p) => p.geschuetzt).map((p) => [p.haushaltsstelle, p]),
    ).values(),
  ];
  if (protectedLines.length > 0) {
    rows.push([]);
    rows.push([{ v: 'Geschützte Planansätze', s: 'subtitle' }]);
    for (const p of protectedLines) {
      const touching = findings.filter(
        (f) =>
          (f.code === 'COVER_PROTECTED' || f.code === 'PROTECTED_REDUCED') &&
          f.message.includes(p.haushaltsstelle),
      );
      const usedBy = read.model.deckung
        .filter((d) => d.haushaltsstelle === p.haushaltsstelle)
        .map((d) => d.massnahmeNr);
      const reducedBy = read.model.massnahmen
        .filter((m) => m.haushaltsstelle === p.haushaltsstelle && m.planansatz?.isNegative())
        .map((m) => m.nr);
      rows.push([
        { v: p.haushaltsstelle },
        { v: p.bezeichnung },
        {},
        {},
        {},
        touching.length === 0 && usedBy.length === 0 && reducedBy.length === 0
          ? { v: 'unberührt: keine Maßnahme kürzt ihn, keine Deckung greift auf ihn zu', s: 'ok' }
          : {
              v: `berührt von ${[...new Set([...usedBy, ...reducedBy])].join(', ')} – siehe Prüfung (${touching.map((f) => f.code).join(', ')})`,
              s: 'error',
            },
      ]);
    }
  }
  rows.push([]);
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  rows.push([
    {
      v: `Prüfung: ${count('error')} Fehler, ${count('warning')} Warnungen, ${count('info')} Hinweise – Einzelheiten im Blatt „${SHEETS.pruefung}“.`,
      s: count('error') ? 'error' : 'ok',
    },
  ]);
  const reviews = findings.filter((f) => f.code === 'FIXED_TERM_REVIEW');
  for (const f of reviews) rows.push([{ v: `Wiedervorlage: ${f.message}`, s: 'info' }]);
  return {
    name: SHEETS.uebersicht,
    rows: alignTop(rows),
    // wide enough that no header word ("Organisationseinheit") and no amount is broken or cut
    widths: [12, 36, 24, 22, 13, ...years.map(() => 15), 14, 40].slice(0, lastCol),
    freeze: { row: 3, col: 0 },
    print: paperPrint({ title: 'Übersicht HFW', stand: o.stand, checksum: o.checksum, repeat: [3, 3] }),
    conditional: negatives.map((range) => ({ range, kind: 'negative' as const })),
  };
}

function buildPruefung(
  read: ReadResult,
  findings: Finding[],
  stand: string,
  checksum: string,
): GeneratedSheet {
  const rows: (SheetCell | null)[][] = [
    [{ v: 'Prüfung – jede Meldung verweist auf ihre Zelle', s: 'title' }],
    [{ v: `Stand ${formatDateDe(stand)} · Prüfsumme ${checksum} · ${findings.length} Meldungen`, s: 'note' }],
    ['Schwere', 'Code', 'Meldung', 'Blatt', 'Zelle', 'Maßnahme', 'Szenario'].map((v) => ({
      v,
      s: 'header' as const,
    })),
  ];
  const order: Record<Finding['severity'], number> = { error: 0, warning: 1, info: 2 };
  const sorted = [...findings].sort((a, b) => order[a.severity] - order[b.severity]);
  for (const f of sorted) {
    const loc = read.locate(f.ref);
    rows.push([
      { v: SEVERITY_DE[f.severity], s: f.severity },
      { v: f.code },
      { v: f.message, s: 'wrap' },
      { v: loc?.sheet ?? '' },
      loc ? { v: loc.cell, link: `${sheetRef(loc.sheet)}!${loc.cell}` } : {},
      { v: f.measure ?? '' },
      { v: f.scenario ?? '' },
    ]);
  }
  if (findings.length === 0) rows.push([{ v: 'Keine Meldungen.', s: 'ok' }]);
  return {
    name: SHEETS.pruefung,
    rows: alignTop(rows),
    widths: [10, 24, 80, 14, 8, 13, 14],
    freeze: { row: 3, col: 0 },
    print: paperPrint({ title: 'Prüfung', stand, checksum, repeat: [3, 3] }),
  };
}

export { a1 };

// ---- Contract v2: the helper table of rate segments (one row per line, year and rate) ----

interface HelperEntry {
  key: string;
  year: number;
  spec: LineSpec;
  /** The data row index of a Stellen row (its summary row stands at the same place in the Stellen block). */
  stellenRow?: number;
}

/** Columns of the helper table: key, year, from, to, months, grade, step, Gültig ab, monthly, growth, share, pay, KV/RV. */
const HELPER_HEADER = [
  'Schlüssel',
  'Jahr',
  'Von',
  'Bis',
  'Monate',
  'Gruppe',
  'Stufe',
  'Tabelle gültig ab',
  'Monatsbetrag',
  'Steigerung',
  'Anteil',
  'Entgelt',
  'KV/PV bis BBG',
  'KV/PV Rest bis BBG',
  'RV/AV bis BBG',
  'RV/AV Rest bis BBG',
];

/** Columns of the summary beside it (R…X): one row per key and year, the sums of its segment rows. */
const SUMMARY_HEADER = [
  'Schlüssel',
  'Jahr',
  'Σ Entgelt',
  'Σ KV/PV bis BBG',
  'Σ KV/PV Rest',
  'Σ RV/AV bis BBG',
  'Σ RV/AV Rest',
];
const SUMMARY_COL = 17; // R (0-based), one empty column after the segments
const SUMMED: readonly SegmentSum[] = ['entgelt', 'kvLfd', 'kvRest', 'rvLfd', 'rvRest'];
const SEGMENT_COL: Record<SegmentSum, string> = {
  entgelt: 'L',
  kvLfd: 'M',
  kvRest: 'N',
  rvLfd: 'O',
  rvRest: 'P',
};

interface SegmentHelper {
  has(key: string): boolean;
  jsz(spec: LineSpec, year: number, cell: string): string;
  caps: { kv: boolean; kvCeiling: boolean; rv: boolean; rvCeiling: boolean };
  ranges(prefix: string): SegmentRanges;
  summary(prefix: string): SummaryRanges;
  /** The five sums of a key and year as references to its summary row (a Berechnung line's own row). */
  sumsAt(key: string, year: number): (column: SegmentSum) => string;
  write(
    rows: (SheetCell | null)[][],
    tables: { entgelt?: PayTableLocation; besoldung?: PayTableLocation },
  ): void;
}

/**
 * Lines costed month by month (dated tables, rising steps, v2 components) get one helper row per rate
 * segment below the lines (readable, no monster formula), and beside them one summary row per line and year
 * whose five sums are SUM over that line's own contiguous segment rows: a Berechnung line refers to its
 * summary row, a Stellen row finds it by one MATCH on its key – linear, where SUMIFS over the whole helper
 * table in every formula grew with the square of the positions.
 * Measure lines are keyed "Z<row>", Stellen rows "S:<Stellen-Nr.>" (first plan year, for the Jahreskosten column).
 */
function segmentHelper(
  read: ReadResult,
  result: CheckResult,
  rows: (SheetCell | null)[][],
): SegmentHelper | undefined {
  const cost = costModelFor(read);
  const p = read.model.parameter;
  const entries: HelperEntry[] = [];
  let r = LINES_HEADER_ROW + 1;
  for (const m of result.measures) {
    for (const line of m.lines) {
      if (line.kind === 'position' && cost.byMonth(line.spec))
        for (const y of result.years) entries.push({ key: `Z${r}`, year: y, spec: line.spec });
      r++;
    }
    for (const c of m.cover)
      if (c.basis) {
        if (c.basis.kind === 'position' && cost.byMonth(c.basis.spec))
          for (const y of result.years) entries.push({ key: `Z${r}`, year: y, spec: c.basis.spec });
        r++;
      }
  }
  const lastLine = r - 1;
  const byRow = new Map(result.positions.map((x) => [x.stelle.ref.row, x]));
  const stellenKey = stellenHelperKeys(read);
  read.model.stellen.forEach((s) => {
    const pos = byRow.get(s.ref.row);
    if (!pos) return;
    const hit = lookupMonthly(read.model, s.gruppe, s.stufe);
    if (!hit.ok) return;
    const spec = positionLine(s, hit);
    if (cost.byMonth(spec))
      entries.push({ key: stellenKey(s.ref.row).key, year: result.years[0], spec, stellenRow: s.ref.row });
  });
  if (entries.length === 0) return undefined;

  const segs = entries.flatMap((e) => cost.segments(e.spec, e.year).map((seg) => ({ e, seg })));
  const first = lastLine + 4; // header at lastLine + 3, a title above it
  const last = Math.max(first, first + segs.length - 1);
  // the summary: entry i in row first + i, summing its segment rows [from, to] (none: 0)
  const groups: { e: HelperEntry; from: number; to: number }[] = [];
  {
    let at = first;
    let i = 0;
    for (const e of entries) {
      const from = at;
      while (i < segs.length && segs[i].e === e) {
        i++;
        at++;
      }
      groups.push({ e, from, to: at - 1 });
    }
  }
  // the summary's order: the Stellen rows first, each at its sheet row − offset (gaps left empty), then the lines
  const stellenRows = groups.flatMap((g) => (g.e.stellenRow === undefined ? [] : [g.e.stellenRow]));
  const base = stellenRows.length > 0 ? stellenRows.reduce((a, b) => Math.min(a, b)) : 0;
  const slots: ((typeof groups)[number] | undefined)[] = new Array<undefined>(
    stellenRows.length > 0 ? stellenRows.reduce((a, b) => Math.max(a, b)) - base + 1 : 0,
  ).fill(undefined);
  for (const g of groups)
    if (g.e.stellenRow === undefined) slots.push(g);
    else slots[g.e.stellenRow - base] = g;
  // data row i stands in sheet row origin + 1 + i: its summary row is number ROW() − offset of the summary
  const offset = (read.tables.get('Stellen')?.origin.row ?? 0) + base;
  const summaryRow = new Map<string, number>();
  slots.forEach((g, i) => g && summaryRow.set(`${g.e.key}|${g.e.year}`, first + i));
  const summaryLast = Math.max(first, first + slots.length - 1);
  const summaryCol = (i: number) => columnLetter(SUMMARY_COL + 1 + i);
  const keys = new Set(entries.map((e) => e.key));
  const col = (c: string, prefix: string) => `${prefix}$${c}$${first}:$${c}$${last}`;
  const caps = segmentCaps(p);
  // the v2 parameters beside the first version's block (column D label, E value)
  // each value refers to its Parameter cell where that holds exactly the engine's value (as the first block)
  const v2 = (key: keyof typeof V2_ROWS, label: string, value: Dec | undefined) => {
    const row = (rows[V2_ROWS[key] - 1] ??= []);
    row[3] = { v: label };
    const n = value ? Number(value.toString()) : 0;
    const f = value ? parameterRef(read.tables.get('Parameter'), PARAMETER_NAMES_V2[key], value) : undefined;
    row[4] = f ? { f, r: n } : { v: n };
  };
  v2('leistungsentgelt', 'Leistungsentgelt', p.leistungsentgelt);
  v2('agKvPv', 'AG-Anteil KV/PV', p.agKvPv);
  v2('bbgKvPv', 'BBG KV/PV (Monat)', p.bbgKvPv);
  v2('agRvAv', 'AG-Anteil RV/AV', p.agRvAv);
  v2('bbgRvAv', 'BBG RV/AV (Monat)', p.bbgRvAv);
  v2('beihilfe', 'Beihilfe Beamte', p.beihilfe);
  const tRow = (rows[8] ??= []);
  tRow[3] = { v: 'Tarifsteigerung ab' };
  tRow[4] = { v: p.tarifsteigerungAb ? formatDateDe(p.tarifsteigerungAb) : 'ab 2. Planjahr' };

  return {
    has: (key) => keys.has(key),
    caps,
    jsz: (spec, year, cell) => (p.jszNachGruppe && !spec.beamte ? cost.jsz(spec, year).toString() : cell),
    ranges: (prefix) => ({
      key: col('A', prefix),
      year: col('B', prefix),
      entgelt: col('L', prefix),
      kvLfd: col('M', prefix),
      kvRest: col('N', prefix),
      rvLfd: col('O', prefix),
      rvRest: col('P', prefix),
    }),
    summary: (prefix) => {
      const range = (i: number) => `${prefix}$${summaryCol(i)}$${first}:$${summaryCol(i)}$${summaryLast}`;
      const out = { key: range(0), year: range(1), offset } as SummaryRanges;
      SUMMED.forEach((c, i) => (out[c] = range(i + 2)));
      return out;
    },
    sumsAt: (key, year) => {
      const row = summaryRow.get(`${key}|${year}`)!;
      return (c) => `$${summaryCol(SUMMED.indexOf(c) + 2)}$${row}`;
    },
    write(out, tables) {
      out[first - 3] = [
        {
          v: 'Monatsabschnitte: je Zeile und Jahr ein Satz (Tabelle gültig ab, Stufe, Steigerung); Monate nach Kalendertagen',
          s: 'subtitle',
        },
      ];
      out[first - 2] = HELPER_HEADER.map((v) => ({ v, s: 'header' as const }));
      SUMMARY_HEADER.forEach((v, i) => (out[first - 2][SUMMARY_COL + i] = { v, s: 'header' }));
      out[first - 2] = Array.from(out[first - 2], (c) => c ?? null);
      const values: Dec[][] = [];
      segs.forEach(({ e, seg }, i) => {
        const row = first + i;
        const loc = e.spec.beamte ? tables.besoldung : tables.entgelt;
        const gradeText = loc?.gradeText.get(e.spec.grade) ?? e.spec.grade;
        const pay = seg.monthly.times(seg.growth).times(e.spec.share);
        const ceil = (c: Dec | undefined) => c ?? new D(0);
        const lfd = (c: Dec | undefined) => D.min(pay, ceil(c)).times(seg.months);
        const rest = (c: Dec | undefined) =>
          ceil(c)
            .minus(D.min(pay, ceil(c)))
            .times(seg.months);
        const growth = p.tarifsteigerungAb
          ? `(1+$B$${PARAM_ROWS.tarifsteigerung})^${seg.exponent}`
          : `(1+$B$${PARAM_ROWS.tarifsteigerung})^($B${row}-$B$${PARAM_ROWS.erstesPlanjahr})`;
        const P = `$I${row}*$J${row}*$K${row}`;
        values[i] = [pay.times(seg.months), lfd(p.bbgKvPv), rest(p.bbgKvPv), lfd(p.bbgRvAv), rest(p.bbgRvAv)];
        out[row - 1] = flatRow([
          { v: e.key },
          { v: e.year },
          { v: seg.start, s: 'date' },
          { v: seg.end, s: 'date' },
          { f: monthsLiteral(seg.start, seg.end), r: Number(seg.months.toString()), s: 'number3' },
          { v: gradeText },
          { v: seg.step },
          seg.gueltigAb ? { v: seg.gueltigAb, s: 'date' } : {},
          seg.notInTable
            ? { v: num(seg.monthly), s: 'money' }
            : {
                f: segmentMonthlyFormula(loc, gradeText, String(seg.step), seg.gueltigAb, seg.monthly),
                r: num(seg.monthly),
                s: 'money',
              },
          { f: growth, r: Number(seg.growth.toString()), s: 'number3' },
          { v: Number(e.spec.share.toString()), s: 'number3' },
          { f: `${P}*$E${row}`, r: num(pay.times(seg.months)), s: 'money' },
          { f: `$E${row}*MIN(${P},$E$${V2_ROWS.bbgKvPv})`, r: num(lfd(p.bbgKvPv)), s: 'money' },
          {
            f: `$E${row}*($E$${V2_ROWS.bbgKvPv}-MIN(${P},$E$${V2_ROWS.bbgKvPv}))`,
            r: num(rest(p.bbgKvPv)),
            s: 'money',
          },
          { f: `$E${row}*MIN(${P},$E$${V2_ROWS.bbgRvAv})`, r: num(lfd(p.bbgRvAv)), s: 'money' },
          {
            f: `$E${row}*($E$${V2_ROWS.bbgRvAv}-MIN(${P},$E$${V2_ROWS.bbgRvAv}))`,
            r: num(rest(p.bbgRvAv)),
            s: 'money',
          },
        ]);
      });
      slots.forEach((g, i) => {
        if (!g) return;
        const row = first + i;
        const line = (out[row - 1] ??= []);
        line[SUMMARY_COL] = { v: g.e.key };
        line[SUMMARY_COL + 1] = { v: g.e.year };
        SUMMED.forEach((c, k) => {
          const total = sum(values.slice(g.from - first, g.to - first + 1).map((v) => v[k]));
          const colL = SEGMENT_COL[c];
          line[SUMMARY_COL + 2 + k] =
            g.to < g.from
              ? { v: 0, s: 'money' }
              : { f: `SUM(${colL}${g.from}:${colL}${g.to})`, r: num(total), s: 'money' };
        });
        out[row - 1] = flatRow(Array.from(line, (c) => c ?? null));
      });
    },
  };
}
