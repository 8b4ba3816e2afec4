import { DEFAULT_COVER_RULES } from '../domain/admissibility';
import {
  BESOLDUNG_TABLES,
  DEFAULT_ENTGELTTABELLE,
  ENTGELT_TABLES,
  PARAMETER_DEFAULTS,
  PARAMETER_DEFAULTS_V2,
  type PayTableData,
} from '../domain/defaults';
import { DECKUNG_ARTEN, MASSNAHME_ARTEN, MASSNAHME_STATUS, PLANANSATZ_ARTEN } from '../domain/model';
import type { GeneratedSheet, SheetCell, StyleName, ValidationWrite, WriteBatch } from './port';
import {
  BESOLDUNGSTABELLE,
  DECKUNG,
  DECKUNGSREGELN,
  DIENSTVERHAELTNISSE,
  ENTGELTTABELLE,
  JA_NEIN,
  MASSNAHMEN,
  PARAMETER,
  PLANANSAETZE,
  STELLEN,
  VERMERKE,
  type TableSpec,
} from './schema';

/** Input rows for a new workbook, by header text (examples and tests build workbooks with this). */
export type RowInput = Record<string, string | number | boolean | Date | null | undefined>;

export interface TemplateData {
  stellen?: RowInput[];
  massnahmen?: RowInput[];
  deckung?: RowInput[];
  planansaetze?: RowInput[];
  /** Parameter values by DESIGN.md name, overriding the defaults. */
  parameter?: Record<string, number | string>;
  /**
   * Contract v2 (what `init` writes): the v2 parameters with their sources and the dated pay tables
   * (TVöD-VKA, SuE, Hessen). Without it the workbook is the first version's, so older tests stay as they were.
   */
  v2?: boolean;
  /** Dated pay tables to write instead of the shipped ones (with `v2`). */
  entgeltTables?: PayTableData[];
  besoldungTables?: PayTableData[];
}

/** Columns written only when a row fills them (older workbooks keep their layout). */
const WRITTEN_WHEN_FILLED: Record<string, string[]> = {
  Stellen: ['vorjahr', 'besetzt306', 'stufeSeit', 'nachwuchs'],
  Massnahmen: ['stufeSeit'],
};

const STYLE_BY_KIND: Partial<Record<string, StyleName>> = {
  date: 'date',
  dateOrOpen: 'date',
  number: 'money',
};

function dataSheet(spec: TableSpec, rows: RowInput[] = [], v2 = false): GeneratedSheet {
  const columns = spec.columns.filter(
    (c) =>
      !c.generated &&
      !(v2 && c.field === 'stufeSeit') &&
      !(
        (WRITTEN_WHEN_FILLED[spec.key] ?? []).includes(c.field) &&
        rows.every((r) => r[c.header] === undefined)
      ),
  );
  // v2 (`init`): the Stufe seit column is offered even while empty
  if (v2) {
    const since = spec.columns.find((c) => c.field === 'stufeSeit');
    if (since) columns.push(since);
  }
  const header: SheetCell[] = columns.map((c) => ({ v: c.header, s: 'header' }));
  const body = rows.map((row) =>
    columns.map((c): SheetCell => {
      const v = row[c.header];
      if (v === undefined || v === null) return {};
      const isoDate = typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
      const style = isoDate
        ? 'date'
        : typeof v === 'number'
          ? c.kind === 'number' && c.field !== 'vorjahr' && c.field !== 'besetzt306'
            ? STYLE_BY_KIND[c.kind]
            : undefined
          : undefined;
      return { v, s: style };
    }),
  );
  return {
    name: spec.sheet,
    rows: [header, ...body],
    widths: columns.map((c) => c.width ?? 12),
    freeze: { row: 1, col: 0 },
  };
}

function parameterSheet(overrides: Record<string, number | string> = {}, v2 = false): GeneratedSheet {
  const rows: SheetCell[][] = [
    [
      { v: 'Name', s: 'header' },
      { v: 'Wert', s: 'header' },
      { v: 'Quelle', s: 'header' },
    ],
  ];
  const v2Values = new Map(PARAMETER_DEFAULTS_V2.map((p) => [p.name, p]));
  const list = v2
    ? [
        ...PARAMETER_DEFAULTS.map((p) => v2Values.get(p.name) ?? p),
        ...PARAMETER_DEFAULTS_V2.filter((p) => !PARAMETER_DEFAULTS.some((d) => d.name === p.name)),
      ]
    : PARAMETER_DEFAULTS;
  for (const p of list) {
    const value = overrides[p.name] ?? p.value;
    rows.push([
      { v: p.name },
      { v: value },
      { v: overrides[p.name] !== undefined ? 'Vorgabe der Arbeitsmappe' : p.source, s: 'note' },
    ]);
  }
  // v2 parameters the data names but the list does not (e.g. the Nienburg reproduction) are written too
  if (v2)
    for (const [name, value] of Object.entries(overrides))
      if (!list.some((p) => p.name === name))
        rows.push([{ v: name }, { v: value }, { v: 'Vorgabe der Arbeitsmappe', s: 'note' }]);
  return { name: PARAMETER.sheet, rows, widths: PARAMETER.columns.map((c) => c.width ?? 12) };
}

/** A dated pay table sheet (v2): group · Gültig ab · Stufe 1…n · Quelle, one block per table version. */
function datedPaySheet(spec: TableSpec, tables: PayTableData[], steps: number): GeneratedSheet {
  const columns = [
    spec.columns[0],
    ...spec.columns.filter((c) => c.field === 'gueltigAb'),
    ...spec.columns.filter((c) => /^stufe\d+$/.test(c.field)),
    ...spec.columns.filter((c) => c.field === 'quelle'),
  ];
  const rows: SheetCell[][] = [columns.map((c) => ({ v: c.header, s: 'header' as const }))];
  for (const t of tables)
    t.rows.forEach(([grade, values], i) =>
      rows.push([
        { v: grade },
        { v: t.gueltigAb, s: 'date' },
        ...Array.from({ length: steps }, (_, k): SheetCell => {
          const v = values[k];
          return v ? { v: Number(v), s: 'money' } : {};
        }),
        i === 0 ? { v: t.source, s: 'note' } : {},
      ]),
    );
  return {
    name: spec.sheet,
    rows,
    widths: columns.map((c) => c.width ?? 12),
    freeze: { row: 1, col: 1 },
  };
}

function entgeltSheet(): GeneratedSheet {
  const rows: SheetCell[][] = [
    ENTGELTTABELLE.columns
      .filter((c) => c.field === 'gruppe' || /^stufe\d+$/.test(c.field))
      .map((c) => ({ v: c.header, s: 'header' as const })),
  ];
  for (const [grade, row] of DEFAULT_ENTGELTTABELLE.rows) {
    rows.push([
      { v: grade },
      ...[1, 2, 3, 4, 5, 6].map((s): SheetCell => {
        const v = row.steps.get(s);
        return v ? { v: v.toNumber(), s: 'money' } : {};
      }),
    ]);
  }
  rows.push([]);
  rows.push([{ v: `Quelle: ${DEFAULT_ENTGELTTABELLE.source ?? ''}`, s: 'note' }]);
  return { name: ENTGELTTABELLE.sheet, rows, widths: ENTGELTTABELLE.columns.map((c) => c.width ?? 12) };
}

function besoldungSheet(): GeneratedSheet {
  const columns = BESOLDUNGSTABELLE.columns.filter((c) => c.field === 'gruppe' || /^stufe\d+$/.test(c.field));
  return {
    name: BESOLDUNGSTABELLE.sheet,
    rows: [columns.map((c) => ({ v: c.header, s: 'header' as const }))],
    widths: columns.map((c) => c.width ?? 12),
  };
}

/** The admissibility rules with their sources, each switchable by the town (Aktiv Ja/Nein). */
function coverRulesSheet(): GeneratedSheet {
  const rows: SheetCell[][] = [DECKUNGSREGELN.columns.map((c) => ({ v: c.header, s: 'header' as const }))];
  for (const r of DEFAULT_COVER_RULES)
    rows.push([
      { v: r.id },
      { v: r.enabled ? 'Ja' : 'Nein' },
      { v: (r.keywords ?? []).join(', ') },
      { v: r.message, s: 'wrap' },
      { v: r.source, s: 'note' },
      { v: r.severity === 'error' ? 'Fehler' : r.severity === 'warning' ? 'Warnung' : 'Hinweis' },
    ]);
  return {
    name: DECKUNGSREGELN.sheet,
    rows,
    widths: DECKUNGSREGELN.columns.map((c) => c.width ?? 12),
    freeze: { row: 1, col: 0 },
  };
}

/** Drop-down lists for the enumerated columns (DESIGN.md: Art, Dienstverhältnis, Vermerk, Besetzt, Entgeltgruppe). */
export function validations(rows = 500, gradeRows = 60): ValidationWrite[] {
  // the drop-down covers every row of the Entgelttabelle (dated tables of v2 are longer than 59 rows)
  const grades = `'${ENTGELTTABELLE.sheet}'!$A$2:$A$${Math.max(60, gradeRows + 1)}`;
  return [
    { table: 'Stellen', header: 'Dienstverhältnis', list: [...DIENSTVERHAELTNISSE], rows },
    { table: 'Stellen', header: 'Besetzt', list: [...JA_NEIN], rows },
    { table: 'Stellen', header: 'Vermerk', list: [...VERMERKE], rows },
    { table: 'Stellen', header: 'Entgeltgruppe', range: grades, rows },
    { table: 'Massnahmen', header: 'Art', list: [...MASSNAHME_ARTEN], rows },
    { table: 'Massnahmen', header: 'Status', list: [...MASSNAHME_STATUS], rows },
    { table: 'Massnahmen', header: 'Entgeltgruppe', range: grades, rows },
    { table: 'Deckung', header: 'Art', list: [...DECKUNG_ARTEN], rows },
    { table: 'Planansaetze', header: 'Geschützt', list: [...JA_NEIN], rows },
    { table: 'Planansaetze', header: 'Art', list: [...PLANANSATZ_ARTEN], rows },
    { table: 'Deckungsregeln', header: 'Aktiv', list: [...JA_NEIN], rows: 20 },
  ];
}

/** A new workbook: all tables, parameters with their sources, the default pay table, drop-down lists. */
export function templateBatch(data: TemplateData = {}): WriteBatch {
  return {
    sheets: [
      dataSheet(STELLEN, data.stellen, data.v2),
      dataSheet(MASSNAHMEN, data.massnahmen, data.v2),
      dataSheet(DECKUNG, data.deckung),
      dataSheet(PLANANSAETZE, data.planansaetze),
      parameterSheet(data.parameter, data.v2),
      data.v2 ? datedPaySheet(ENTGELTTABELLE, data.entgeltTables ?? ENTGELT_TABLES, 6) : entgeltSheet(),
      data.v2
        ? datedPaySheet(BESOLDUNGSTABELLE, data.besoldungTables ?? BESOLDUNG_TABLES, 8)
        : besoldungSheet(),
      coverRulesSheet(),
    ],
    validations: validations(
      500,
      data.v2 ? (data.entgeltTables ?? ENTGELT_TABLES).reduce((n, t) => n + t.rows.length, 0) : 60,
    ),
  };
}
