import {
  DECKUNG_ARTEN,
  MASSNAHME_ARTEN,
  MASSNAHME_STATUS,
  PLANANSATZ_ARTEN,
  type TableKey,
} from '../domain/model';
import type { TableRequest } from './port';

/**
 * The one place that spells the German sheet, table and column names of the workbook (DESIGN.md,
 * "Workbook schema"). Headers match case-insensitively, ignoring surrounding spaces, "ß/ss" and "ä/ae".
 */
export type ColumnKind =
  'text' | 'number' | 'int' | 'share' | 'date' | 'dateOrOpen' | 'bool' | 'enum' | 'rate';

export interface ColumnSpec {
  field: string;
  header: string;
  aliases?: string[];
  kind: ColumnKind;
  required?: boolean;
  values?: readonly string[];
  /** Written by the product (never read as input). */
  generated?: boolean;
  width?: number;
}

export interface TableSpec {
  key: TableKey;
  /** Preferred sheet name when the product creates it. */
  sheet: string;
  tableNames: string[];
  sheetNames: string[];
  required: boolean;
  columns: ColumnSpec[];
  anchorHeader?: string;
}

export const SHEETS = {
  pruefung: 'Prüfung',
  uebersicht: 'Übersicht HFW',
  berechnung: 'Berechnung',
  szenarien: 'Szenarien',
  stellenplan: 'Stellenplan',
  protokoll: 'Protokoll',
  vorlage: 'Beschlussvorlage',
  nachtrag: 'Nachtragsstellenplan',
} as const;

/** Sheets the product rewrites on every run; everything else belongs to the user. */
export const GENERATED_SHEETS: string[] = Object.values(SHEETS).filter((s) => s !== SHEETS.protokoll);

export const DIENSTVERHAELTNISSE = ['Beschäftigte', 'Beamte'] as const;
export const VERMERKE = ['kw', 'ku'] as const;
export const JA_NEIN = ['Ja', 'Nein'] as const;

export const STELLEN: TableSpec = {
  key: 'Stellen',
  sheet: 'Stellen',
  tableNames: ['Stellen'],
  sheetNames: ['Stellen'],
  required: true,
  columns: [
    {
      field: 'nr',
      header: 'Stellen-Nr.',
      aliases: ['Stellen-Nr', 'Stellennummer', 'Stellen Nr.'],
      kind: 'text',
      required: true,
      width: 11,
    },
    { field: 'dezernat', header: 'Dezernat', kind: 'text', width: 12 },
    { field: 'oe', header: 'Organisationseinheit', aliases: ['OE'], kind: 'text', width: 18 },
    { field: 'bezeichnung', header: 'Bezeichnung', kind: 'text', width: 36 },
    {
      field: 'dienstverhaeltnis',
      header: 'Dienstverhältnis',
      kind: 'enum',
      values: DIENSTVERHAELTNISSE,
      width: 15,
    },
    {
      field: 'gruppe',
      header: 'Entgeltgruppe',
      aliases: ['Besoldungsgruppe', 'Entgelt-/Besoldungsgruppe', 'Gruppe'],
      kind: 'text',
      required: true,
      width: 13,
    },
    { field: 'stufe', header: 'Stufe', aliases: ['Erfahrungsstufe'], kind: 'int', required: true, width: 7 },
    { field: 'anteil', header: 'Stellenanteil', aliases: ['Anteil', 'VZÄ'], kind: 'share', width: 12 },
    { field: 'besetzt', header: 'Besetzt', kind: 'bool', width: 9 },
    { field: 'vermerk', header: 'Vermerk', kind: 'text', width: 16 },
    { field: 'beginn', header: 'Beginn', kind: 'date', width: 12 },
    { field: 'ende', header: 'Ende', kind: 'date', width: 12 },
    { field: 'haushaltsstelle', header: 'Haushaltsstelle', kind: 'text', width: 16 },
    { field: 'vorjahr', header: 'Vorjahr', aliases: ['Stellen Vorjahr'], kind: 'number', width: 9 },
    {
      field: 'besetzt306',
      header: 'Besetzt 30.06. Vorjahr',
      aliases: ['Besetzt am 30.06. Vorjahr', 'Besetzt 30.6. Vorjahr'],
      kind: 'number',
      width: 12,
    },
    // contract v2: the step rises by the step table from this date (written only where a row fills it)
    { field: 'stufeSeit', header: 'Stufe seit', kind: 'date', width: 12 },
    { field: 'freiAb', header: 'Frei ab', aliases: ['Frei ab (Datum)'], kind: 'date', width: 12 },
    // optional: marks training positions (Auszubildende, Anwärter) for the Nachwuchskräfte overview
    {
      field: 'nachwuchs',
      header: 'Nachwuchs',
      aliases: ['Nachwuchskraft', 'Ausbildung'],
      kind: 'text',
      width: 14,
    },
    { field: 'jahreskosten', header: 'Jahreskosten', kind: 'number', generated: true, width: 15 },
  ],
};

export const MASSNAHMEN: TableSpec = {
  key: 'Massnahmen',
  sheet: 'Maßnahmen',
  tableNames: ['Massnahmen', 'Maßnahmen'],
  sheetNames: ['Maßnahmen', 'Massnahmen'],
  required: true,
  columns: [
    {
      field: 'nr',
      header: 'Maßnahme-Nr.',
      aliases: ['Massnahme-Nr.', 'Maßnahme-Nr', 'Maßnahmen-Nr.', 'Nr.'],
      kind: 'text',
      required: true,
      width: 12,
    },
    { field: 'bezeichnung', header: 'Bezeichnung', kind: 'text', width: 36 },
    { field: 'art', header: 'Art', kind: 'enum', values: MASSNAHME_ARTEN, required: true, width: 18 },
    {
      field: 'stellenNr',
      header: 'Stellen-Nr.',
      aliases: ['Stellen-Nr', 'Stellennummer'],
      kind: 'text',
      width: 11,
    },
    { field: 'dezernat', header: 'Dezernat', kind: 'text', width: 12 },
    { field: 'oe', header: 'Organisationseinheit', aliases: ['OE'], kind: 'text', width: 18 },
    {
      field: 'gruppe',
      header: 'Entgeltgruppe',
      aliases: ['Besoldungsgruppe', 'Gruppe'],
      kind: 'text',
      width: 13,
    },
    { field: 'stufe', header: 'Stufe', kind: 'int', width: 7 },
    { field: 'anteil', header: 'Stellenanteil', aliases: ['Anteil'], kind: 'share', width: 12 },
    { field: 'beginn', header: 'Beginn', kind: 'dateOrOpen', width: 13 },
    { field: 'ende', header: 'Ende', kind: 'date', width: 12 },
    { field: 'planansatz', header: 'Planansatz', kind: 'number', width: 14 },
    { field: 'haushaltsstelle', header: 'Haushaltsstelle', kind: 'text', width: 16 },
    { field: 'szenario', header: 'Szenario', kind: 'text', width: 16 },
    { field: 'auflagen', header: 'Auflagen', kind: 'text', width: 40 },
    {
      field: 'voraussetzung',
      header: 'Voraussetzung',
      aliases: ['Voraussetzung (Maßnahme-Nr.)'],
      kind: 'text',
      width: 14,
    },
    { field: 'status', header: 'Status', kind: 'enum', values: MASSNAHME_STATUS, width: 12 },
    { field: 'stufeSeit', header: 'Stufe seit', kind: 'date', width: 12 },
  ],
};

export const DECKUNG: TableSpec = {
  key: 'Deckung',
  sheet: 'Deckung',
  tableNames: ['Deckung'],
  sheetNames: ['Deckung'],
  required: true,
  columns: [
    {
      field: 'massnahmeNr',
      header: 'Maßnahme-Nr.',
      aliases: ['Massnahme-Nr.', 'Maßnahme-Nr', 'Maßnahme'],
      kind: 'text',
      required: true,
      width: 12,
    },
    { field: 'quelle', header: 'Quelle', kind: 'text', width: 36 },
    { field: 'art', header: 'Art', kind: 'enum', values: DECKUNG_ARTEN, required: true, width: 26 },
    {
      field: 'stellenNr',
      header: 'Stellen-Nr.',
      aliases: ['Stellen-Nr', 'Stellennummer'],
      kind: 'text',
      width: 11,
    },
    { field: 'haushaltsstelle', header: 'Haushaltsstelle', kind: 'text', width: 16 },
    { field: 'betrag', header: 'Betrag', kind: 'number', width: 14 },
    { field: 'beginn', header: 'Beginn', kind: 'date', width: 12 },
    { field: 'ende', header: 'Ende', kind: 'date', width: 12 },
    { field: 'quote', header: 'Quote', aliases: ['Förderquote'], kind: 'share', width: 9 },
  ],
};

export const PLANANSAETZE: TableSpec = {
  key: 'Planansaetze',
  sheet: 'Planansätze',
  tableNames: ['Planansaetze', 'Planansätze'],
  sheetNames: ['Planansätze', 'Planansaetze'],
  required: false,
  columns: [
    { field: 'haushaltsstelle', header: 'Haushaltsstelle', kind: 'text', required: true, width: 16 },
    { field: 'bezeichnung', header: 'Bezeichnung', kind: 'text', width: 34 },
    { field: 'jahr', header: 'Jahr', kind: 'int', required: true, width: 8 },
    { field: 'ansatz', header: 'Ansatz', kind: 'number', required: true, width: 15 },
    { field: 'geschuetzt', header: 'Geschützt', aliases: ['Geschuetzt'], kind: 'bool', width: 10 },
    { field: 'art', header: 'Art', kind: 'enum', values: PLANANSATZ_ARTEN, width: 16 },
  ],
};

export const PARAMETER: TableSpec = {
  key: 'Parameter',
  sheet: 'Parameter',
  tableNames: ['Parameter'],
  sheetNames: ['Parameter'],
  required: false,
  columns: [
    { field: 'name', header: 'Name', kind: 'text', required: true, width: 32 },
    // without Wert the sheet is not read (instead of silently using the defaults for every name)
    { field: 'wert', header: 'Wert', kind: 'text', required: true, width: 12 },
    { field: 'quelle', header: 'Quelle', kind: 'text', width: 90 },
  ],
};

const stufen = (n: number): ColumnSpec[] =>
  Array.from({ length: n }, (_, i) => ({
    field: `stufe${i + 1}`,
    header: `Stufe ${i + 1}`,
    kind: 'number' as const,
    width: 11,
  }));

/** Contract v2 columns of a pay table: the validity date of each row and its source (optional). */
export const PAY_TABLE_V2: ColumnSpec[] = [
  { field: 'gueltigAb', header: 'Gültig ab', kind: 'date', width: 12 },
  { field: 'quelle', header: 'Quelle', kind: 'text', width: 60 },
];

export const ENTGELTTABELLE: TableSpec = {
  key: 'Entgelttabelle',
  sheet: 'Entgelttabelle',
  tableNames: ['Entgelttabelle'],
  sheetNames: ['Entgelttabelle'],
  anchorHeader: 'Entgeltgruppe',
  required: false,
  columns: [
    { field: 'gruppe', header: 'Entgeltgruppe', kind: 'text', required: true, width: 14 },
    ...stufen(6),
    ...PAY_TABLE_V2,
  ],
};

export const BESOLDUNGSTABELLE: TableSpec = {
  key: 'Besoldungstabelle',
  sheet: 'Besoldungstabelle',
  tableNames: ['Besoldungstabelle'],
  sheetNames: ['Besoldungstabelle'],
  anchorHeader: 'Besoldungsgruppe',
  required: false,
  columns: [
    { field: 'gruppe', header: 'Besoldungsgruppe', kind: 'text', required: true, width: 16 },
    ...stufen(8),
    ...PAY_TABLE_V2,
  ],
};

/** The town's own switch for each admissibility rule of cover (src/domain/admissibility.ts). */
export const DECKUNGSREGELN: TableSpec = {
  key: 'Deckungsregeln',
  sheet: 'Deckungsregeln',
  tableNames: ['Deckungsregeln'],
  sheetNames: ['Deckungsregeln'],
  required: false,
  columns: [
    { field: 'regel', header: 'Regel', kind: 'text', required: true, width: 28 },
    { field: 'aktiv', header: 'Aktiv', kind: 'bool', width: 8 },
    { field: 'stichwoerter', header: 'Stichwörter', kind: 'text', width: 44 },
    { field: 'beschreibung', header: 'Beschreibung', kind: 'text', width: 70 },
    { field: 'quelle', header: 'Quelle', kind: 'text', width: 90 },
    // Fehler: the cover counts nothing; Warnung/Hinweis: it counts and the committee is told what to check
    { field: 'schweregrad', header: 'Schweregrad', kind: 'text', width: 12 },
  ],
};

/** Every write the add-in makes (when, what, which rows); created on the first write, never rewritten. */
export const PROTOKOLL: TableSpec = {
  key: 'Protokoll',
  sheet: 'Protokoll',
  tableNames: ['Protokoll'],
  sheetNames: ['Protokoll'],
  required: false,
  columns: [
    { field: 'zeitpunkt', header: 'Zeitpunkt', kind: 'text', width: 20 },
    { field: 'aktion', header: 'Aktion', kind: 'text', width: 28 },
    { field: 'blatt', header: 'Blatt', kind: 'text', width: 14 },
    { field: 'zelle', header: 'Zelle', kind: 'text', width: 10 },
    { field: 'alt', header: 'Alter Wert', kind: 'text', width: 30 },
    { field: 'neu', header: 'Neuer Wert', kind: 'text', width: 60 },
    // the old value as JSON (type included), so that `undo` restores it exactly
    { field: 'altJson', header: 'Alter Wert (exakt)', kind: 'text', width: 22 },
    // the changed cell by identity (table, key of its row, column): undo finds it wherever the row moved
    { field: 'tabelle', header: 'Tabelle', kind: 'text', width: 14 },
    { field: 'schluessel', header: 'Schlüssel', kind: 'text', width: 30 },
    { field: 'spalte', header: 'Spalte', kind: 'text', width: 16 },
    // the new value as JSON: undo refuses when the cell no longer holds it (a later edit)
    { field: 'neuJson', header: 'Neuer Wert (exakt)', kind: 'text', width: 22 },
  ],
};

export const TABLES: TableSpec[] = [
  STELLEN,
  MASSNAHMEN,
  DECKUNG,
  PLANANSAETZE,
  PARAMETER,
  ENTGELTTABELLE,
  BESOLDUNGSTABELLE,
  DECKUNGSREGELN,
  PROTOKOLL,
];

export function tableSpec(key: TableKey): TableSpec {
  return TABLES.find((t) => t.key === key)!;
}

export function tableRequests(): TableRequest[] {
  return TABLES.map((t) => ({
    key: t.key,
    tableNames: t.tableNames,
    sheetNames: t.sheetNames,
    anchorHeader: t.anchorHeader,
  }));
}

/** Header comparison key: case, spaces, ß/ss and umlauts do not matter. */
export function headerKey(text: string): string {
  return (
    text
      .normalize('NFC')
      // a header wrapped with Alt+Enter: "Stellen-⏎anteil" is one word, "Stellen-⏎Nr." keeps its hyphen
      .replace(/-[ \t]*\r?\n\s*(?=\p{Ll})/gu, '')
      .replace(/-[ \t]*\r?\n\s*/g, '-')
      .toLowerCase()
      .replace(/\u00a0/g, ' ')
      .trim()
      .replace(/ß/g, 'ss')
      .replace(/ä/g, 'ae')
      .replace(/ö/g, 'oe')
      .replace(/ü/g, 'ue')
      .replace(/\s+/g, ' ')
  );
}

/** Header keys of a column: its header and every alias. */
export function columnKeys(col: ColumnSpec): string[] {
  return [col.header, ...(col.aliases ?? [])].map(headerKey);
}

/**
 * Column index (0-based) of each field in a header row: the leftmost column under the header or any alias
 * (a second one is a duplicate, reported by the reader), so that moving columns never changes the choice.
 */
export function mapColumns(spec: TableSpec, headers: string[]): Map<string, number> {
  const keys = headers.map((h) => headerKey(h ?? ''));
  const result = new Map<string, number>();
  for (const col of spec.columns) {
    const names = columnKeys(col);
    const i = keys.findIndex((k) => names.includes(k));
    if (i >= 0) result.set(col.field, i);
  }
  return result;
}

/** The parameter names of DESIGN.md, by field. */
export const PARAMETER_NAMES: Record<string, string> = {
  erstesPlanjahr: 'Erstes Planjahr',
  anzahlPlanjahre: 'Anzahl Planjahre',
  tarifsteigerung: 'Tarifsteigerung p.a.',
  agSozialversicherung: 'AG-Anteil Sozialversicherung',
  zusatzversorgung: 'Zusatzversorgung',
  jahressonderzahlung: 'Jahressonderzahlung',
  versorgungszuschlag: 'Versorgungszuschlag Beamte',
  gemeinkosten: 'Gemeinkostenzuschlag',
  sachkosten: 'Sachkosten je Stelle',
  toleranz: 'Toleranz Planansatz',
};

/** Contract v2 parameter names (absent = off): kept apart so that the first version's list stays as it was. */
export const PARAMETER_NAMES_V2: Record<string, string> = {
  tarifsteigerungAb: 'Tarifsteigerung ab',
  leistungsentgelt: 'Leistungsentgelt',
  agKvPv: 'AG-Anteil KV/PV',
  bbgKvPv: 'BBG KV/PV (Monat)',
  agRvAv: 'AG-Anteil RV/AV',
  bbgRvAv: 'BBG RV/AV (Monat)',
  beihilfe: 'Beihilfe Beamte',
  jszNachGruppe: 'Jahressonderzahlung nach Entgeltgruppe',
};
