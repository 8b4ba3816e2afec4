import { DEFAULT_COVER_RULES, type CoverRule } from '../domain/admissibility';
import { D, type Dec } from '../domain/money';
import {
  DEFAULT_BESOLDUNGSTABELLE,
  DEFAULT_ENTGELTTABELLE,
  DEFAULT_PARAMETER,
  assembleVersions,
  clonePayTable,
  type PayTableEntry,
} from '../domain/defaults';
import { normalizeGrade, dienstverhaeltnisOfGrade } from '../domain/grades';
import { isBasisName } from '../domain/scenarios';
import type { Finding } from '../domain/findings';
import {
  BASIS,
  type Deckung,
  type Dienstverhaeltnis,
  type Massnahme,
  type Parameter,
  type PayTable,
  type Planansatz,
  type SourceRef,
  type Stelle,
  type TableKey,
  type Vermerk,
  type WorkbookModel,
} from '../domain/model';
import {
  isEmpty,
  isMergedHidden,
  parseBool,
  parseDate,
  parseEnum,
  parseInt,
  parseNumber,
  parseRate,
  parseShare,
  parseText,
  shown,
  type Parsed,
} from './cells';
import { cellFinding, tableFinding, type CellFindingKey } from './read-catalogue';
import { a1, WorkbookUnusableError, type CellValue, type RawTable, type WorkbookPort } from './port';
import {
  BESOLDUNGSTABELLE,
  ENTGELTTABELLE,
  PARAMETER_NAMES,
  PARAMETER_NAMES_V2,
  TABLES,
  columnKeys,
  headerKey,
  mapColumns,
  tableRequests,
  tableSpec,
  type ColumnSpec,
  type TableSpec,
} from './schema';

export interface CellLocation {
  sheet: string;
  cell: string;
}

export interface ReadResult {
  model: WorkbookModel;
  findings: Finding[];
  tables: Map<TableKey, RawTable | undefined>;
  columns: Map<TableKey, Map<string, number>>;
  locate(ref: SourceRef | undefined): CellLocation | undefined;
  /** Measure numbers whose row exists but could not be read (e.g. an unknown Art). */
  unreadableMeasures: Set<string>;
}

/**
 * The findings a user sees: the reader's, then the engine's — without engine findings that only echo a
 * cell the reader already rejected (the engine saw a stand-in there, e.g. "Stufe 0" for "drei"), and
 * without "measure does not exist" for a measure whose row exists but could not be read.
 */
export function combineFindings(read: ReadResult, engine: Finding[]): Finding[] {
  const cellKey = (f: Finding) =>
    f.ref?.field !== undefined ? `${f.ref.table}|${f.ref.row}|${f.ref.field}` : undefined;
  const rejected = new Set(read.findings.filter((f) => f.severity === 'error').map(cellKey));
  const coverRows = new Map(read.model.deckung.map((d) => [d.ref.row, d.massnahmeNr]));
  const kept = engine.filter((f) => {
    const key = cellKey(f);
    if (key !== undefined && rejected.has(key)) return false;
    if (f.code === 'MEASURE_UNKNOWN' && f.ref?.table === 'Deckung') {
      const nr = coverRows.get(f.ref.row);
      if (nr !== undefined && read.unreadableMeasures.has(nr)) return false;
    }
    return true;
  });
  return [...read.findings, ...kept];
}

/** Reads all tables in one batch and maps them to the domain; never throws on cell content. */
export async function readWorkbookModel(port: Pick<WorkbookPort, 'readTables'>): Promise<ReadResult> {
  const tables = await port.readTables(tableRequests());
  return mapTables(tables);
}

export function mapTables(tables: Map<TableKey, RawTable | undefined>): ReadResult {
  const findings: Finding[] = [];
  const columns = new Map<TableKey, Map<string, number>>();
  const unusable = new Set<TableKey>();

  for (const spec of TABLES) {
    const raw = tables.get(spec.key);
    if (!raw) {
      if (spec.required)
        throw new WorkbookUnusableError(
          `Die Arbeitsmappe enthält kein Blatt „${spec.sheet}“ (und keine Tabelle „${spec.tableNames[0]}“): so kann sie nicht geprüft werden.`,
          `The workbook has no sheet "${spec.sheet}" (nor a table "${spec.tableNames[0]}").`,
        );
      continue;
    }
    const map = mapColumns(spec, raw.headers);
    columns.set(spec.key, map);
    duplicateColumns(spec, raw, map, findings);
    columnsNotRead(spec, raw, map, findings);
    const missing = spec.columns.filter((c) => c.required && !c.generated && !map.has(c.field));
    if (missing.length === 0) continue;
    const names = missing.map((c) => `„${c.header}“`).join(', ');
    const namesEn = missing.map((c) => `"${c.header}"`).join(', ');
    if (spec.required)
      throw new WorkbookUnusableError(
        `Im Blatt „${raw.sheet}“ fehlt die Spalte ${names} (Kopfzeile ${raw.origin.row}).`,
        `Sheet "${raw.sheet}" lacks the column ${namesEn}.`,
      );
    // An optional table without a required column: one finding at its header, and the table is not read
    // (instead of "value missing" in every row, pointing at a column that does not exist).
    const cell = a1(raw.origin.row, raw.origin.col);
    findings.push(
      tableFinding(
        'columnMissing',
        { sheet: raw.sheet, cell, names, namesEn, headerRow: raw.origin.row },
        { table: spec.key, row: -1 },
      ),
    );
    unusable.add(spec.key);
  }

  const locate = (ref: SourceRef | undefined): CellLocation | undefined => {
    if (!ref) return undefined;
    const raw = tables.get(ref.table);
    if (!raw) return undefined;
    if (ref.row < 0) {
      // a finding about the table (its header) or about one header cell (a duplicate column)
      const col = ref.field?.startsWith(HEADER_REF) ? Number(ref.field.slice(HEADER_REF.length)) : 0;
      return { sheet: raw.sheet, cell: a1(raw.origin.row, raw.origin.col + col) };
    }
    const map = columns.get(ref.table)!;
    const spec = tableSpec(ref.table);
    const idx =
      (ref.field !== undefined ? map.get(ref.field) : undefined) ?? map.get(spec.columns[0].field) ?? 0;
    return { sheet: raw.sheet, cell: a1(raw.origin.row + 1 + ref.row, raw.origin.col + idx) };
  };

  const reader = (key: TableKey) =>
    unusable.has(key)
      ? new RowReader(tableSpec(key), undefined, undefined, findings, true)
      : new RowReader(tableSpec(key), tables.get(key), columns.get(key), findings);

  const parameter = readParameter(reader('Parameter'), findings);
  const on = `${parameter.erstesPlanjahr}-01-01`;
  const entgelttabelle = readPayTable(reader('Entgelttabelle'), DEFAULT_ENTGELTTABELLE, 6, findings, on);
  const besoldungstabelle = readPayTable(
    reader('Besoldungstabelle'),
    DEFAULT_BESOLDUNGSTABELLE,
    8,
    findings,
    on,
  );
  const stellen = readStellen(reader('Stellen'));
  const unreadableMeasures = new Set<string>();
  const massnahmen = readMassnahmen(reader('Massnahmen'), unreadableMeasures);
  const deckung = readDeckung(reader('Deckung'));
  const planansaetze = readPlanansaetze(reader('Planansaetze'));
  const coverRules = readCoverRules(reader('Deckungsregeln'));

  const model: WorkbookModel = {
    stellen,
    massnahmen,
    deckung,
    planansaetze,
    parameter,
    entgelttabelle,
    besoldungstabelle,
    ...(coverRules ? { coverRules } : {}),
  };
  return { model, findings, tables, columns, locate, unreadableMeasures };
}

/** `ref.field` of a finding at a header cell: the prefix and the column's 0-based index in the table. */
const HEADER_REF = '#kopf:';

/**
 * A second column under the same header (or an alias of it): only the leftmost is read, so the values of
 * the other would silently go unused. One finding at its header cell – an error when the column holds
 * values, a warning when it is empty.
 */
function duplicateColumns(
  spec: TableSpec,
  raw: RawTable,
  map: Map<string, number>,
  findings: Finding[],
): void {
  const mapped = new Set(map.values());
  raw.headers.forEach((header, i) => {
    if (mapped.has(i)) return;
    const key = headerKey(header ?? '');
    const col = key ? spec.columns.find((c) => columnKeys(c).includes(key)) : undefined;
    const first = col && map.get(col.field);
    if (!col || first === undefined) return;
    const cell = a1(raw.origin.row, raw.origin.col + i);
    const firstCell = a1(raw.origin.row, raw.origin.col + first);
    const filled = raw.rows.some((r) => !isEmpty(r[i] ?? null));
    findings.push(
      tableFinding(
        filled ? 'columnDuplicateFilled' : 'columnDuplicateEmpty',
        { sheet: raw.sheet, cell, header: shown(header), firstCell, firstHeader: shown(raw.headers[first]) },
        { table: spec.key, row: -1, field: `${HEADER_REF}${i}` },
      ),
    );
  });
}

/**
 * An optional column whose header carries a unit or note ("Stellenanteil (VZÄ)", "Betrag (€/Jahr)") is
 * not found by its name, and every row would silently take the default: one warning at that header.
 */
function columnsNotRead(spec: TableSpec, raw: RawTable, map: Map<string, number>, findings: Finding[]): void {
  const mapped = new Set(map.values());
  raw.headers.forEach((header, i) => {
    if (mapped.has(i)) return;
    const key = headerKey(header ?? '').replace(/\s*[([].*$/, '');
    const col = key
      ? spec.columns.find((c) => !c.generated && !map.has(c.field) && columnKeys(c).includes(key))
      : undefined;
    if (!col || key === headerKey(header ?? '')) return;
    findings.push(
      tableFinding(
        'columnNotRead',
        {
          sheet: raw.sheet,
          cell: a1(raw.origin.row, raw.origin.col + i),
          header: shown(header),
          name: col.header,
        },
        { table: spec.key, row: -1, field: `${HEADER_REF}${i}` },
      ),
    );
  });
}

/**
 * The town's switches for the admissibility rules: a row per rule (Regel = its id), Aktiv Ja/Nein, optional
 * own keywords. Rules without a row keep their default; an unknown rule id is a finding at its cell.
 */
const SEVERITY_OF: Record<string, CoverRule['severity']> = {
  Fehler: 'error',
  Warnung: 'warning',
  Hinweis: 'info',
};

function scenarioName(written: string | undefined): string {
  return isBasisName(written) ? BASIS : (written ?? '').trim().replace(/\s+/g, ' ');
}

function readCoverRules(r: RowReader): CoverRule[] | undefined {
  if (!r.present) return undefined;
  const rules = DEFAULT_COVER_RULES.map((rule) => ({ ...rule }));
  for (const { index, cells } of r.rows()) {
    const id = r.required(index, cells, 'regel', text);
    const aktiv = r.get(index, cells, 'aktiv', parseBool);
    const words = r.get(index, cells, 'stichwoerter', text);
    if (!id) continue;
    const rule = rules.find((x) => x.id === id.trim().toLowerCase());
    if (!rule) {
      r.report(index, 'regel', 'ruleUnknown', { id: shown(id), known: rules.map((x) => x.id).join(', ') });
      continue;
    }
    if (aktiv !== undefined) rule.enabled = aktiv;
    const severity = r.get(index, cells, 'schweregrad', (v) =>
      parseEnum(v, ['Fehler', 'Warnung', 'Hinweis']),
    );
    if (severity) rule.severity = SEVERITY_OF[severity];
    if (words && rule.keywords)
      rule.keywords = words
        .split(/[,;]/)
        .map((w) => w.trim().toLowerCase())
        .filter(Boolean);
  }
  return rules;
}

/** Walks the data rows of one table and parses fields, recording a finding per unusable cell. */
class RowReader {
  constructor(
    readonly spec: TableSpec,
    readonly raw: RawTable | undefined,
    readonly map: Map<string, number> | undefined,
    private readonly findings: Finding[],
    /** The table exists but cannot be read (a required column is missing): no defaults stand in. */
    readonly unusable = false,
  ) {}

  /** Cells (row|field) that could not be used: their row's verdict cannot rest on a stand-in value. */
  private readonly failed = new Set<string>();

  /** The fields of a row whose cells were reported as unusable. */
  failedFields(index: number, fields: readonly string[]): string[] | undefined {
    const out = fields.filter((f) => this.failed.has(`${index}|${f}`));
    return out.length > 0 ? out : undefined;
  }

  get present(): boolean {
    return this.raw !== undefined || this.unusable;
  }

  /** Non-empty rows with their 0-based index in the table. */
  *rows(): Generator<{ index: number; cells: CellValue[] }> {
    if (!this.raw) return;
    // a row is empty when every column the product reads is empty (a leftover Jahreskosten does not count)
    const used = [...(this.map ?? [])].filter(([field]) => !this.column(field).generated).map(([, c]) => c);
    for (let index = 0; index < this.raw.rows.length; index++) {
      const cells = this.raw.rows[index] ?? [];
      // a cell hidden by a merge does not make a row used (merges often reach below the data)
      if (used.every((c) => isEmpty(cells[c] ?? null) || isMergedHidden(cells[c]))) continue;
      yield { index, cells };
    }
  }

  cell(cells: CellValue[], field: string): CellValue {
    const i = this.map?.get(field);
    return i === undefined ? null : (cells[i] ?? null);
  }

  address(index: number, field: string): string {
    const raw = this.raw!;
    const i = this.map?.get(field) ?? 0;
    return a1(raw.origin.row + 1 + index, raw.origin.col + i);
  }

  private column(field: string): ColumnSpec {
    return this.spec.columns.find((c) => c.field === field)!;
  }

  /** A finding at the cell of a row and field, from the reader's catalogue. */
  report<K extends CellFindingKey>(
    index: number,
    field: string,
    key: K,
    params: Parameters<typeof cellFinding<K>>[1],
  ): void {
    const at = {
      sheet: this.raw!.sheet,
      cell: this.address(index, field),
      header: this.column(field).header,
    };
    const finding = cellFinding(key, params, at, { table: this.spec.key, row: index, field });
    if (finding.severity === 'error') this.failed.add(`${index}|${field}`);
    this.findings.push(finding);
  }

  get<T>(
    index: number,
    cells: CellValue[],
    field: string,
    parse: (v: CellValue) => Parsed<T>,
  ): T | undefined {
    const parsed = parse(this.cell(cells, field));
    if (!parsed.ok) {
      this.report(index, field, 'unreadable', { reason: parsed.reason, reasonEn: parsed.reasonEn });
      return undefined;
    }
    return parsed.value;
  }

  required<T>(
    index: number,
    cells: CellValue[],
    field: string,
    parse: (v: CellValue) => Parsed<T>,
  ): T | undefined {
    const value = this.get(index, cells, field, parse);
    const raw = this.cell(cells, field);
    if ((value === undefined || value === '') && isEmpty(raw)) {
      this.report(index, field, 'required', {});
      return undefined;
    }
    return value;
  }

  ref(index: number): SourceRef {
    return { table: this.spec.key, row: index };
  }
}

const text = (v: CellValue) => parseText(v);

function readStellen(r: RowReader): Stelle[] {
  const out: Stelle[] = [];
  for (const { index, cells } of r.rows()) {
    const nr = r.required(index, cells, 'nr', text);
    const gruppeRaw = r.required(index, cells, 'gruppe', text);
    const stufe = r.required(index, cells, 'stufe', parseInt);
    const anteil = r.get(index, cells, 'anteil', parseShare);
    const dvText = r.get(index, cells, 'dienstverhaeltnis', (v) =>
      parseEnum(v, [
        'Beschäftigte',
        'Beamte',
        'Beamter',
        'Beamtin',
        'Tarifbeschäftigte',
        'Auszubildende',
        'Anwärter',
      ]),
    );
    // Nachwuchskräfte: the optional column, or the Dienstverhältnis "Auszubildende" / "Anwärter"
    const nachwuchs =
      r.get(index, cells, 'nachwuchs', text) ||
      (dvText === 'Auszubildende' || dvText === 'Anwärter' ? dvText : undefined);
    const besetzt = r.get(index, cells, 'besetzt', parseBool);
    const vermerkText = r.get(index, cells, 'vermerk', text) ?? '';
    const beginn = r.get(index, cells, 'beginn', parseDate);
    const ende = r.get(index, cells, 'ende', parseDate);
    const vorjahr = r.get(index, cells, 'vorjahr', parseNumber);
    const besetzt306 = r.get(index, cells, 'besetzt306', parseNumber);
    const stufeSeit = r.get(index, cells, 'stufeSeit', parseDate);
    const freiAb = r.get(index, cells, 'freiAb', parseDate);
    const dezernat = r.get(index, cells, 'dezernat', text) ?? '';
    const oe = r.get(index, cells, 'oe', text) ?? '';
    const bezeichnung = r.get(index, cells, 'bezeichnung', text) ?? '';
    const haushaltsstelle = r.get(index, cells, 'haushaltsstelle', text) ?? '';
    const vermerk = vermerkOf(vermerkText);
    if (vermerk === undefined) r.report(index, 'vermerk', 'noteUnknown', { text: shown(vermerkText) });
    if (nr === undefined || nr === '') continue;
    const gruppe = gruppeRaw ? normalizeGrade(gruppeRaw) : '';
    const dienstverhaeltnis: Dienstverhaeltnis = dvText
      ? dvText.startsWith('Beamt') || dvText === 'Anwärter'
        ? 'Beamte'
        : 'Beschäftigte'
      : dienstverhaeltnisOfGrade(gruppe);
    out.push({
      nr,
      dezernat,
      oe,
      bezeichnung,
      dienstverhaeltnis,
      gruppe,
      stufe: stufe ?? 0,
      anteil: anteil ?? new D(1),
      besetzt: besetzt ?? false,
      vermerk: vermerk ?? '',
      vermerkText,
      beginn,
      ende,
      haushaltsstelle,
      vorjahr,
      besetzt306,
      ...(stufeSeit ? { stufeSeit } : {}),
      freiAb,
      nachwuchs,
      ref: r.ref(index),
    });
  }
  return out;
}

function vermerkOf(text: string): Vermerk | undefined {
  const t = text.trim().toLowerCase();
  if (t === '') return '';
  if (/^kw\b/.test(t)) return 'kw';
  if (/^ku\b/.test(t)) return 'ku';
  return undefined;
}

function readMassnahmen(r: RowReader, unreadable: Set<string>): Massnahme[] {
  const out: Massnahme[] = [];
  for (const { index, cells } of r.rows()) {
    const nr = r.required(index, cells, 'nr', text);
    const art = r.required(index, cells, 'art', (v) =>
      parseEnum(v, r.spec.columns.find((c) => c.field === 'art')!.values!),
    );
    const beginnRaw = r.cell(cells, 'beginn');
    const terminOffen = typeof beginnRaw === 'string' && /^(termin\s+)?offen$/i.test(beginnRaw.trim());
    const beginn = terminOffen ? undefined : r.get(index, cells, 'beginn', parseDate);
    const gruppe = r.get(index, cells, 'gruppe', text);
    const status = r.get(index, cells, 'status', (v) =>
      parseEnum(v, ['Entwurf', 'beantragt', 'beschlossen', 'abgelehnt']),
    );
    const m = {
      bezeichnung: r.get(index, cells, 'bezeichnung', text) ?? '',
      stellenNr: r.get(index, cells, 'stellenNr', text) ?? '',
      dezernat: r.get(index, cells, 'dezernat', text) || undefined,
      oe: r.get(index, cells, 'oe', text) ?? '',
      gruppe: gruppe ? normalizeGrade(gruppe) : undefined,
      stufe: r.get(index, cells, 'stufe', parseInt),
      anteil: r.get(index, cells, 'anteil', parseShare),
      ende: r.get(index, cells, 'ende', parseDate),
      planansatz: r.get(index, cells, 'planansatz', parseNumber),
      haushaltsstelle: r.get(index, cells, 'haushaltsstelle', text) ?? '',
      // "basis", " BASIS " are Basis (scenario names compare like Status)
      szenario: scenarioName(r.get(index, cells, 'szenario', text)),
      auflagen: r.get(index, cells, 'auflagen', text) ?? '',
      voraussetzung: r.get(index, cells, 'voraussetzung', text) || undefined,
    };
    const stufeSeit = r.get(index, cells, 'stufeSeit', parseDate);
    if (nr && !art) unreadable.add(nr);
    if (!nr || !art) continue;
    out.push({
      ...m,
      nr,
      art: art as Massnahme['art'],
      beginn,
      terminOffen,
      status: (status ?? 'Entwurf') as Massnahme['status'],
      ...(stufeSeit ? { stufeSeit } : {}),
      invalid: r.failedFields(index, ['beginn', 'ende', 'anteil', 'gruppe', 'stufe', 'planansatz']),
      ref: r.ref(index),
    });
  }
  return out;
}

function readDeckung(r: RowReader): Deckung[] {
  const out: Deckung[] = [];
  for (const { index, cells } of r.rows()) {
    const massnahmeNr = r.required(index, cells, 'massnahmeNr', text);
    const art = r.required(index, cells, 'art', (v) =>
      parseEnum(v, r.spec.columns.find((c) => c.field === 'art')!.values!),
    );
    const d = {
      quelle: r.get(index, cells, 'quelle', text) ?? '',
      stellenNr: r.get(index, cells, 'stellenNr', text) ?? '',
      haushaltsstelle: r.get(index, cells, 'haushaltsstelle', text) ?? '',
      betrag: r.get(index, cells, 'betrag', parseNumber),
      beginn: r.get(index, cells, 'beginn', parseDate),
      ende: r.get(index, cells, 'ende', parseDate),
      quote: r.get(index, cells, 'quote', parseShare),
    };
    if (d.betrag?.lt(0)) r.report(index, 'betrag', 'coverAmountNegative', {});
    if (!massnahmeNr || !art) continue;
    out.push({
      ...d,
      betrag: d.betrag?.lt(0) ? undefined : d.betrag,
      massnahmeNr,
      art: art as Deckung['art'],
      invalid: r.failedFields(index, ['betrag', 'beginn', 'ende', 'quote']),
      ref: r.ref(index),
    });
  }
  return out;
}

function readPlanansaetze(r: RowReader): Planansatz[] {
  const out: Planansatz[] = [];
  for (const { index, cells } of r.rows()) {
    const haushaltsstelle = r.required(index, cells, 'haushaltsstelle', text);
    const jahr = r.required(index, cells, 'jahr', parseInt);
    const ansatz = r.required(index, cells, 'ansatz', parseNumber);
    const geschuetzt = r.get(index, cells, 'geschuetzt', parseBool);
    const art = r.get(index, cells, 'art', (v) =>
      parseEnum(v, ['Personalaufwand', 'Sachaufwand', 'Ertrag', 'Investition']),
    );
    const bezeichnung = r.get(index, cells, 'bezeichnung', text) ?? '';
    if (jahr !== undefined && (jahr < 1900 || jahr > 9999)) {
      r.report(index, 'jahr', 'budgetYear', { year: jahr });
      continue;
    }
    if (!haushaltsstelle || jahr === undefined || ansatz === undefined) continue;
    out.push({
      haushaltsstelle,
      bezeichnung,
      jahr,
      ansatz,
      geschuetzt: geschuetzt ?? false,
      art: art as Planansatz['art'],
      ref: r.ref(index),
    });
  }
  return out;
}

const PARAM_FIELDS = new Map(
  Object.entries({ ...PARAMETER_NAMES, ...PARAMETER_NAMES_V2 }).map(([field, name]) => [
    headerKey(name),
    field as keyof Parameter,
  ]),
);

/** First headers of the pay tables: a block of either below the parameters (DESIGN.md) ends them. */
const PAY_TABLE_ANCHORS = new Set(
  [ENTGELTTABELLE.anchorHeader!, BESOLDUNGSTABELLE.anchorHeader!].map(headerKey),
);

function readParameter(r: RowReader, findings: Finding[]): Parameter {
  const p: Parameter = { ...DEFAULT_PARAMETER };
  if (!r.present) {
    findings.push(tableFinding('parameterSheetMissing', {}));
    return p;
  }
  /** The row whose value counts for each parameter (the last usable one). */
  const taken = new Map<keyof Parameter, number>();
  for (const { index, cells } of r.rows()) {
    const name = r.get(index, cells, 'name', text);
    if (name === undefined) continue; // an error value: reported
    if (PAY_TABLE_ANCHORS.has(headerKey(name))) break;
    const raw = r.cell(cells, 'wert');
    const field = PARAM_FIELDS.get(headerKey(name));
    if (!field) {
      // a value under an unknown (misspelt) or missing name would silently not count
      if (!isEmpty(raw)) {
        if (name === '') r.report(index, 'name', 'parameterNameMissing', {});
        else
          r.report(index, 'name', 'parameterUnknown', {
            name: shown(name),
            known: Object.values(PARAMETER_NAMES).join(', '),
          });
      }
      continue;
    }
    if (isEmpty(raw)) continue;
    const value = parameterValue(r, index, cells, field, name);
    if (value === undefined) continue;
    const before = taken.get(field);
    if (before !== undefined) {
      // the last usable value counts (as in the report's formulas); the earlier one is reported
      r.report(before, 'wert', 'parameterTwice', { name: shown(name), valueCell: r.address(index, 'wert') });
    }
    taken.set(field, index);
    (p as unknown as Record<string, Dec | number | string | boolean>)[field] = value;
  }
  return p;
}

/** A parameter's value if it is usable; otherwise a finding at its cell. */
function parameterValue(
  r: RowReader,
  index: number,
  cells: CellValue[],
  field: keyof Parameter,
  name: string,
): Dec | number | string | boolean | undefined {
  if (field === 'tarifsteigerungAb') return r.get(index, cells, 'wert', parseDate);
  if (field === 'jszNachGruppe') return r.get(index, cells, 'wert', parseBool);
  if (field === 'erstesPlanjahr' || field === 'anzahlPlanjahre') {
    const v = r.get(index, cells, 'wert', parseInt);
    if (v === undefined) return undefined;
    const valid = field === 'erstesPlanjahr' ? v >= 1990 && v <= 2200 : v >= 1 && v <= 30;
    if (valid) return v;
    r.report(index, 'wert', 'parameterNotAllowed', { name: shown(name), value: v });
    return undefined;
  }
  const amount = field === 'sachkosten' || field === 'bbgKvPv' || field === 'bbgRvAv';
  const v = r.get(index, cells, 'wert', amount ? parseNumber : parseRate);
  if (v === undefined) return undefined;
  if (
    v.lt(0) ||
    (!amount && field !== 'jahressonderzahlung' && v.gt(1)) ||
    (field === 'jahressonderzahlung' && v.gt(3))
  ) {
    r.report(index, 'wert', 'parameterImplausible', {
      name: shown(name),
      value: shown(v.toString().replace('.', ',')),
      valueEn: shown(v.toString()),
    });
    return undefined;
  }
  return v;
}

function readPayTable(
  r: RowReader,
  fallback: PayTable,
  steps: number,
  findings: Finding[],
  on: string,
): PayTable {
  if (!r.present) {
    if (fallback.rows.size > 0)
      findings.push(tableFinding('payTableMissing', { table: r.spec.key, source: fallback.source ?? '' }));
    return clonePayTable(fallback);
  }
  const rows: PayTable['rows'] = new Map();
  const entries: PayTableEntry[] = [];
  const seen = new Set<string>();
  for (const { index, cells } of r.rows()) {
    const grade = r.required(index, cells, 'gruppe', text);
    const gueltigAb = r.get(index, cells, 'gueltigAb', parseDate);
    const map = new Map<number, Dec>();
    for (let s = 1; s <= steps; s++) {
      const v = r.get(index, cells, `stufe${s}`, parseNumber);
      if (v === undefined) continue;
      if (v.lte(0)) r.report(index, `stufe${s}`, 'monthlyNotPositive', {});
      else map.set(s, v);
    }
    if (!grade) continue;
    const key = normalizeGrade(grade);
    const dated = `${key}|${gueltigAb ?? ''}`;
    if (seen.has(dated)) {
      // The first row counts (as Excel's MATCH in the report's formulas finds it); the second is a finding.
      findings.push(
        tableFinding(
          'payGradeDuplicate',
          {
            sheet: r.raw!.sheet,
            cell: r.address(index, 'gruppe'),
            grade: shown(grade),
            table: r.spec.key,
            gueltigAb,
          },
          { table: r.spec.key, row: index, field: 'gruppe' },
        ),
      );
      continue;
    }
    seen.add(dated);
    entries.push({ gueltigAb, grade: key, steps: map, ref: r.ref(index) });
    if (!rows.has(key)) rows.set(key, { steps: map, ref: r.ref(index) });
  }
  const source = r.raw ? `Arbeitsmappe, Blatt „${r.raw.sheet}“` : 'Arbeitsmappe (Tabelle unlesbar)';
  // dated rows (contract v2): one version per Gültig ab; undated tables read exactly as before
  if (entries.some((e) => e.gueltigAb)) return assembleVersions(fallback.kind, entries, on, source);
  return { kind: fallback.kind, rows, source };
}

export type { RawTable };
