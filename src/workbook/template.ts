import { DEFAULT_COVER_RULES } from '../domain/admissibility';
import { DEFAULT_ENTGELTTABELLE, PARAMETER_DEFAULTS } from '../domain/defaults';
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
}

const STYLE_BY_KIND: Partial<Record<string, StyleName>> = {
  date: 'date',
  dateOrOpen: 'date',
  number: 'money',
};

function dataSheet(spec: TableSpec, rows: RowInput[] = []): GeneratedSheet {
  const columns = spec.columns.filter(
    (c) =>
      !c.generated &&
      !(
        spec.key === 'Stellen' &&
        ['vorjahr', 'besetzt306', 'nachwuchs'].includes(c.field) &&
        rows.every((r) => r[c.header] === undefined)
      ),
  );
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

function parameterSheet(overrides: Record<string, number | string> = {}): GeneratedSheet {
  const rows: SheetCell[][] = [
    [
      { v: 'Name', s: 'header' },
      { v: 'Wert', s: 'header' },
      { v: 'Quelle', s: 'header' },
    ],
  ];
  for (const p of PARAMETER_DEFAULTS) {
    const value = overrides[p.name] ?? p.value;
    rows.push([
      { v: p.name },
      { v: value },
      { v: overrides[p.name] !== undefined ? 'Vorgabe der Arbeitsmappe' : p.source, s: 'note' },
    ]);
  }
  return { name: PARAMETER.sheet, rows, widths: PARAMETER.columns.map((c) => c.width ?? 12) };
}

function entgeltSheet(): GeneratedSheet {
  const rows: SheetCell[][] = [ENTGELTTABELLE.columns.map((c) => ({ v: c.header, s: 'header' as const }))];
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
  return {
    name: BESOLDUNGSTABELLE.sheet,
    rows: [BESOLDUNGSTABELLE.columns.map((c) => ({ v: c.header, s: 'header' as const }))],
    widths: BESOLDUNGSTABELLE.columns.map((c) => c.width ?? 12),
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
    ]);
  return {
    name: DECKUNGSREGELN.sheet,
    rows,
    widths: DECKUNGSREGELN.columns.map((c) => c.width ?? 12),
    freeze: { row: 1, col: 0 },
  };
}

/** Drop-down lists for the enumerated columns (DESIGN.md: Art, Dienstverhältnis, Vermerk, Besetzt, Entgeltgruppe). */
export function validations(rows = 500): ValidationWrite[] {
  return [
    { table: 'Stellen', header: 'Dienstverhältnis', list: [...DIENSTVERHAELTNISSE], rows },
    { table: 'Stellen', header: 'Besetzt', list: [...JA_NEIN], rows },
    { table: 'Stellen', header: 'Vermerk', list: [...VERMERKE], rows },
    { table: 'Stellen', header: 'Entgeltgruppe', range: `'${ENTGELTTABELLE.sheet}'!$A$2:$A$60`, rows },
    { table: 'Massnahmen', header: 'Art', list: [...MASSNAHME_ARTEN], rows },
    { table: 'Massnahmen', header: 'Status', list: [...MASSNAHME_STATUS], rows },
    { table: 'Massnahmen', header: 'Entgeltgruppe', range: `'${ENTGELTTABELLE.sheet}'!$A$2:$A$60`, rows },
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
      dataSheet(STELLEN, data.stellen),
      dataSheet(MASSNAHMEN, data.massnahmen),
      dataSheet(DECKUNG, data.deckung),
      dataSheet(PLANANSAETZE, data.planansaetze),
      parameterSheet(data.parameter),
      entgeltSheet(),
      besoldungSheet(),
      coverRulesSheet(),
    ],
    validations: validations(),
  };
}
