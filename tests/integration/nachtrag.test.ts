import { promises as fs } from 'fs';
import type ExcelJS from 'exceljs';
import * as path from 'path';
import { OBERTSHAUSEN } from '../../examples/data';
import { runCli } from './support/cli';
import { loadExcel, makeTempDir, removeTempDir, writeWorkbook } from './support/workbooks';

/**
 * `stellenplan nachtrag`: after `adopt` of the Obertshausen motion, the Nachtragsstellenplan against the
 * adopted plan shows exactly what the adoption changed in Stellen – the new position 1.20 (E9b, +1,000)
 * and the kw notes on the two cover positions – each line naming M-2027-01, nothing else.
 */
let dir: string;
let adopted: string;
let current: string;

beforeAll(async () => {
  dir = await makeTempDir('nachtrag-');
  adopted = await writeWorkbook(dir, 'beschlossen.xlsx', OBERTSHAUSEN);
  current = path.join(dir, 'aktuell.xlsx');
  const r = await runCli(['adopt', adopted, 'M-2027-01', '-o', current]);
  if (r.code !== 0) throw new Error(r.stderr);
}, 60_000);
afterAll(() => removeTempDir(dir));

interface Line {
  gruppe: string;
  bisher: unknown;
  neu: unknown;
  veraenderung: unknown;
  vermerkeNeu: string;
  erlaeuterung: string;
}

function lines(ws: ExcelJS.Worksheet): Line[] {
  const out: Line[] = [];
  ws.eachRow((row, n) => {
    const first = row.getCell(1).text;
    if (n <= 3 || !/^[A-Z] ?\d/.test(first)) return;
    out.push({
      gruppe: first,
      bisher: row.getCell(2).value,
      neu: row.getCell(3).value,
      veraenderung: row.getCell(4).value,
      vermerkeNeu: row.getCell(6).text,
      erlaeuterung: row.getCell(7).text,
    });
  });
  return out;
}

test('after adopt: exactly the adopted change, each line with the measure that caused it', async () => {
  const out = path.join(dir, 'nachtrag.xlsx');
  const r = await runCli(['nachtrag', current, '--gegen', adopted, '-o', out]);
  expect(r.code).toBe(0);
  const ws = (await loadExcel(out)).getWorksheet('Nachtragsstellenplan')!;
  const changed = lines(ws);
  expect(changed.map((l) => [l.gruppe, l.bisher, l.neu, l.veraenderung])).toEqual([
    ['E10', 2, 2, 0], // 5.07: kw note (Verzicht as cover)
    ['E9b', 0, 1, 1], // 1.20: the new position
    ['E5', 3, 3, 0], // 6.12: kw note (not refilled)
  ]);
  for (const l of changed) expect(l.erlaeuterung).toContain('M-2027-01');
  expect(changed[1].erlaeuterung).toMatch(/^Stelle 1\.20 neu/);
  expect(changed[1].vermerkeNeu).toBe('1.20 kw 31.12.2028');
  expect(changed[0].erlaeuterung).toMatch(/^Stelle 5\.07 neuer Vermerk kw 31\.12\.2026 – M-2027-01/);
  let total: unknown[] = [];
  ws.eachRow((row) => {
    if (row.getCell(1).text === 'Stellen insgesamt (Teil A und B)')
      total = [2, 3, 4].map((c) => row.getCell(c).value);
  });
  expect(total).toEqual([12.5, 13.5, 1]);
  // the input files stay as they were
  expect((await fs.stat(current)).isFile()).toBe(true);
});

test('the adopted plan against itself: no changed line, the paper says so', async () => {
  const out = path.join(dir, 'nachtrag-leer.xlsx');
  expect((await runCli(['nachtrag', adopted, '--gegen', adopted, '-o', out])).code).toBe(0);
  const ws = (await loadExcel(out)).getWorksheet('Nachtragsstellenplan')!;
  expect(lines(ws)).toEqual([]);
  const texts: string[] = [];
  ws.eachRow((row) => texts.push(row.getCell(1).text));
  expect(texts).toContain('Keine Änderung gegenüber dem beschlossenen Stellenplan.');
});

test('without --gegen, or writing over an input: exit 2 with a German sentence, nothing written', async () => {
  const before = await fs.readFile(current);
  const missing = await runCli(['nachtrag', current]);
  expect(missing.code).toBe(2);
  // the strict parser names the missing option (src/cli/args.ts: --gegen is required)
  expect(missing.stderr).toMatch(
    /^Die Option „--gegen“ fehlt \(Aufruf: stellenplan nachtrag DATEI\.xlsx --gegen BESCHLOSSEN\.xlsx/,
  );
  const over = await runCli(['nachtrag', current, '--gegen', adopted, '-o', current]);
  expect(over.code).toBe(2);
  expect(over.stderr).toMatch(/nicht überschrieben/);
  const none = await runCli([
    'nachtrag',
    current,
    '--gegen',
    path.join(dir, 'fehlt.xlsx'),
    '-o',
    path.join(dir, 'x.xlsx'),
  ]);
  expect(none.code).toBe(2);
  expect(none.stderr).toMatch(/gibt es nicht/);
  expect((await fs.readFile(current)).equals(before)).toBe(true);
});
