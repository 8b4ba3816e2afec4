/**
 * `check` reads a plain workbook straight from its package (src/xlsx/sheet-values.ts) instead of ExcelJS's
 * cell model. These tests hold that reading to ExcelJS's: every table, header and value equal (deep, with
 * types: numbers, texts, booleans, dates, errors, "no cached result"), for hand-written OOXML with every
 * kind of cell, for random fuzz workbooks, for the examples; and a package it is not sure of is left to
 * ExcelJS.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { checkJson, sortFindings } from '../../src/cli/output';
import { analyseRead } from '../../src/workbook/analysis';
import { readWorkbookModel } from '../../src/workbook/read';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { NO_CACHED_VALUE } from '../../src/workbook/cells';
import type { RawTable, TableRequest } from '../../src/workbook/port';
import { tableRequests } from '../../src/workbook/schema';
import { PackageTables } from '../../src/xlsx/package-tables';
import { ownSharedStrings } from '../../src/xlsx/shared-strings';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- ExcelJS's own parser, the reference
const SharedStringsXform = require('exceljs/lib/xlsx/xform/strings/shared-strings-xform') as new () => {
  parseStream(chunks: string[]): Promise<unknown>;
  getString(i: number): unknown;
};
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';
import { buildExcelPackage } from '../support/excel-package';
import { workbookArb, writeFuzzWorkbook } from '../support/fuzz-workbook';
import { writeZip } from './support/zip-writer';
import { CLEAN, buildWorkbook } from './support/workbooks';

jest.setTimeout(300_000);

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PR = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** The requests of the product, and three of this test's own sheet ("Daten"), table and anchored block. */
const REQUESTS: TableRequest[] = [
  ...tableRequests(),
  { key: 'Stellen', tableNames: [], sheetNames: ['Daten'] },
  { key: 'Massnahmen', tableNames: ['tblListe'], sheetNames: [] },
  { key: 'Entgelttabelle', tableNames: [], sheetNames: [], anchorHeader: 'Entgeltgruppe' },
];

async function both(bytes: Uint8Array, requests = REQUESTS) {
  const results = [];
  for (const req of requests) {
    const fast = await PackageTables.open(bytes);
    const slow = await XlsxWorkbook.open(bytes);
    results.push({
      fast: fast && (await fast.readTables([req])).get(req.key),
      slow: (await slow.readTables([req])).get(req.key),
      plain: fast !== undefined,
    });
  }
  return results;
}

async function expectSame(bytes: Uint8Array, requests = REQUESTS): Promise<boolean> {
  const results = await both(bytes, requests);
  for (const r of results) if (r.plain) expect(r.fast).toStrictEqual(r.slow);
  return results[0].plain;
}

interface RawSheet {
  name: string;
  xml: string;
  table?: { name: string; ref: string; totals?: boolean };
  /** External hyperlinks (relation rIdL1, rIdL2 …), referenced from the sheet XML. */
  links?: number;
}

/** A package written by hand, part by part (as Excel and other programs write them). */
function rawPackage(sheets: RawSheet[], strings: string[], options: { date1904?: boolean } = {}): Uint8Array {
  const entries: { name: string; data: Buffer }[] = [];
  const add = (name: string, text: string) => entries.push({ name, data: Buffer.from(text, 'utf8') });
  add(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>${sheets.map((s, i) => (s.table ? `<Override PartName="/xl/tables/table${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>` : '')).join('')}</Types>`,
  );
  add(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PR}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  add(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${R}"><workbookPr${options.date1904 ? ' date1904="1"' : ''}/><sheets>${sheets.map((s, i) => `<sheet name="${s.name.replace(/&/g, '&amp;')}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
  );
  add(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PR}">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rIdS" Type="${R}/styles" Target="styles.xml"/><Relationship Id="rIdT" Type="${R}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  // styles: 0 general, 1 built-in date (14), 2 a custom date format, 3 a money format, 4 bold (no number format)
  add(
    'xl/styles.xml',
    `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}"><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/><numFmt numFmtId="165" formatCode="#,##0.00\\ &quot;€&quot;"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs></styleSheet>`,
  );
  add(
    'xl/sharedStrings.xml',
    `<?xml version="1.0" encoding="UTF-8"?>\r\n<sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">${strings.join('')}</sst>`,
  );
  sheets.forEach((s, i) => {
    const n = i + 1;
    const tablePart = s.table ? `<tableParts count="1"><tablePart r:id="rId1"/></tableParts>` : '';
    add(
      `xl/worksheets/sheet${n}.xml`,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet xmlns="${MAIN}" xmlns:r="${R}">${s.xml}${tablePart}</worksheet>`,
    );
    const links = Array.from(
      { length: s.links ?? 0 },
      (_, k) =>
        `<Relationship Id="rIdL${k + 1}" Type="${R}/hyperlink" Target="https://example.invalid/${k}" TargetMode="External"/>`,
    ).join('');
    const table = s.table
      ? `<Relationship Id="rId1" Type="${R}/table" Target="../tables/table${n}.xml"/>`
      : '';
    if (table || links)
      add(
        `xl/worksheets/_rels/sheet${n}.xml.rels`,
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PR}">${table}${links}</Relationships>`,
      );
    if (s.table) {
      add(
        `xl/tables/table${n}.xml`,
        `<?xml version="1.0" encoding="UTF-8"?><table xmlns="${MAIN}" id="${n}" name="${s.table.name}" displayName="${s.table.name}" ref="${s.table.ref}"${s.table.totals ? ' totalsRowCount="1"' : ''}><autoFilter ref="${s.table.ref}"/><tableColumns count="2"><tableColumn id="1" name="A"/><tableColumn id="2" name="B"/></tableColumns><tableStyleInfo name="TableStyleMedium2" showRowStripes="1"/></table>`,
      );
    }
  });
  return new Uint8Array(writeZip(entries));
}

/** Every kind of cell ExcelJS reads, one per row of sheet "Daten" (column A: what it is, B: the cell). */
const STRINGS = [
  '<si><t>Art</t></si>', // 0
  '<si><t>Wert</t></si>', // 1
  '<si><t xml:space="preserve"> Text mit Rand </t></si>', // 2
  '<si><r><rPr><b/></rPr><t>fett</t></r><r><t xml:space="preserve"> und normal</t></r></si>', // 3
  '<si><t>Zeile_x000D_\r\nzwei &amp; &lt;drei&gt; &quot;vier&quot; &#228;&#x00FC;</t></si>', // 4
  '<si><t>mit Lautschrift</t><rPh sb="0" eb="1"><t>ラ</t></rPh><phoneticPr fontId="1"/></si>', // 5
  '<si><t/></si>', // 6
  '<si><t>Entgeltgruppe</t></si>', // 7
  '<si><t>Stufe 1</t></si>', // 8
];

const CELLS: [string, string][] = [
  ['shared string', '<c r="B{r}" t="s"><v>2</v></c>'],
  ['rich shared string', '<c r="B{r}" t="s"><v>3</v></c>'],
  ['entities, _x000D_ and a line end', '<c r="B{r}" t="s"><v>4</v></c>'],
  ['phonetic text', '<c r="B{r}" t="s"><v>5</v></c>'],
  ['empty shared string', '<c r="B{r}" t="s"><v>6</v></c>'],
  ['inline string', '<c r="B{r}" t="inlineStr"><is><t>inline &amp; frei</t></is></c>'],
  ['inline string, empty', '<c r="B{r}" s="4" t="inlineStr"><is><t></t></is></c>'],
  ['str (decoded twice)', '<c r="B{r}" t="str"><v>a &amp;amp; b</v></c>'],
  ['number', '<c r="B{r}"><v>1234.5</v></c>'],
  ['number, money format', '<c r="B{r}" s="3"><v>-0.1</v></c>'],
  ['number, exponent', '<c r="B{r}"><v>1.5E-3</v></c>'],
  ['date (built-in format 14)', '<c r="B{r}" s="1"><v>46388</v></c>'],
  ['date with time, custom format', '<c r="B{r}" s="2"><v>46388.75</v></c>'],
  ['boolean', '<c r="B{r}" t="b"><v>1</v></c>'],
  ['boolean false', '<c r="B{r}" t="b"><v>0</v></c>'],
  ['error', '<c r="B{r}" t="e"><v>#N/A</v></c>'],
  ['formula with number result', '<c r="B{r}"><f>1+2</f><v>3</v></c>'],
  ['formula with zero result', '<c r="B{r}"><f>1-1</f><v>0</v></c>'],
  ['formula with text result', '<c r="B{r}" t="str"><f>"x"&amp;"y"</f><v>xy</v></c>'],
  ['formula with empty text result', '<c r="B{r}" t="str"><f>IF(1,"","x")</f><v></v></c>'],
  ['formula without a stored result', '<c r="B{r}"><f>SUM(A1:A2)</f></c>'],
  ['formula, boolean result', '<c r="B{r}" t="b"><f>TRUE()</f><v>1</v></c>'],
  ['formula, error result', '<c r="B{r}" t="e"><f>1/0</f><v>#DIV/0!</v></c>'],
  ['formula, date result', '<c r="B{r}" s="1"><f>DATE(2027,1,1)</f><v>46388</v></c>'],
  ['shared formula master', '<c r="B{r}"><f t="shared" ref="B{r}:B{r+2}" si="0">ROW()</f><v>30</v></c>'],
  ['shared formula', '<c r="B{r}"><f t="shared" si="0"/><v>31</v></c>'],
  ['shared formula without result', '<c r="B{r}"><f t="shared" si="0"/></c>'],
  ['shared formula without master', '<c r="B{r}"><f t="shared" si="7"/><v>5</v></c>'],
  ['style only', '<c r="B{r}" s="4"/>'],
  ['nothing', '<c r="B{r}"/>'],
  ['value with style 0', '<c r="B{r}" s="0"><v>7</v></c>'],
];

function datenSheet(): RawSheet {
  const rows = [`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>`];
  CELLS.forEach(([what, cell], i) => {
    const r = i + 2;
    const xml = cell.replace(/\{r\}/g, String(r)).replace(/\{r\+2\}/g, String(r + 2));
    rows.push(`<row r="${r}" spans="1:2"><c r="A${r}" t="inlineStr"><is><t>${what}</t></is></c>${xml}</row>`);
  });
  const last = CELLS.length + 1;
  // a merged range over two rows (values under it read empty), an empty row and an empty styled row
  rows.push(
    `<row r="${last + 1}"><c r="A${last + 1}" t="inlineStr"><is><t>merged</t></is></c><c r="B${last + 1}"><v>5</v></c></row>`,
  );
  rows.push(
    `<row r="${last + 2}"><c r="A${last + 2}" t="inlineStr"><is><t>under the merge</t></is></c><c r="B${last + 2}"><v>6</v></c></row>`,
  );
  rows.push(`<row r="${last + 3}"/>`);
  rows.push(`<row r="${last + 4}" s="4" customFormat="1"><c r="A${last + 4}" s="4"/></row>`);
  return {
    name: 'Daten',
    xml: `<dimension ref="A1:D${last + 4}"/><sheetData>${rows.join('')}</sheetData><mergeCells count="2"><mergeCell ref="B1:C1"/><mergeCell ref="A${last + 1}:B${last + 2}"/></mergeCells><hyperlinks>${[
      ['shared string', 'rIdL1'],
      ['number, exponent', 'rIdL2'],
      ['formula, date result', 'rIdL3'],
      ['boolean', 'rIdL4'],
      ['style only', 'rIdL5'],
      ['nothing', 'rIdL6'],
      ['inline string', undefined],
    ]
      .map(([what, id]) => {
        const ref = `B${CELLS.findIndex(([w]) => w === what) + 2}`;
        return id
          ? `<hyperlink ref="${ref}" r:id="${id}"/>`
          : `<hyperlink ref="${ref}" location="Daten!A1"/>`;
      })
      .join('')}</hyperlinks>`,
    links: 6,
  };
}

const LISTE: RawSheet = {
  name: 'Liste & Co',
  xml: `<sheetData><row r="2"><c r="B2" t="s"><v>0</v></c><c r="C2" t="s"><v>1</v></c></row><row r="3"><c r="B3"><v>1</v></c><c r="C3" t="inlineStr"><is><t>eins</t></is></c></row><row r="4"><c r="B4"><v>2</v></c></row><row r="5"><c r="B5" t="inlineStr"><is><t>Summe</t></is></c><c r="C5"><f>SUBTOTAL(109,[Wert])</f><v>3</v></c></row></sheetData>`,
  table: { name: 'tblListe', ref: 'B2:C5', totals: true },
};

const PARAMETER: RawSheet = {
  name: 'Parameter',
  xml: `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Parameter</t></is></c></row><row r="3"><c r="B3" t="s"><v>7</v></c><c r="C3" t="s"><v>8</v></c></row><row r="4"><c r="B4" t="inlineStr"><is><t>E 9a</t></is></c><c r="C4"><v>3500.25</v></c></row><row r="5"><c r="B5" t="inlineStr"><is><t>E 10</t></is></c><c r="C5"><v>3700</v></c></row></sheetData>`,
};

describe('every kind of cell is read as ExcelJS reads it', () => {
  test.each([false, true])('hand-written OOXML (1904 date system: %s)', async (date1904) => {
    const bytes = rawPackage([datenSheet(), LISTE, PARAMETER], STRINGS, { date1904 });
    const results = await both(bytes);
    expect(results.every((r) => r.plain)).toBe(true);
    for (const r of results) expect(r.fast).toStrictEqual(r.slow);
    // and the reading says what a user would see (not only "the same as ExcelJS")
    const daten = results[tableRequests().length].fast as RawTable;
    const value = (what: string) => daten.rows.find((row) => row[0] === what)?.[1];
    expect(daten.headers).toEqual(['Art', 'Wert']);
    expect(value('rich shared string')).toBe('fett und normal');
    expect(value('entities, _x000D_ and a line end')).toBe('Zeile\r\nzwei & <drei> "vier" äü');
    expect(value('phonetic text')).toBe('mit Lautschrift');
    expect(value('str (decoded twice)')).toBe('a & b');
    expect(value('date (built-in format 14)')).toEqual(
      date1904 ? new Date(Date.UTC(2031, 0, 2)) : new Date(Date.UTC(2027, 0, 1)),
    );
    expect(value('formula with zero result')).toBe(0);
    expect(value('formula with empty text result')).toBe('');
    expect(value('formula without a stored result')).toEqual({ error: NO_CACHED_VALUE });
    expect(value('shared formula')).toBe(31);
    expect(value('shared formula without result')).toEqual({ error: NO_CACHED_VALUE });
    expect(value('error')).toEqual({ error: '#N/A' });
    // the merged range: only its top-left cell has a value; a cell it hides is marked so that the reader
    // reports it at that cell (the row under it is empty, so the table ends)
    expect(daten.rows.at(-1)).toEqual(['merged', { error: '#VERBUNDEN A33:B34' }]);
    expect(daten.rows.flat()).not.toContain('under the merge');
    // external hyperlinks: the cell reads as the link's text
    expect(value('number, exponent')).toBe('0.0015');
    expect(value('boolean')).toBe('true');
    expect(value('style only')).toBe('undefined');
    expect(value('shared string')).toBe(' Text mit Rand ');
    const liste = results[tableRequests().length + 1].fast as RawTable;
    expect(liste).toMatchObject({ sheet: 'Liste & Co', tableName: 'tblListe', origin: { row: 2, col: 2 } });
    // the totals row is no data row
    expect(liste.rows).toEqual([
      [1, 'eins'],
      [2, null],
    ]);
    const pay = results[tableRequests().length + 2].fast as RawTable;
    expect(pay).toMatchObject({ sheet: 'Parameter', origin: { row: 3, col: 2 } });
    expect(pay.rows).toEqual([
      ['E 9a', 3500.25],
      ['E 10', 3700],
    ]);
  });

  test('shared strings (plain, rich, phonetic, escapes, empty) are read by this reader itself, as ExcelJS reads them', async () => {
    const xml = `<?xml version="1.0"?>\r\n<sst xmlns="${MAIN}">\r\n${STRINGS.join('\r\n')}</sst>`;
    const own = ownSharedStrings(xml);
    expect(own).toHaveLength(STRINGS.length);
    const xform = new SharedStringsXform();
    await xform.parseStream([xml]);
    // the runs' texts (their fonts are not read: a cell's value is the runs' text joined)
    const texts = (v: unknown) =>
      typeof v === 'string' ? v : (v as { richText: { text: string }[] }).richText.map((r) => r.text);
    expect(own!.map(texts)).toEqual(STRINGS.map((_, i) => texts(xform.getString(i))));
    expect(own![3]).toEqual({ richText: [{ text: 'fett' }, { text: ' und normal' }] });
  });

  test('the product workbook, the three examples and an Excel-made workbook with calculated columns', async () => {
    const files = ['konstanz.xlsx', 'nienburg-2024.xlsx', 'obertshausen.xlsx'];
    for (const f of files) {
      const bytes = new Uint8Array(await fs.readFile(path.join(__dirname, '..', '..', 'examples', f)));
      expect(await expectSame(bytes)).toBe(true);
    }
    expect(await expectSame(await buildWorkbook(CLEAN))).toBe(true);
    // ExcelJS writes formulas, dates and shared strings its own way
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildWorkbook(CLEAN)).slice().buffer);
    const ws = wb.getWorksheet('Stellen')!;
    ws.getCell('B2').value = { formula: 'A2&"x"', result: 'S1x' };
    ws.getCell('C3').value = new Date(Date.UTC(2027, 5, 30));
    ws.getCell('C3').numFmt = 'dd.mm.yyyy';
    ws.getCell('D4').value = { richText: [{ text: 'Sach' }, { font: { bold: true }, text: 'bearbeiter' }] };
    ws.mergeCells('D5:E5');
    expect(await expectSame(new Uint8Array(await wb.xlsx.writeBuffer()))).toBe(true);
  });

  test('40 random fuzz workbooks (rich text, formulas, errors, merges, dates, odd numbers): the same tables', async () => {
    let plain = 0;
    await fc.assert(
      fc.asyncProperty(workbookArb(), async (fw) => {
        if (await expectSame(await writeFuzzWorkbook(fw), tableRequests())) plain++;
      }),
      { seed: 20261130, numRuns: 40 },
    );
    // they are read from the package, not left to ExcelJS (hyperlinks, rich text and merges included)
    expect(plain).toBeGreaterThan(10);
  });
});

test('check --json of each example and of an edited workbook (hyperlink, rich text): the same text as from ExcelJS', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'package-tables-'));
  const files = ['konstanz.xlsx', 'nienburg-2024.xlsx', 'obertshausen.xlsx'].map((f) =>
    path.join(__dirname, '..', '..', 'examples', f),
  );
  const edited = new ExcelJS.Workbook();
  await edited.xlsx.load((await buildWorkbook(CLEAN)).slice().buffer);
  edited.getWorksheet('Stellen')!.getCell('A3').value = {
    text: 'S-2',
    hyperlink: 'https://example.invalid/',
  };
  edited.getWorksheet('Stellen')!.getCell('D2').value = {
    richText: [{ text: 'Sach' }, { text: 'bearbeitung' }],
  };
  files.push(path.join(dir, 'edited.xlsx'));
  await fs.writeFile(files[3], new Uint8Array(await edited.xlsx.writeBuffer()));
  for (const file of files) {
    const bytes = new Uint8Array(await fs.readFile(file));
    expect(await PackageTables.open(bytes)).toBeDefined();
    for (const lang of ['de', 'en'] as const) {
      let out = '';
      const io = {
        out: (s: string) => (out += s),
        err: () => undefined,
        progress: false,
        today: () => '2027-01-15',
        now: () => '',
      };
      await main(['check', file, '--json', '--lang', lang], io);
      // what check printed before: the tables as ExcelJS reads them, the same analysis and output
      const read = await readWorkbookModel(await XlsxWorkbook.open(bytes));
      const analysis = analyseRead(read);
      const expected =
        JSON.stringify(
          checkJson(read, analysis.result, sortFindings(read, analysis.findings), lang),
          null,
          2,
        ) + '\n';
      expect(out).toBe(expected);
    }
  }
  await fs.rm(dir, { recursive: true, force: true });
});

describe('a package the reader is not sure of is left to ExcelJS', () => {
  test('an Excel workbook with comments, drawings, hyperlinks, a pivot table: ExcelJS reads it', async () => {
    const { bytes } = buildExcelPackage({ data: CLEAN });
    expect(await PackageTables.open(bytes)).toBeUndefined();
  });

  test.each([
    ['a hyperlink without its relation', (x: string) => x.replace('r:id="rIdL1"', 'r:id="rIdX"')],
    ['a cell without address', (x: string) => x.replace('<c r="B2" t="s">', '<c t="s">')],
    [
      'rich inline text',
      (x: string) => x.replace('<is><t>inline &amp; frei</t></is>', '<is><r><t>inline</t></r></is>'),
    ],
    ['an unknown entity', (x: string) => x.replace('a &amp;amp; b', 'a &nbsp; b')],
    [
      'overlapping merges',
      (x: string) =>
        x.replace('<mergeCell ref="B1:C1"/>', '<mergeCell ref="B1:C1"/><mergeCell ref="C1:C5"/>'),
    ],
    ['rows out of order', (x: string) => x.replace('<row r="3"', '<row r="1"')],
  ])('%s', async (_what, edit) => {
    const sheet = datenSheet();
    const bytes = rawPackage([{ ...sheet, xml: edit(sheet.xml) }, LISTE, PARAMETER], STRINGS);
    expect(await PackageTables.open(bytes)).toBeUndefined();
  });

  test('a damaged file is refused with the same sentence either way (check exits 2)', async () => {
    const bytes = rawPackage([datenSheet()], STRINGS);
    // the sheet part cut short: not plain, ExcelJS says why
    const broken = rawPackage(
      [{ ...datenSheet(), xml: '<sheetData><row r="1"><c r="A1"><v>1</v></c>' }],
      STRINGS,
    );
    expect(await PackageTables.open(bytes)).toBeDefined();
    expect(await PackageTables.open(broken)).toBeUndefined();
    await expect(XlsxWorkbook.open(broken)).rejects.toThrow(/keine lesbare Excel-Arbeitsmappe/);
  });
});
