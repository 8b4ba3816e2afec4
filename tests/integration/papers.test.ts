import { promises as fs } from 'fs';
import type ExcelJS from 'exceljs';
import * as path from 'path';
import { KONSTANZ, OBERTSHAUSEN } from '../../examples/data';
import { checkCoverage } from '../../src/domain/coverage';
import { D } from '../../src/domain/money';
import { readWorkbookModel } from '../../src/workbook/read';
import type { TemplateData } from '../../src/workbook/template';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';
import { runCli } from './support/cli';
import { loadExcel, makeTempDir, removeTempDir, writeWorkbook } from './support/workbooks';

/**
 * What the committee sees, for both seed cases: all sheets, the numbers of the engine, and a PDF of the
 * papers (LibreOffice headless, as `.ci/run` installs it) with one page per paper.
 */
const CASES: [string, TemplateData][] = [
  ['obertshausen', OBERTSHAUSEN],
  ['konstanz', KONSTANZ],
];
const PAPERS = ['Übersicht HFW', 'Szenarien', 'Stellenplan', 'Beschlussvorlage', 'Prüfung', 'Berechnung'];

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir('papiere-');
});
afterAll(() => removeTempDir(dir));

function column(ws: ExcelJS.Worksheet, header: string, headerRow: number): number {
  const i = (ws.getRow(headerRow).values as unknown[]).findIndex(
    (v) => typeof v === 'string' && v.startsWith(header),
  );
  if (i < 0) throw new Error(`${ws.name}: Spalte ${header} fehlt`);
  return i;
}

describe.each(CASES)('%s: report --pdf', (name, data) => {
  let wb: ExcelJS.Workbook;
  let pdf: Buffer;
  let input: string;

  beforeAll(async () => {
    input = await writeWorkbook(dir, `${name}.xlsx`, data);
    const out = path.join(dir, `${name}-bericht.xlsx`);
    const r = await runCli(['report', input, '-o', out, '--pdf']);
    if (r.code !== 0) throw new Error(`report --pdf: Exit ${r.code}\n${r.stderr}`);
    wb = await loadExcel(out);
    pdf = await fs.readFile(path.join(dir, `${name}-bericht.pdf`));
  }, 180_000);

  test('writes every committee sheet', () => {
    for (const sheet of PAPERS) expect(wb.getWorksheet(sheet)).toBeDefined();
  });

  test('the PDF holds the papers, one page each (Übersicht, Szenarien, Stellenplan, Vorlage, Prüfung)', () => {
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBe(5);
    // the balance chart on the Szenarien page
    expect(pdf.toString('latin1')).toMatch(/\/Subtype\s*\/Image/);
  });

  test('Szenarien: every scenario total equals the engine', async () => {
    const result = checkCoverage(
      (await readWorkbookModel(await XlsxWorkbook.open(await fs.readFile(input)))).model,
    );
    const ws = wb.getWorksheet('Szenarien')!;
    const yearCol = (y: number) => column(ws, String(y), 3);
    for (const s of result.scenarios) {
      let row = 0;
      ws.eachRow((r, n) => {
        if (r.getCell(1).value === s.name) row = n;
      });
      expect(row).toBeGreaterThan(0);
      result.years.forEach((y, i) => {
        expect(ws.getCell(row, yearCol(y)).value).toBe(Number(s.totals[i].cost.toFixed(2)));
        expect(ws.getCell(row + 2, yearCol(y)).value).toBe(Number(s.totals[i].balance.toFixed(2)));
      });
    }
  });

  test('Stellenplan: the total FTE of the plan year equals the positions active in it', () => {
    const ws = wb.getWorksheet('Stellenplan')!;
    const year = 2027;
    // independent of the engine: the example rows themselves
    const expected = (data.stellen ?? [])
      .filter(
        (s) =>
          (!s.Beginn || String(s.Beginn) <= `${year}-12-31`) &&
          (!s.Ende || String(s.Ende) >= `${year}-01-01`),
      )
      .reduce((n, s) => n.plus(String(s.Stellenanteil ?? 1)), new D(0));
    let total: unknown;
    ws.eachRow((r) => {
      if (r.getCell(1).value === 'Stellen insgesamt')
        total = r.getCell(column(ws, `Stellen ${year} (Plan)`, 3)).value;
    });
    expect(total).toBe(Number(expected.toFixed(3)));
  });
});

test('Konstanz: the transfers with an open date are listed apart in the Stellenplan, not dated', async () => {
  const wb = await loadExcel(path.join(dir, 'konstanz-bericht.xlsx'));
  const ws = wb.getWorksheet('Stellenplan')!;
  const texts: string[] = [];
  ws.eachRow((r) => texts.push(r.getCell(1).text));
  const start = texts.findIndex((t) => t.startsWith('Maßnahmen mit offenem Termin'));
  expect(start).toBeGreaterThan(0);
  expect(texts.slice(start + 1).filter((t) => /^K-0[2-6]$/.test(t))).toEqual([
    'K-02',
    'K-03',
    'K-04',
    'K-05',
    'K-06',
  ]);
});

test('vorlage writes the draft resolution as Markdown and leaves the workbook alone', async () => {
  const input = path.join(dir, 'obertshausen.xlsx');
  const before = await fs.readFile(input);
  const md = path.join(dir, 'vorlage.md');
  const r = await runCli(['vorlage', input, 'M-2027-01', '-o', md]);
  expect(r.code).toBe(0);
  const text = await fs.readFile(md, 'utf8');
  expect(text).toMatch(/^# Beschlussvorlage: Organisator\/in/);
  expect(text).toContain('## Deckungsvorschlag');
  expect((await fs.readFile(input)).equals(before)).toBe(true);
  expect((await runCli(['vorlage', input, 'M-9'])).code).toBe(2);
});

test('Konstanz: the protected school equipment line is shown untouched – and touched once a cover reaches for it', async () => {
  const shown = async (file: string) => {
    const wb = await loadExcel(file);
    let text = '';
    wb.getWorksheet('Übersicht HFW')!.eachRow((r) => {
      if (r.getCell(1).text === '2.1.40.4200') text = r.getCell(6).text;
    });
    return text;
  };
  expect(await shown(path.join(dir, 'konstanz-bericht.xlsx'))).toMatch(/^unberührt/);
  const reaching: TemplateData = {
    ...KONSTANZ,
    deckung: [
      ...(KONSTANZ.deckung ?? []),
      {
        'Maßnahme-Nr.': 'K-07',
        Quelle: 'Schul-IT-Budget',
        Art: 'Minderaufwand',
        Haushaltsstelle: '2.1.40.4200',
        Betrag: 10000,
      },
    ],
  };
  const input = await writeWorkbook(dir, 'konstanz-geschuetzt.xlsx', reaching);
  const out = path.join(dir, 'konstanz-geschuetzt-bericht.xlsx');
  expect((await runCli(['report', input, '-o', out])).code).toBe(0);
  expect(await shown(out)).toMatch(/^berührt von K-07 .*COVER_PROTECTED/);
});
