import { D, type Dec } from '../domain/money';
import { isoDate, isValidIsoDate, type IsoDate } from '../domain/dates';
import type { CellValue } from './port';

/**
 * Turning cell values into typed values. Each parser returns either a value or a German reason
 * ("ist keine Zahl"), which the reader turns into an INVALID_VALUE finding with sheet and cell.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string; reasonEn: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(reason: string, reasonEn: string): Parsed<T> => ({ ok: false, reason, reasonEn });

export function isEmpty(v: CellValue): boolean {
  // trim() removes no-break spaces (U+00A0) too, so a cell of only such spaces is empty as well
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

export function isErrorValue(v: CellValue): v is { error: string } {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && 'error' in v;
}

/** Error values as a German Excel shows them (the file stores the English code: #N/A is "#NV"). */
const ERROR_DE: Record<string, string> = {
  '#N/A': '#NV',
  '#VALUE!': '#WERT!',
  '#REF!': '#BEZUG!',
  '#NUM!': '#ZAHL!',
  '#NAME?': '#NAME?',
  '#DIV/0!': '#DIV/0!',
  '#NULL!': '#NULL!',
};

/**
 * A formula cell whose file holds no computed result (written by a program, never opened in Excel).
 * The file adapter hands it over as this error value (told apart from an empty-text result by the sheet's
 * XML, src/xlsx/uncached.ts), so that it becomes a finding at its cell, never a default.
 */
export const NO_CACHED_VALUE = '#FORMEL';

/**
 * A cell hidden by a merged range (only its first cell holds a value, as Excel stores it): the file adapter
 * hands it over as this error value followed by the range ("#VERBUNDEN C2:C4"), so that a value the user
 * sees in the merged block is never read as empty without a word.
 */
export const MERGED_CELL = '#VERBUNDEN';

/** A cell hidden by a merge: empty for telling used rows from empty ones, a finding where the row is used. */
export function isMergedHidden(v: CellValue): boolean {
  return isErrorValue(v) && v.error.startsWith(MERGED_CELL);
}

function errorValue<T>(v: { error: string }): Parsed<T> {
  if (v.error.startsWith(MERGED_CELL)) {
    const range = v.error.slice(MERGED_CELL.length).trim();
    const first = range.split(':')[0];
    return bad(
      `gehört zu den verbundenen Zellen ${range} und ist daher leer (nur ${first} hat einen Wert) – Verbindung aufheben und den Wert in jede Zeile schreiben`,
      `is part of the merged cells ${range} and therefore empty (only ${first} holds a value) – unmerge and fill in every row`,
    );
  }
  if (v.error === NO_CACHED_VALUE)
    return bad(
      'Formel ohne berechneten Wert – Datei in Excel speichern',
      'formula without a computed value – save the file in Excel',
    );
  const de = ERROR_DE[v.error.toUpperCase()] ?? v.error;
  return bad(
    `enthält den Fehlerwert ${de}${de !== v.error ? ` (${v.error})` : ''}`,
    `contains the error value ${v.error}`,
  );
}

export function display(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : dateToIso(v);
  if (isErrorValue(v)) return v.error;
  return String(v);
}

/** The most text Excel keeps in a cell; a longer text makes Excel "repair" the file or refuse the write. */
export const EXCEL_MAX_TEXT = 32767;

/** A text as long as Excel keeps it (cut between characters, marked with "…"); both adapters write through it. */
export function fitText(text: string): string {
  if (text.length <= EXCEL_MAX_TEXT) return text;
  const chars = Array.from(text.slice(0, EXCEL_MAX_TEXT));
  return `${chars.slice(0, -1).join('')}…`;
}

/**
 * A cell value quoted in a message: trimmed and at most 80 characters, so that a finding about a cell of
 * 30.000 characters still fits into one cell of the Prüfung sheet (Excel's limit is 32.767).
 */
export function shown(v: CellValue): string {
  const s = display(v).trim();
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}

export function parseText(v: CellValue): Parsed<string> {
  if (isErrorValue(v)) return errorValue(v);
  if (v === null || v === undefined) return ok('');
  if (v instanceof Date) return ok(dateToIso(v));
  const s = String(v);
  // most cells have no no-break space: spare them the regular expression (10.000 rows × 10 columns)
  return ok(s.includes('\u00a0') ? s.replace(/\u00a0/g, ' ').trim() : s.trim());
}

/** German and English number text: "70.000,00 €", "70000", "0,5", "1,234.50". Floats stay out of money. */
export function parseNumberText(text: string): Dec | undefined {
  let s = text.replace(/[\s\u00a0€]/g, '').replace(/EUR$/i, '');
  if (s === '') return undefined;
  const negative = /^[-−]/.test(s);
  s = s.replace(/^[-−+]/, '');
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    const decimalSep = lastComma > lastDot ? ',' : '.';
    const thousands = decimalSep === ',' ? '.' : ',';
    s = s.split(thousands).join('').replace(decimalSep, '.');
  } else if (lastComma >= 0) {
    if (s.split(',').length > 2) s = s.split(',').join('');
    else s = s.replace(',', '.');
  } else if (lastDot >= 0 && /^\d{1,3}(\.\d{3})+$/.test(s)) {
    s = s.split('.').join('');
  }
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(s)) return undefined;
  const d = new D(s);
  return negative ? d.neg() : d;
}

export function parseNumber(v: CellValue): Parsed<Dec | undefined> {
  if (isEmpty(v)) return ok(undefined);
  if (isErrorValue(v)) return errorValue(v);
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return bad('ist keine endliche Zahl', 'is not a finite number');
    return ok(new D(String(v)));
  }
  if (typeof v === 'boolean' || v instanceof Date)
    return bad(`„${shown(v)}“ ist keine Zahl`, `"${shown(v)}" is not a number`);
  const d = parseNumberText(String(v));
  if (!d) return bad(`„${shown(v)}“ ist keine Zahl`, `"${shown(v)}" is not a number`);
  return ok(d);
}

/** A rate: 0.03, "3 %", "3%", "0,03". */
export function parseRate(v: CellValue): Parsed<Dec | undefined> {
  if (typeof v === 'string' && /%\s*$/.test(v.trim())) {
    const d = parseNumberText(v.trim().replace(/%$/, ''));
    if (!d) return bad(`„${shown(v)}“ ist kein Prozentsatz`, `"${shown(v)}" is not a percentage`);
    return ok(d.div(100));
  }
  return parseNumber(v);
}

export function parseShare(v: CellValue): Parsed<Dec | undefined> {
  const r = parseRate(v);
  if (!r.ok || r.value === undefined) return r;
  if (r.value.lte(0) || r.value.gt(1))
    return bad(
      `Stellenanteil ${shown(v)} liegt nicht zwischen 0 und 1`,
      `FTE share ${shown(v)} is not between 0 and 1`,
    );
  return r;
}

export function parseInt(v: CellValue): Parsed<number | undefined> {
  // a whole number as Excel stores it (Stufe, Jahr): the same result as below, without a decimal detour
  if (typeof v === 'number' && Number.isInteger(v) && Math.abs(v) <= 1e9) return ok(v === 0 ? 0 : v);
  const r = parseNumber(v);
  if (!r.ok || r.value === undefined) return r as Parsed<number | undefined>;
  if (!r.value.isInteger())
    return bad(`„${shown(v)}“ ist keine ganze Zahl`, `"${shown(v)}" is not a whole number`);
  if (r.value.abs().gt(1e9)) return bad(`„${shown(v)}“ ist zu groß`, `"${shown(v)}" is too large`);
  return ok(r.value.toNumber());
}

/**
 * Excel's 1900 date system: serial 1 is 01.01.1900 and serial 60 the 29.02.1900 that never was (Lotus'
 * leap-year error, kept by Excel), so from serial 61 (01.03.1900) on the days count from 30.12.1899.
 * A time of day never moves a date: 46388,75 (18:00) is still 01.01.2027.
 */
const EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86400000;

export function serialToIso(serial: number): IsoDate {
  // floor, with a tolerance far below a second against binary noise (46388.99999999999)
  const day = Math.floor(serial + 1e-8);
  if (day === 60) return '1900-02-29'; // shown by Excel, not a date: isValidIsoDate rejects it
  const t = new Date(EPOCH + (day >= 1 && day < 60 ? day + 1 : day) * DAY);
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

export function isoToSerial(date: IsoDate): number {
  const [y, m, d] = date.split('-').map(Number);
  if (y === 1900 && m === 2 && d === 29) return 60;
  const days = Math.round((Date.UTC(y, m - 1, d) - EPOCH) / DAY);
  return days >= 2 && days <= 60 ? days - 1 : days;
}

/** Dates from ExcelJS: it turns serial s into 30.12.1899 + s days for every s, so convert back first. */
export function dateToIso(d: Date): IsoDate {
  return serialToIso((d.getTime() - EPOCH) / DAY);
}

/** A date written as ExcelJS writes it (30.12.1899 + serial days), from the serial of an ISO date. */
export function serialToDate(serial: number): Date {
  return new Date(EPOCH + serial * DAY);
}

/** The whole-day serial of a Date counted the same way (what Office.js takes for a Date value). */
export function dateToSerial(d: Date): number {
  return Math.round((d.getTime() - EPOCH) / DAY);
}

function inRange(iso: IsoDate): boolean {
  const y = Number(iso.slice(0, 4));
  return y >= 1900 && y <= 9999;
}

/**
 * A bare year in a date column ("2027") is a finding, not a date: Excel would read the number as a day
 * in July 1905, and guessing 01.01. or 31.12. would decide a whole year's money silently.
 */
function bareYear<T>(year: number): Parsed<T> {
  return bad(
    `„${year}“ ist eine Jahreszahl, kein Datum – bitte ein Datum eingeben (TT.MM.JJJJ, z. B. 01.01.${year} oder 31.12.${year})`,
    `"${year}" is a year, not a date – enter a date (DD.MM.YYYY, e.g. 01.01.${year})`,
  );
}

export function parseDate(v: CellValue): Parsed<IsoDate | undefined> {
  if (isEmpty(v)) return ok(undefined);
  if (isErrorValue(v)) return errorValue(v);
  let iso: string | undefined;
  if (v instanceof Date) {
    iso = Number.isNaN(v.getTime()) ? undefined : dateToIso(v);
    // 2027 typed into a date-formatted cell arrives as 19.07.1905 (serial 2027)
    const serial = iso && iso < '1906-01-01' ? isoToSerial(iso) : undefined;
    if (serial !== undefined && Number.isInteger(serial) && serial >= 1900) return bareYear(serial);
  } else if (typeof v === 'number' && Number.isInteger(v) && v >= 1900 && v <= 2199) return bareYear(v);
  else if (typeof v === 'number') iso = v >= 1 && v < 2958466 ? serialToIso(v) : undefined;
  else if (typeof v === 'string') {
    const s = v.trim();
    if (/^(19|20|21)\d\d$/.test(s)) return bareYear(Number(s));
    let m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
    if (m) iso = isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
    m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    if (m) iso = s;
  }
  if (!iso || !isValidIsoDate(iso) || !inRange(iso))
    return bad(
      `„${shown(v)}“ ist kein gültiges Datum (TT.MM.JJJJ)`,
      `"${shown(v)}" is not a valid date (DD.MM.YYYY)`,
    );
  return ok(iso);
}

export function parseBool(v: CellValue): Parsed<boolean | undefined> {
  if (isEmpty(v)) return ok(undefined);
  if (typeof v === 'boolean') return ok(v);
  if (typeof v === 'number' && (v === 0 || v === 1)) return ok(v === 1);
  if (typeof v === 'string') {
    const s = v.trim().toLowerCase();
    if (['ja', 'j', 'x', 'yes', 'wahr', 'true', '1'].includes(s)) return ok(true);
    if (['nein', 'n', 'no', 'falsch', 'false', '0', '-'].includes(s)) return ok(false);
  }
  return bad(`„${shown(v)}“ ist weder Ja noch Nein`, `"${shown(v)}" is neither Ja nor Nein`);
}

/** Comparison key of list values; memoised, as the same few texts come back in every row. */
const enumKeys = new Map<string, string>();
function enumKey(s: string): string {
  let k = enumKeys.get(s);
  if (k === undefined) {
    k = s.toLowerCase().replace(/ß/g, 'ss').replace(/\s+/g, ' ');
    if (enumKeys.size < 10_000) enumKeys.set(s, k);
  }
  return k;
}

export function parseEnum(v: CellValue, values: readonly string[]): Parsed<string | undefined> {
  const t = parseText(v);
  if (!t.ok) return t;
  if (t.value === '') return ok(undefined);
  const wanted = enumKey(t.value);
  const hit = values.find((x) => enumKey(x) === wanted);
  if (!hit)
    return bad(
      `„${shown(t.value)}“ ist kein erlaubter Wert (erlaubt: ${values.join(', ')})`,
      `"${shown(t.value)}" is not allowed (allowed: ${values.join(', ')})`,
    );
  return ok(hit);
}
