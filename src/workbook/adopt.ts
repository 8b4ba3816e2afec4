import { lookupMonthly, proRataAmount } from '../domain/cost';
import { formatDateDe } from '../domain/dates';
import { dienstverhaeltnisOfGrade, displayGrade } from '../domain/grades';
import type { Massnahme, Stelle, TableKey } from '../domain/model';
import type { IsoDate } from '../domain/dates';
import { goneFrom, kwNote, noteDate } from '../domain/vacancy';
import { MEASURE_KINDS } from '../domain/measure-kinds';
import { isPositionCover } from '../domain/cover-kinds';
import { D, formatDecimalDe, sum, ZERO, type Dec } from '../domain/money';
import type { CheckResult, MeasureResult } from '../domain/result';
import { dateToIso, display, isEmpty, isErrorValue, isoToSerial } from './cells';
import {
  a1,
  cellAt,
  OperationRefusedError,
  WorkbookUnusableError,
  type CellUpdate,
  type CellValue,
  type RawTable,
  type RowAppend,
  type SheetCell,
  type WriteBatch,
} from './port';
import { adoptedJahreskosten } from './jahreskosten';
import type { ReadResult } from './read';
import { headerKey, mapColumns, PROTOKOLL, tableSpec } from './schema';

/**
 * Taking an adopted measure into the plan (`stellenplan adopt`) and taking it back (`undo`). Every change is
 * a cell update whose old value goes to `Protokoll` (readable, and as JSON for an exact undo); new rows are
 * cell updates of empty cells, so undo empties them again.
 */

export type AmountChoice = 'berechnet' | 'planansatz';

const ADOPT = 'Beschluss';
const UNDO = 'Rücknahme';

const col = (field: string) => PROTOKOLL.columns.find((c) => c.field === field)!.header;

/** A cell value as JSON that restores it exactly (type included). */
export function encodeValue(v: CellValue): string {
  if (v === null || (typeof v === 'string' && v === '')) return 'null';
  if (v instanceof Date) return JSON.stringify({ d: dateToIso(v) });
  if (isErrorValue(v)) return JSON.stringify({ e: v.error });
  return JSON.stringify(v);
}

/** How a written cell reads back (a date cell as a date, empty text as empty): compared with the cell at undo. */
export function encodeWritten(cell: SheetCell): string {
  const v = cell.v;
  if (cell.s === 'date' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v))
    return JSON.stringify({ d: v });
  if (v === undefined) return 'null';
  return encodeValue(v);
}

export function decodeValue(json: string): SheetCell {
  const v = JSON.parse(json) as string | number | boolean | null | { d: string } | { e: string };
  if (v === null) return { v: null };
  if (typeof v === 'object') return 'd' in v ? { v: v.d, s: 'date' } : { v: v.e };
  return { v };
}

interface Change {
  sheet: string;
  cell: string;
  old: CellValue;
  value: SheetCell;
  /** The cell by identity: table, the key of its row (after the change), column header. */
  identity?: { table: TableKey; key: Record<string, CellValue>; header: string };
  /** For the key: the table and data row, resolved when the batch is complete (a new row's key is set too). */
  at?: { cells: TableCells; row: number };
}

/** The columns that identify a row of a table the adoption changes. */
const KEY_FIELDS: Partial<Record<TableKey, string[]>> = {
  Stellen: ['nr'],
  Massnahmen: ['nr'],
  Planansaetze: ['haushaltsstelle', 'jahr'],
  Deckung: ['massnahme', 'quelle'],
};

/** Where a table's cells are: field → column, data row → sheet row; missing columns get a header. */
class TableCells {
  readonly cols: Map<string, number>;
  private extra = 0;
  constructor(
    readonly key: TableKey,
    readonly raw: RawTable,
    private readonly changes: Change[],
  ) {
    this.cols = mapColumns(tableSpec(key), raw.headers);
  }

  /** 1-based sheet column of a field; a missing column is added after the last header. */
  column(field: string): number {
    const i = this.cols.get(field);
    if (i !== undefined) return this.raw.origin.col + i;
    const spec = tableSpec(this.key).columns.find((c) => c.field === field)!;
    const index = this.raw.headers.length + this.extra++;
    this.cols.set(field, index);
    const c = this.raw.origin.col + index;
    this.changes.push({
      sheet: this.raw.sheet,
      cell: a1(this.raw.origin.row, c),
      old: null,
      value: { v: spec.header, s: 'header' },
    });
    return c;
  }

  value(row: number, field: string): CellValue {
    const i = this.cols.get(field);
    return i === undefined ? null : (this.raw.rows[row]?.[i] ?? null);
  }

  set(row: number, field: string, value: SheetCell): void {
    const old = this.value(row, field);
    const column = this.column(field);
    const i = this.cols.get(field)!;
    this.written.set(`${row}:${field}`, value);
    this.changes.push({
      sheet: this.raw.sheet,
      cell: a1(this.raw.origin.row + 1 + row, column),
      old,
      value,
      identity: {
        table: this.key,
        key: {},
        header: this.raw.headers[i] ?? tableSpec(this.key).columns.find((c) => c.field === field)!.header,
      },
      at: { cells: this, row },
    });
  }

  private readonly written = new Map<string, SheetCell>();

  /** The key of a data row as it is after this batch (header text → value). */
  keyOf(row: number): Record<string, CellValue> {
    const key: Record<string, CellValue> = {};
    for (const field of KEY_FIELDS[this.key] ?? []) {
      const header = tableSpec(this.key).columns.find((c) => c.field === field)!.header;
      const w = this.written.get(`${row}:${field}`);
      key[header] = w ? (JSON.parse(encodeWritten(w)) as CellValue) : normal(this.value(row, field));
    }
    return key;
  }

  /** The data row after the last non-empty one. */
  nextRow(offset = 0): number {
    let last = -1;
    this.raw.rows.forEach((r, i) => {
      if (r.some((v) => !isEmpty(v))) last = i;
    });
    return last + 1 + offset;
  }
}

function table(read: ReadResult, key: TableKey, changes: Change[]): TableCells {
  const raw = read.tables.get(key);
  if (!raw) {
    const spec = tableSpec(key);
    throw new WorkbookUnusableError(
      `Die Tabelle „${spec.sheet}“ fehlt.`,
      `Table "${spec.sheet}" is missing.`,
    );
  }
  return new TableCells(key, raw, changes);
}

/** Protokoll rows: when, action (with the measure), sheet, cell, old and new value (readable and exact). */
function logRows(changes: Change[], action: string, when: string): RowAppend[] {
  return changes.map((c) => ({
    table: 'Protokoll' as const,
    values: {
      [col('zeitpunkt')]: { v: when },
      [col('aktion')]: { v: action },
      [col('blatt')]: { v: c.sheet },
      [col('zelle')]: { v: c.cell },
      [col('alt')]: { v: c.old instanceof Date ? formatDateDe(dateToIso(c.old)) : display(c.old) },
      [col('neu')]: {
        v:
          c.value.f !== undefined
            ? `${typeof c.value.r === 'number' ? formatDecimalDe(new D(c.value.r), 2) : String(c.value.r ?? '')} (Formel)`
            : c.value.s === 'date' && typeof c.value.v === 'string'
              ? formatDateDe(c.value.v)
              : String(c.value.v ?? ''),
      },
      [col('altJson')]: { v: encodeValue(c.old) },
      [col('tabelle')]: { v: c.identity?.table ?? '' },
      [col('schluessel')]: { v: c.at ? JSON.stringify(c.at.cells.keyOf(c.at.row)) : '' },
      [col('spalte')]: { v: c.identity?.header ?? '' },
      // a formula's value follows its inputs: undo takes it back without comparing (a computed cell)
      [col('neuJson')]: { v: c.value.f !== undefined ? '' : encodeWritten(c.value) },
    },
  }));
}

function batchOf(changes: Change[], action: string, when: string): WriteBatch {
  const updates: CellUpdate[] = changes.map((c) => ({ sheet: c.sheet, cell: c.cell, value: c.value }));
  return { updates, appends: logRows(changes, action, when) };
}

/** One logged change as read back from Protokoll, with the Protokoll cells it came from (for messages). */
interface LoggedChange {
  sheet: string;
  cell: string;
  oldJson: string;
  newJson: string;
  table: string;
  keyJson: string;
  header: string;
  /** Protokoll row on the sheet, and the sheet column of each field. */
  protokollRow: number;
  columns: Record<string, number>;
}

/** Actions in Protokoll, in order: "Beschluss M-1" / "Rücknahme Beschluss M-1". */
function protokollActions(read: ReadResult): { action: string; rows: LoggedChange[] }[] {
  const raw = read.tables.get('Protokoll');
  if (!raw) return [];
  const at = (name: string) => raw.headers.findIndex((h) => headerKey(h) === headerKey(name));
  const fields = [
    'zeitpunkt',
    'aktion',
    'blatt',
    'zelle',
    'altJson',
    'neuJson',
    'tabelle',
    'schluessel',
    'spalte',
  ];
  const index = Object.fromEntries(fields.map((f) => [f, at(col(f))]));
  const columns = Object.fromEntries(fields.map((f) => [f, raw.origin.col + index[f]]));
  const text = (r: CellValue[], field: string) => (index[field] < 0 ? '' : display(r[index[field]] ?? null));
  const out: { action: string; rows: LoggedChange[] }[] = [];
  let stamp = '';
  raw.rows.forEach((r, i) => {
    const action = text(r, 'aktion');
    if (!action) return;
    const key = `${text(r, 'zeitpunkt')}|${action}`;
    if (key !== stamp) out.push({ action, rows: [] });
    stamp = key;
    out[out.length - 1].rows.push({
      sheet: text(r, 'blatt'),
      cell: text(r, 'zelle'),
      oldJson: text(r, 'altJson') || 'null',
      newJson: text(r, 'neuJson'),
      table: text(r, 'tabelle'),
      keyJson: text(r, 'schluessel'),
      header: text(r, 'spalte'),
      protokollRow: raw.origin.row + 1 + i,
      columns,
    });
  });
  return out;
}

/** The adoptions still in force: each "Beschluss X" not followed by its "Rücknahme". */
function openAdoptions(read: ReadResult) {
  const open: ReturnType<typeof protokollActions> = [];
  for (const a of protokollActions(read)) {
    if (a.action.startsWith(`${UNDO} `)) {
      const target = a.action.slice(UNDO.length + 1);
      const i = open.map((x) => x.action).lastIndexOf(target);
      if (i >= 0) open.splice(i, 1);
    } else if (a.action.startsWith(`${ADOPT} `)) open.push(a);
  }
  return open;
}

/** Per plan year: the computed cost, or the stated €/year Planansatz for the months the measure runs. */
function perYear(m: MeasureResult, choice: AmountChoice, years: number[]): Dec[] {
  const stated = m.massnahme.planansatz;
  if (choice === 'planansatz' && stated) {
    const period = { start: m.massnahme.beginn, end: m.massnahme.ende };
    return years.map((y) => proRataAmount(stated, period, y));
  }
  return m.years.map((y) => y.cost);
}

/**
 * What adopting measure `nr` changes: the new position in Stellen (fixed-term: Vermerk "kw TT.MM.JJJJ"),
 * kw notes on the positions given up as cover, the target Planansatz raised and the source lines lowered
 * per plan year, the status "beschlossen" – every cell logged in Protokoll.
 */
export function planAdoption(
  read: ReadResult,
  result: CheckResult,
  nr: string,
  options: { amount: AmountChoice; when: string },
): WriteBatch {
  const m = read.model.massnahmen.find((x) => x.nr === nr);
  if (!m)
    throw new WorkbookUnusableError(
      `Die Maßnahme „${nr}“ gibt es im Blatt Maßnahmen nicht.`,
      `Measure "${nr}" does not exist.`,
    );
  if (
    openAdoptions(read).some((a) => a.action === `${ADOPT} ${nr}`) ||
    (m.status === 'beschlossen' &&
      m.art === 'Neue Stelle' &&
      read.model.stellen.some((s) => s.nr === m.stellenNr))
  )
    throw new OperationRefusedError(
      `Die Maßnahme ${nr} ist bereits beschlossen und in den Plan übernommen.`,
      `Measure ${nr} has already been adopted.`,
    );
  if (m.status === 'abgelehnt')
    throw new OperationRefusedError(
      `Die Maßnahme ${nr} ist abgelehnt und kann nicht übernommen werden.`,
      `Measure ${nr} was rejected.`,
    );
  const evaluated =
    result.measures.find((x) => x.massnahme === m) ??
    result.scenarios.flatMap((s) => s.measures).find((x) => x.massnahme === m);
  if (!evaluated)
    throw new WorkbookUnusableError(
      `Die Maßnahme ${nr} konnte nicht berechnet werden.`,
      `Measure ${nr} could not be evaluated.`,
    );
  const errors = result.findings.filter((f) => f.measure === nr && f.severity === 'error');
  if (errors.length > 0)
    throw new OperationRefusedError(
      `Die Maßnahme ${nr} hat noch Fehler (${[...new Set(errors.map((e) => e.code))].join(', ')}): erst beheben, dann übernehmen.`,
      `Measure ${nr} still has errors: fix them first.`,
    );

  const changes: Change[] = [];
  const stellen = table(read, 'Stellen', changes);
  const massnahmen = table(read, 'Massnahmen', changes);
  if (MEASURE_KINDS[m.art].adoption.addsPosition) addPosition(read, stellen, m, result.years[0]);
  if (MEASURE_KINDS[m.art].adoption.givesUpPosition) {
    const s = read.model.stellen.find((x) => x.nr === m.stellenNr);
    if (s) markGivenUp(stellen, s, m.beginn);
  }
  markCoverPositions(read, stellen, evaluated);
  adjustBudget(read, table(read, 'Planansaetze', changes), evaluated, result.years, options.amount);
  massnahmen.set(m.ref.row, 'status', { v: 'beschlossen' });
  return batchOf(changes, `${ADOPT} ${nr}`, options.when);
}

function addPosition(read: ReadResult, stellen: TableCells, m: Massnahme, firstYear: number): void {
  const row = stellen.nextRow();
  const set = (field: string, value: SheetCell) =>
    value.v !== undefined && value.v !== '' && stellen.set(row, field, value);
  set('nr', { v: m.stellenNr });
  set('dezernat', { v: m.dezernat ?? '' });
  set('oe', { v: m.oe });
  set('bezeichnung', { v: m.bezeichnung });
  set('dienstverhaeltnis', { v: m.gruppe ? dienstverhaeltnisOfGrade(m.gruppe) : '' });
  set('gruppe', { v: m.gruppe ? displayGrade(m.gruppe) : '' });
  if (m.stufe !== undefined) set('stufe', { v: m.stufe });
  set('anteil', { v: m.anteil ? m.anteil.toNumber() : 1 });
  set('besetzt', { v: 'Nein' });
  if (m.ende) set('vermerk', { v: `kw ${formatDateDe(m.ende)}` });
  if (m.beginn) set('beginn', { v: m.beginn, s: 'date' });
  if (m.ende) set('ende', { v: m.ende, s: 'date' });
  set('haushaltsstelle', { v: m.haushaltsstelle });
  const jahreskosten = stellen.cols.has('jahreskosten') && newPositionCost(read, m, firstYear);
  if (jahreskosten) stellen.set(row, 'jahreskosten', jahreskosten);
}

/**
 * Jahreskosten of the new row where the report's column formula cannot cost it (a workbook costed month
 * by month: the column sums the row's helper rows in Berechnung, which only the next report writes).
 */
function newPositionCost(read: ReadResult, m: Massnahme, firstYear: number): SheetCell | undefined {
  if (!m.gruppe || m.stufe === undefined) return undefined;
  const hit = lookupMonthly(read.model, m.gruppe, m.stufe);
  if (!hit.ok) return undefined;
  return adoptedJahreskosten(
    read,
    {
      grade: hit.grade,
      step: m.stufe,
      monthly: hit.monthly,
      beamte: hit.beamte,
      share: m.anteil ?? new D(1),
      period: { start: m.beginn, end: m.ende },
    },
    firstYear,
  );
}

/** Positions given up as cover get a kw note (not to be refilled / falls away), unless they have one. */
function markCoverPositions(read: ReadResult, stellen: TableCells, m: MeasureResult): void {
  for (const line of m.cover) {
    const d = line.deckung;
    if (!isPositionCover(d.art)) continue;
    const s = read.model.stellen.find((x) => x.nr === d.stellenNr);
    if (s) markGivenUp(stellen, s, d.beginn ?? m.massnahme.beginn);
  }
}

/**
 * A position given up from `from` on gets a kw note dated by its last day: never before it falls vacant
 * (`Frei ab`, the day after a kw date), the same day the engine releases its money and the Stellenplan
 * paper takes it out – read back, the note gives that day again. A dated kw note of the user's stays (the
 * engine's date comes from it); logged in Protokoll like every change, so undo restores the old note.
 */
function markGivenUp(stellen: TableCells, s: Stelle, from: IsoDate | undefined): void {
  if (s.vermerk === 'kw' && noteDate(s.vermerkText)) return;
  const gone = goneFrom(s, from);
  // an occupied position that never falls vacant is an error: adopt has refused before
  if ('never' in gone) return;
  stellen.set(s.ref.row, 'vermerk', { v: kwNote(gone.day) });
}

/** The target line rises by the measure's amount, every source line falls by what its cover releases. */
function adjustBudget(
  read: ReadResult,
  lines: TableCells,
  m: MeasureResult,
  years: number[],
  choice: AmountChoice,
): void {
  const deltas = new Map<string, Dec[]>();
  const add = (hst: string, i: number, amount: Dec) => {
    if (!hst || amount.isZero()) return;
    const list = deltas.get(hst) ?? years.map(() => ZERO);
    list[i] = list[i].plus(amount);
    deltas.set(hst, list);
  };
  perYear(m, choice, years).forEach((a, i) => add(m.massnahme.haushaltsstelle, i, a));
  for (const line of m.cover) {
    const d = line.deckung;
    const source =
      d.art === 'Minderaufwand' || d.art === 'Mehrertrag'
        ? d.haushaltsstelle
        : read.model.stellen.find((s) => s.nr === d.stellenNr)?.haushaltsstelle;
    // more revenue raises the revenue line; everything else lowers the line the money comes from
    line.years.forEach((y, i) => add(source ?? '', i, d.art === 'Mehrertrag' ? y.amount : y.amount.neg()));
  }
  let appended = 0;
  for (const [hst, list] of deltas) {
    if (sum(list).isZero() && list.every((x) => x.isZero())) continue;
    const existing = read.model.planansaetze.filter((p) => p.haushaltsstelle === hst);
    years.forEach((year, i) => {
      if (list[i].isZero()) return;
      const p = existing.find((x) => x.jahr === year);
      if (p) {
        lines.set(p.ref.row, 'ansatz', {
          v: p.ansatz.plus(list[i]).toDecimalPlaces(2).toNumber(),
          s: 'money',
        });
        return;
      }
      const row = lines.nextRow(appended++);
      lines.set(row, 'haushaltsstelle', { v: hst });
      lines.set(row, 'bezeichnung', { v: existing[0]?.bezeichnung || m.massnahme.bezeichnung });
      lines.set(row, 'jahr', { v: year });
      lines.set(row, 'ansatz', { v: list[i].toDecimalPlaces(2).toNumber(), s: 'money' });
      lines.set(row, 'geschuetzt', { v: 'Nein' });
      lines.set(row, 'art', { v: existing[0]?.art ?? 'Personalaufwand' });
    });
  }
}

/**
 * Takes back the last adoption still in force: every logged cell gets its old value again. Each cell is found
 * by identity (table, key of its row, column), wherever its row has moved since; a cell that no longer holds
 * the value the adoption wrote (a later edit) makes undo refuse, naming every such cell, unless `force`.
 */
export function planUndo(read: ReadResult, when: string, options: { force?: boolean } = {}): WriteBatch {
  const open = openAdoptions(read);
  const last = open[open.length - 1];
  if (!last)
    throw new OperationRefusedError(
      'Im Protokoll steht kein Beschluss, der zurückgenommen werden kann.',
      'Protokoll holds no adoption to undo.',
    );
  const conflicts: UndoConflict[] = [];
  const changes: Change[] = [...last.rows]
    .reverse()
    .map((r) => {
      const old = decodeLogged(r, 'altJson', r.oldJson);
      const place = locate(read, r);
      if ('missing' in place) {
        conflicts.push({ sheet: r.sheet, cell: r.cell, column: r.header, ...place.missing });
        return undefined;
      }
      const current = cellAt(place.raw, place.cell);
      if (r.newJson) {
        decodeLogged(r, 'neuJson', r.newJson);
        if (!sameValue(current, r.newJson))
          conflicts.push({
            sheet: place.raw.sheet,
            cell: place.cell,
            column: r.header,
            expected: shownValue(decodeValue(r.newJson).v ?? null),
            found: shownValue(current),
            de: `${place.raw.sheet}!${place.cell} (${r.header || 'Zelle'}: jetzt „${shownValue(current)}“, übernommen „${shownValue(decodeValue(r.newJson).v ?? null)}“)`,
            en: `${place.raw.sheet}!${place.cell} (${r.header || 'cell'}: now "${shownValue(current)}", adopted "${shownValue(decodeValue(r.newJson).v ?? null)}")`,
          });
      }
      return { sheet: place.raw.sheet, cell: place.cell, old: current, value: old };
    })
    .filter((c): c is Change => c !== undefined);
  if (conflicts.length > 0 && !options.force)
    throw new UndoConflictError(
      last.action,
      conflicts,
      `Die Rücknahme von „${last.action}“ wird verweigert: seit dem Beschluss geändert ${conflicts.length === 1 ? 'wurde' : 'wurden'} ${conflicts.map((c) => c.de).join('; ')} – nichts wurde geschrieben (mit --force wird trotzdem zurückgenommen, die späteren Änderungen gehen dann verloren).`,
      `Undoing "${last.action}" is refused: changed since the adoption: ${conflicts.map((c) => c.en).join('; ')} – nothing was written (--force undoes anyway and loses the later changes).`,
    );
  return batchOf(changes, `${UNDO} ${last.action}`, when);
}

/**
 * A logged cell that no longer holds what the adoption wrote (or whose row or column is gone): `expected`
 * is the adopted value, `found` what the cell holds now, both as shown to the user ("leer" for empty).
 */
export interface UndoConflict {
  sheet: string;
  cell: string;
  /** The column header, as logged. */
  column: string;
  expected?: string;
  found?: string;
  /** The conflict as one phrase (the CLI's message lists these). */
  de: string;
  en: string;
}

/** Undo refused because of later edits: the message for the CLI, the list for the pane. */
export class UndoConflictError extends OperationRefusedError {
  constructor(
    readonly action: string,
    readonly conflicts: UndoConflict[],
    message: string,
    messageEn: string,
  ) {
    super(message, messageEn);
    this.name = 'UndoConflictError';
  }
}

/** A logged value as a cell; nonsense in the Protokoll is one sentence naming the Protokoll cell. */
function decodeLogged(r: LoggedChange, field: string, json: string): SheetCell {
  try {
    return decodeValue(json);
  } catch {
    throw corrupt(r, field, json, 'ist kein gültiger Wert', 'is no valid value');
  }
}

function corrupt(
  r: LoggedChange,
  field: string,
  text: string,
  why: string,
  whyEn: string,
): WorkbookUnusableError {
  const cell = `${PROTOKOLL.sheet}!${a1(r.protokollRow, r.columns[field])}`;
  const shownText = text.length > 40 ? `${text.slice(0, 37)}…` : text;
  return new WorkbookUnusableError(
    `Das Protokoll ist in Zelle ${cell} beschädigt: „${shownText}“ ${why} – die Rücknahme ist so nicht möglich, bitte die Zeile prüfen.`,
    `Protokoll cell ${cell} is damaged: "${shownText}" ${whyEn} – undo is not possible.`,
  );
}

/** Excel's limits: 1.048.576 rows, 16.384 columns (XFD). */
const MAX_ROW = 1048576;
const MAX_COL = 16384;

/** Where a logged cell is now: by identity when logged with it, else (older Protokoll rows) by its address. */
function locate(
  read: ReadResult,
  r: LoggedChange,
): { raw: RawTable; cell: string } | { missing: { de: string; en: string } } {
  if (r.table && r.keyJson) {
    const raw = read.tables.get(r.table as TableKey);
    let key: Record<string, CellValue>;
    try {
      key = JSON.parse(r.keyJson) as Record<string, CellValue>;
      if (!key || typeof key !== 'object' || Array.isArray(key)) throw new Error('no object');
    } catch {
      throw corrupt(r, 'schluessel', r.keyJson, 'ist kein gültiger Schlüssel', 'is no valid key');
    }
    const label = Object.entries(key)
      .map(([h, v]) => `${h} ${shownValue(v)}`)
      .join(', ');
    if (!raw)
      return {
        missing: {
          de: `die Tabelle ${r.table} fehlt (Zeile ${label})`,
          en: `table ${r.table} is missing (row ${label})`,
        },
      };
    const headerIndex = (h: string) => raw.headers.findIndex((x) => headerKey(x) === headerKey(h));
    const keyCols = Object.keys(key).map(headerIndex);
    const colIndex = headerIndex(r.header);
    if (keyCols.some((c) => c < 0) || colIndex < 0)
      return {
        missing: {
          de: `die Spalte „${r.header}“ der Zeile ${label} (${raw.sheet})`,
          en: `column "${r.header}" of row ${label} (${raw.sheet})`,
        },
      };
    const wanted = Object.values(key).map((v) => encodeValue(v ?? null));
    const rows = raw.rows
      .map((row, i) => ({ row, i }))
      .filter(({ row }) => keyCols.every((c, k) => encodeValue(normal(row[c] ?? null)) === wanted[k]));
    if (rows.length !== 1)
      return {
        missing: {
          de: `die Zeile ${label} (${raw.sheet}) ${rows.length === 0 ? 'gibt es nicht mehr' : `gibt es ${rows.length}-mal`}`,
          en: `row ${label} (${raw.sheet}) ${rows.length === 0 ? 'no longer exists' : `exists ${rows.length} times`}`,
        },
      };
    return { raw, cell: a1(raw.origin.row + 1 + rows[0].i, raw.origin.col + colIndex) };
  }
  // an older Protokoll row: by its address
  const m = /^([A-Z]{1,3})(\d{1,7})$/.exec(r.cell);
  const c = m ? [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) : 0;
  if (!m || c > MAX_COL || Number(m[2]) < 1 || Number(m[2]) > MAX_ROW)
    throw corrupt(
      r,
      'zelle',
      r.cell,
      'ist keine Zelladresse in Excels Grenzen (A1 bis XFD1048576)',
      'is no cell address within Excel limits',
    );
  const raw = [...read.tables.values()].find((t) => t?.sheet === r.sheet);
  if (!raw) return { missing: { de: `das Blatt „${r.sheet}“ fehlt`, en: `sheet "${r.sheet}" is missing` } };
  return { raw, cell: r.cell };
}

/** A key value as the reader gives it (numbers stay numbers, text trimmed). */
function normal(v: CellValue): CellValue {
  return typeof v === 'string' ? v.trim() : v;
}

function sameValue(current: CellValue, json: string): boolean {
  const a = encodeValue(normal(current));
  if (a === json) return true;
  // numbers written and read back may differ in the last float digit; money is compared to the cent
  const b = JSON.parse(json) as unknown;
  if (typeof b === 'number') return typeof current === 'number' && Math.abs(b - current) < 0.005;
  // a date written by the adoption reads back as a serial number where the host gives no dates (Office.js)
  if (b && typeof b === 'object' && 'd' in b && typeof current === 'number') {
    const serial = isoToSerial((b as { d: string }).d);
    return current === serial || current === serial - 1462;
  }
  return false;
}

function shownValue(v: SheetCell['v'] | CellValue): string {
  if (v === null || v === undefined || v === '') return 'leer';
  if (v instanceof Date) return formatDateDe(dateToIso(v));
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDateDe(v);
  return display(v);
}
