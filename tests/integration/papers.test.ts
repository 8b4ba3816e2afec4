import { execFileSync } from 'child_process';
import { promises as fs } from 'fs';
import type ExcelJS from 'exceljs';
import * as path from 'path';
import { KONSTANZ, OBERTSHAUSEN } from '../../examples/data';
import { inputChecksum } from '../../src/domain/checksum';
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

// each case runs the command line (several seconds on a busy 2-core machine)
jest.setTimeout(60_000);

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

/** The PDF's text, one string per page (pdftotext keeps the layout; pages end with a form feed). */
function pdfPages(file: string): string[] {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    .split('\f')
    .filter((p) => p.trim() !== '');
}

describe.each(CASES)('%s: report --pdf', (name, data) => {
  let wb: ExcelJS.Workbook;
  let pdf: Buffer;
  let pages: string[];
  let input: string;
  let checksum: string;

  beforeAll(async () => {
    // a machine without a German locale: the papers must still print German amounts
    const saved = { LANG: process.env.LANG, LC_ALL: process.env.LC_ALL };
    process.env.LANG = 'C.UTF-8';
    process.env.LC_ALL = 'C.UTF-8';
    try {
      input = await writeWorkbook(dir, `${name}.xlsx`, data);
      const out = path.join(dir, `${name}-bericht.xlsx`);
      const r = await runCli(['report', input, '-o', out, '--pdf']);
      if (r.code !== 0) throw new Error(`report --pdf: Exit ${r.code}\n${r.stderr}`);
      wb = await loadExcel(out);
      pdf = await fs.readFile(path.join(dir, `${name}-bericht.pdf`));
      pages = pdfPages(path.join(dir, `${name}-bericht.pdf`));
      checksum = inputChecksum(
        (await readWorkbookModel(await XlsxWorkbook.open(await fs.readFile(input)))).model,
      );
    } finally {
      for (const [k, v] of Object.entries(saved))
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
    }
  }, 180_000);

  test('writes every committee sheet', () => {
    for (const sheet of PAPERS) expect(wb.getWorksheet(sheet)).toBeDefined();
  });

  test('the PDF holds every paper, each page with header (title, Stand) and footer (page x of y, checksum)', () => {
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const titles = ['Übersicht HFW', 'Szenarien', 'Stellenplan', 'Beschlussvorlage', 'Prüfung'];
    for (const title of titles) expect(pages.some((p) => p.split('\n')[0].includes(title))).toBe(true);
    pages.forEach((page, i) => {
      const first = page.split('\n').find((l) => l.trim() !== '')!;
      // "&" is written "&&" in the header code: the product name prints with its ampersand
      expect(first).toMatch(/^\s*Stellenplan & Deckung\s+\S.*Stand 24\.11\.2026\s*$/);
      expect(page).toContain(`Prüfsumme der Eingaben ${checksum}`);
      expect(page).toMatch(new RegExp(`Seite ${i + 1} von ${pages.length}\\s*$`));
    });
    // the balance chart on the Szenarien page; no paper names a software library
    expect(pdf.toString('latin1')).toMatch(/\/Subtype\s*\/Image/);
    expect(pages.join('\n')).not.toMatch(/ExcelJS|LibreOffice|resvg/i);
  });

  test('amounts and FTE print in German format under LANG=C.UTF-8', () => {
    const text = pages.join('\n');
    expect(text).not.toMatch(/\d,\d{3}\.\d{2} €/); // no "69,761.34 €"
    expect(text).toMatch(/\d\.\d{3},\d{2} €/);
    const stellenplan = pages.filter((p) => p.split('\n')[0].includes('Stellenplan')).join('\n');
    expect(stellenplan).toMatch(/ \d+,\d{3} /); // "12,500", never "12.500"
    expect(stellenplan).not.toMatch(/ \d+\.\d{3} /);
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

  test('Stellenplan: total FTE = positions active in the plan year − those given up as cover + new ones', () => {
    const ws = wb.getWorksheet('Stellenplan')!;
    const year = 2027;
    // independent of the engine: the example rows themselves
    type Row = Record<string, string | number | boolean | Date | null | undefined>;
    const text = (v: Row[string]) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? ''));
    const active = (s: Row) =>
      (!s.Beginn || text(s.Beginn) <= `${year}-12-31`) && (!s.Ende || text(s.Ende) >= `${year}-01-01`);
    const fte = (s: Row) => new D(text(s.Stellenanteil ?? 1));
    const basis = (data.massnahmen ?? []).filter((m) => !m.Szenario || m.Szenario === 'Basis');
    const basisNr = new Set(basis.map((m) => m['Maßnahme-Nr.']));
    const waived = new Set(
      (data.deckung ?? [])
        .filter((d) => basisNr.has(d['Maßnahme-Nr.']))
        .filter((d) => d.Art === 'Verzicht auf geplante Stelle' || d.Art === 'Stellenwegfall')
        .map((d) => d['Stellen-Nr.']),
    );
    const stellen = (data.stellen ?? []).filter(active);
    const plan = stellen.reduce((n, s) => n.plus(fte(s)), new D(0));
    const gone = stellen
      .filter((s) => waived.has(s['Stellen-Nr.']))
      .reduce((n, s) => n.plus(fte(s)), new D(0));
    const added = basis
      .filter((m) => m.Art === 'Neue Stelle' && active(m))
      .reduce((n, m) => n.plus(fte(m)), new D(0));
    let total: unknown;
    ws.eachRow((r) => {
      if (r.getCell(1).value === 'Stellen insgesamt (Teil A und B)')
        total = r.getCell(column(ws, `Zahl der Stellen ${year}`, 3)).value;
    });
    expect(total).toBe(Number(plan.minus(gone).plus(added).toFixed(3)));
    if (name === 'obertshausen') expect(total).toBe(12.5);
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
