import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { readWorkbookModel } from '../../src/workbook/read';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';
import { checkJson, runCli, type CheckJson } from './support/cli';
import { EXAMPLES, buildWorkbook, makeTempDir, removeTempDir } from './support/workbooks';
import { zipEntries } from './support/zip';
import { writeZip } from './support/zip-writer';

/**
 * Workbooks our code did not write: OOXML parts edited by hand the way Excel stores what a finance
 * officer does to the Stellen sheet (a table with a totals row, merged cells), read and written through
 * the command line.
 */
jest.setTimeout(120_000);

let dir: string;
let plain: CheckJson;
let base: Uint8Array;
beforeAll(async () => {
  dir = await makeTempDir('fremd-');
  base = await buildWorkbook(EXAMPLES[0].data);
  const file = path.join(dir, 'plain.xlsx');
  await fs.writeFile(file, base);
  plain = (await checkJson(file)).json;
});
afterAll(() => removeTempDir(dir));

type Parts = Map<string, Buffer>;

/** The Stellen sheet's part path, through workbook.xml and its relations. */
function stellenPart(parts: Parts): string {
  const wb = parts.get('xl/workbook.xml')!.toString('utf8');
  const rid = /<sheet\b[^>]*name="Stellen"[^>]*r:id="([^"]+)"/.exec(wb)![1];
  const rels = parts.get('xl/_rels/workbook.xml.rels')!.toString('utf8');
  const target = new RegExp(`<Relationship\\b[^>]*Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)![1];
  return `xl/${target.replace(/^\/?xl\//, '')}`;
}

const letters = (col: number): string =>
  col <= 26
    ? String.fromCharCode(64 + col)
    : letters(Math.floor((col - 1) / 26)) + letters(((col - 1) % 26) + 1);

/** Header texts of row 1 and the number of the last data row, read with ExcelJS from the bytes. */
async function layout(bytes: Uint8Array): Promise<{ headers: string[]; last: number }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.slice().buffer);
  const ws = wb.getWorksheet('Stellen')!;
  const headers: string[] = [];
  ws.getRow(1).eachCell((c, col) => (headers[col - 1] = c.text));
  let last = 1;
  ws.eachRow((row, n) => {
    if (row.getCell(1).value !== null) last = n;
  });
  return { headers, last };
}

async function save(name: string, parts: Parts): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, writeZip([...parts].map(([n, data]) => ({ name: n, data }))));
  return file;
}

/** Adds the Stellen range as an Excel table named "Stellen" (hand-written table part), optionally with a totals row. */
async function withTable(
  totals: boolean,
): Promise<{ parts: Parts; headers: string[]; last: number; sheet: string }> {
  const parts = zipEntries(base);
  const { headers, last } = await layout(base);
  const sheet = stellenPart(parts);
  let xml = parts.get(sheet)!.toString('utf8');
  const share = headers.indexOf('Stellenanteil') + 1;
  const bottom = totals ? last + 1 : last;
  if (totals) {
    // what Excel writes for "Ergebniszeile": a label and a SUBTOTAL with its cached result
    const row =
      `<row r="${bottom}"><c r="A${bottom}" t="inlineStr"><is><t>Ergebnis</t></is></c>` +
      `<c r="${letters(share)}${bottom}"><f>SUBTOTAL(109,Stellen[Stellenanteil])</f><v>11.5</v></c></row>`;
    // in row order: any (empty) row of that number gives way, the row goes before the first one below
    xml = xml.replace(new RegExp(`<row r="${bottom}"[^>]*?(/>|>.*?</row>)`, 's'), '');
    const below = [...xml.matchAll(/<row r="(\d+)"/g)].find((m) => Number(m[1]) > bottom);
    xml = below
      ? xml.slice(0, below.index) + row + xml.slice(below.index)
      : xml.replace('</sheetData>', `${row}</sheetData>`);
  }
  const ref = `A1:${letters(headers.length)}${bottom}`;
  const columns = headers
    .map((h, i) =>
      totals && i === 0
        ? `<tableColumn id="1" name="${h}" totalsRowLabel="Ergebnis"/>`
        : totals && i === share - 1
          ? `<tableColumn id="${i + 1}" name="${h}" totalsRowFunction="sum"/>`
          : `<tableColumn id="${i + 1}" name="${h}"/>`,
    )
    .join('');
  parts.set(
    'xl/tables/table9.xml',
    Buffer.from(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="9" name="Stellen" displayName="Stellen" ref="${ref}"${totals ? ' totalsRowCount="1"' : ''}><autoFilter ref="A1:${letters(headers.length)}${last}"/><tableColumns count="${headers.length}">${columns}</tableColumns><tableStyleInfo name="TableStyleMedium2" showRowStripes="1"/></table>`,
    ),
  );
  xml = xml.replace(
    '</worksheet>',
    '<tableParts count="1"><tablePart r:id="rIdT9"/></tableParts></worksheet>',
  );
  if (!/xmlns:r=/.test(xml.slice(0, 500)))
    xml = xml.replace(
      '<worksheet ',
      '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ',
    );
  parts.set(sheet, Buffer.from(xml));
  const relsPath = sheet.replace(/([^/]+)$/, '_rels/$1.rels');
  const rel =
    '<Relationship Id="rIdT9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="../tables/table9.xml"/>';
  const rels = parts.get(relsPath)?.toString('utf8');
  parts.set(
    relsPath,
    Buffer.from(
      rels
        ? rels.replace('</Relationships>', `${rel}</Relationships>`)
        : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel}</Relationships>`,
    ),
  );
  const ct = parts.get('[Content_Types].xml')!.toString('utf8');
  parts.set(
    '[Content_Types].xml',
    Buffer.from(
      ct.replace(
        '</Types>',
        '<Override PartName="/xl/tables/table9.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/></Types>',
      ),
    ),
  );
  return { parts, headers, last, sheet };
}

describe('an Excel table with a totals row (Tabellenentwurf › Ergebniszeile)', () => {
  test('the totals row is no position: check gives the same result as without the table', async () => {
    const { parts, last } = await withTable(true);
    const file = await save('ergebniszeile.xlsx', parts);
    const { code, json } = await checkJson(file);
    expect(json.findings.filter((f) => f.sheet === 'Stellen' && f.cell?.endsWith(String(last + 1)))).toEqual(
      [],
    );
    expect(code).toBe(0);
    expect(json.summary).toEqual(plain.summary);
    expect(json.measures).toEqual(plain.measures);
  });

  test('report writes no Jahreskosten into the totals row, and the filter stays above it', async () => {
    const { parts, last, sheet } = await withTable(true);
    const file = await save('ergebniszeile-bericht.xlsx', parts);
    const out = path.join(dir, 'ergebniszeile-out.xlsx');
    const r = await runCli(['report', file, '-o', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const written = zipEntries(await fs.readFile(out));
    const totalsRow = /<row r="(\d+)"[^>]*>.*?<\/row>/gs;
    const rows = [...written.get(sheet)!.toString('utf8').matchAll(totalsRow)];
    const row = rows.find((m) => m[1] === String(last + 1))![0];
    expect(row).toContain('SUBTOTAL(109,Stellen[Stellenanteil])');
    expect(row.match(/<f>/g)).toHaveLength(1);
    const table = written.get('xl/tables/table9.xml')!.toString('utf8');
    expect(table).toContain('totalsRowCount="1"');
    const tableRef = /<table\b[^>]*\bref="[A-Z]+1:[A-Z]+(\d+)"/.exec(table)![1];
    const filterRef = /<autoFilter\b[^>]*\bref="[A-Z]+1:[A-Z]+(\d+)"/.exec(table)![1];
    expect(Number(tableRef)).toBe(last + 1);
    expect(Number(filterRef)).toBe(last);
  });
});

describe('merged cells in the Stellen sheet (Start › Verbinden und zentrieren)', () => {
  /** Organisationseinheit merged over the rows 2–4, as Excel stores it: only C2 keeps its value. */
  async function merged(): Promise<{ file: string; col: string }> {
    const parts = zipEntries(base);
    const { headers } = await layout(base);
    const sheet = stellenPart(parts);
    const col = letters(headers.indexOf('Organisationseinheit') + 1);
    let xml = parts.get(sheet)!.toString('utf8');
    for (const r of [3, 4]) xml = xml.replace(new RegExp(`<c r="${col}${r}"[^>]*?(/>|>.*?</c>)`), '');
    const merge = `<mergeCells count="1"><mergeCell ref="${col}2:${col}4"/></mergeCells>`;
    xml = xml.includes('<mergeCells')
      ? xml.replace(/<mergeCells[^>]*>/, (m) => `${m}<mergeCell ref="${col}2:${col}4"/>`)
      : xml.replace('</sheetData>', `</sheetData>${merge}`);
    parts.set(sheet, Buffer.from(xml));
    return { file: await save('verbunden.xlsx', parts), col };
  }

  test('each cell hidden by the merge is an error at that cell naming the merged range; nothing is read as empty silently', async () => {
    const { file, col } = await merged();
    const { code, json } = await checkJson(file);
    const at = json.findings.filter((f) => f.sheet === 'Stellen' && f.cell?.startsWith(col));
    expect(at.map((f) => f.cell)).toEqual([`${col}3`, `${col}4`]);
    for (const f of at) {
      expect(f).toMatchObject({ code: 'INVALID_VALUE', severity: 'error' });
      expect(f.message).toContain(`verbundenen Zellen ${col}2:${col}4`);
    }
    expect(code).toBe(1);
    // the rest of the plan is read as before
    expect(json.summary.errors).toBe(plain.summary.errors + 2);
    expect(json.measures).toEqual(plain.measures);
  });

  test('in English with --lang en', async () => {
    const { file, col } = await merged();
    const { json } = await checkJson(file, '--lang', 'en');
    const f = json.findings.find((x) => x.cell === `${col}3`)!;
    expect(f.message).toContain(`merged cells ${col}2:${col}4`);
  });
});

describe('a protected sheet the product does not write (Deckungsregeln, as LibreOffice stores the protection)', () => {
  test('report and adopt leave it as it was, protection included, instead of refusing the whole write', async () => {
    const parts = zipEntries(base);
    const wb = parts.get('xl/workbook.xml')!.toString('utf8');
    const rid = /<sheet\b[^>]*name="Deckungsregeln"[^>]*r:id="([^"]+)"/.exec(wb)![1];
    const rels = parts.get('xl/_rels/workbook.xml.rels')!.toString('utf8');
    const sheet = `xl/${new RegExp(`<Relationship\\b[^>]*Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)![1].replace(/^\/?xl\//, '')}`;
    const xml = parts.get(sheet)!.toString('utf8');
    // LibreOffice writes sheetProtection right after sheetData
    parts.set(
      sheet,
      Buffer.from(
        xml.replace(
          '</sheetData>',
          '</sheetData><sheetProtection sheet="true" objects="true" scenarios="true"/>',
        ),
      ),
    );
    const file = await save('regeln-geschuetzt.xlsx', parts);
    const protectedPart = parts.get(sheet)!;

    const out = path.join(dir, 'regeln-geschuetzt-bericht.xlsx');
    const r = await runCli(['report', file, '-o', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(
      zipEntries(await fs.readFile(out))
        .get(sheet)!
        .equals(protectedPart),
    ).toBe(true);

    const adopted = path.join(dir, 'regeln-geschuetzt-beschluss.xlsx');
    const a = await runCli(['adopt', out, 'M-2027-01', '-o', adopted]);
    expect(a.stderr).toBe('');
    expect(a.code).toBe(0);
    expect(
      zipEntries(await fs.readFile(adopted))
        .get(sheet)!
        .equals(protectedPart),
    ).toBe(true);
  });
});

describe('a header wrapped with Alt+Enter (a line break in the header cell)', () => {
  /** The Stellen header `from` replaced by `to` as an inline string (Excel keeps the line break as "\n"). */
  async function header(from: string, to: string): Promise<string> {
    const parts = zipEntries(base);
    const { headers } = await layout(base);
    const sheet = stellenPart(parts);
    const ref = `${letters(headers.indexOf(from) + 1)}1`;
    const xml = parts
      .get(sheet)!
      .toString('utf8')
      .replace(
        new RegExp(`<c r="${ref}"[^>]*?(/>|>.*?</c>)`),
        `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${to}</t></is></c>`,
      );
    parts.set(sheet, Buffer.from(xml));
    return save(`kopf-${headers.indexOf(from)}.xlsx`, parts);
  }

  /** Each position's Stellenanteil as the product reads it. */
  async function shares(file: string): Promise<string[]> {
    const read = await readWorkbookModel(await XlsxWorkbook.open(await fs.readFile(file)));
    return read.model.stellen.map((s) => `${s.nr} ${String(s.anteil)}`);
  }

  test('"Stellen-⏎anteil" is still the Stellenanteil: a half position is not costed as a full one', async () => {
    const expected = await shares(path.join(dir, 'plain.xlsx'));
    expect(expected).toContain('1.03 0.5');
    const file = await header('Stellenanteil', 'Stellen-\nanteil');
    expect(await shares(file)).toEqual(expected);
    const { json } = await checkJson(file);
    expect(json.summary).toEqual(plain.summary);
  });

  test('"Stellenanteil (VZÄ)" is not read, and says so at its header instead of costing every position full-time', async () => {
    const { headers } = await layout(base);
    const cell = `${letters(headers.indexOf('Stellenanteil') + 1)}1`;
    const { json } = await checkJson(await header('Stellenanteil', 'Stellenanteil (VZÄ)'));
    const at = json.findings.filter((f) => f.sheet === 'Stellen' && f.cell === cell);
    expect(at).toHaveLength(1);
    expect(at[0]).toMatchObject({ code: 'INVALID_VALUE', severity: 'warning' });
    expect(at[0].message).toContain('„Stellenanteil (VZÄ)“');
    expect(at[0].message).toContain('„Stellenanteil“');
    const en = await checkJson(await header('Stellenanteil', 'Stellenanteil (VZÄ)'), '--lang', 'en');
    expect(en.json.findings.find((f) => f.cell === cell)!.message).toContain('is not read');
  });

  test('"Stellen-⏎Nr." keeps its hyphen (a compound split at the hyphen, not a word)', async () => {
    const { code, json } = await checkJson(await header('Stellen-Nr.', 'Stellen-\nNr.'));
    expect(code).toBe(0);
    expect(json.measures).toEqual(plain.measures);
  });
});

test('Entgeltgruppe written "EG 5" (as in job adverts) is E5: the same cover as with "E5", no PAYGRADE_UNKNOWN', async () => {
  const parts = zipEntries(base);
  const { headers, last } = await layout(base);
  const sheet = stellenPart(parts);
  const col = letters(headers.indexOf('Entgeltgruppe') + 1);
  let xml = parts.get(sheet)!.toString('utf8');
  // every E5 position, as an inline string "EG 5"
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(base.slice().buffer);
  const ws = wb.getWorksheet('Stellen')!;
  const rows: number[] = [];
  for (let r = 2; r <= last; r++) if (ws.getCell(`${col}${r}`).text === 'E5') rows.push(r);
  expect(rows.length).toBeGreaterThan(0);
  for (const r of rows)
    xml = xml.replace(
      new RegExp(`<c r="${col}${r}"[^>]*?(/>|>.*?</c>)`),
      `<c r="${col}${r}" t="inlineStr"><is><t>EG 5</t></is></c>`,
    );
  parts.set(sheet, Buffer.from(xml));
  const { code, json } = await checkJson(await save('eg.xlsx', parts));
  expect(json.findings.filter((f) => f.code === 'PAYGRADE_UNKNOWN')).toEqual([]);
  expect(code).toBe(0);
  expect(json.measures).toEqual(plain.measures);
});

test('a LibreOffice .ods file: exit 2 with one sentence saying how to save it as .xlsx (not "kein Blatt Stellen")', async () => {
  // the parts every OpenDocument spreadsheet has; the mimetype stored first and uncompressed (ODF 1.2 §3.3)
  const ods = writeZip([
    { name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.spreadsheet'), stored: true },
    {
      name: 'content.xml',
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><office:body><office:spreadsheet><table:table table:name="Stellen"/></office:spreadsheet></office:body></office:document-content>',
      ),
    },
    {
      name: 'META-INF/manifest.xml',
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/></manifest:manifest>',
      ),
    },
  ]);
  for (const name of ['stellenplan.ods', 'umbenannt.xlsx']) {
    const file = path.join(dir, name);
    await fs.writeFile(file, ods);
    for (const command of [
      ['check', file],
      ['report', file],
    ]) {
      const r = await runCli(command);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/OpenDocument-Tabelle \(\.ods.*als „Excel 2007-365 \(\.xlsx\)“ speichern/);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  }
});
