import Decimal from 'decimal.js';
import type ExcelJS from 'exceljs';
import * as path from 'path';
import { OBERTSHAUSEN } from '../../examples/data';
import { D } from '../../src/domain/money';
import { checkJson, runCli } from './support/cli';
import { loadExcel, makeTempDir, removeTempDir, writeWorkbook } from './support/workbooks';

/**
 * `stellenplan adopt` takes the Obertshausen motion into the plan; `undo` takes it back. Every changed cell
 * is logged in Protokoll with its old value; undo restores exactly those values.
 */
const round = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
const FACTOR = new D('12.85').times('1.2915'); // (12 + 0,85) × (1 + 21,15 % + 8 %)
const cost = (monthly: string, year: number) =>
  round(new D(monthly).times(FACTOR).times(new D('1.03').pow(year - 2027)));

let dir: string;
let input: string;

beforeAll(async () => {
  dir = await makeTempDir('adopt-');
  input = await writeWorkbook(dir, 'obertshausen.xlsx', OBERTSHAUSEN);
});
afterAll(() => removeTempDir(dir));

/** All values of the user's tables, by sheet and address (Protokoll and generated sheets left out). */
function values(wb: ExcelJS.Workbook): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of ['Stellen', 'Maßnahmen', 'Deckung', 'Planansätze']) {
    wb.getWorksheet(name)!.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value;
        if (v === null || v === undefined || v === '') return;
        out.set(
          `${name}!${cell.address}`,
          v instanceof Date ? v.toISOString().slice(0, 10) : JSON.stringify(v),
        );
      }),
    );
  }
  return out;
}

function rowOf(ws: ExcelJS.Worksheet, firstColumnValue: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row) => {
    if (row.getCell(1).text === firstColumnValue) found = row;
  });
  if (!found) throw new Error(`${ws.name}: keine Zeile ${firstColumnValue}`);
  return found;
}

function ansatz(wb: ExcelJS.Workbook, hst: string, year: number): Decimal {
  const ws = wb.getWorksheet('Planansätze')!;
  let value: Decimal | undefined;
  ws.eachRow((row) => {
    if (row.getCell(1).text === hst && row.getCell(3).value === year)
      value = new D(row.getCell(4).value as number);
  });
  if (!value) throw new Error(`kein Ansatz ${hst} ${year}`);
  return value;
}

test('adopt writes the position, kw notes, Planansätze and status, and logs every cell', async () => {
  const out = path.join(dir, 'beschlossen.xlsx');
  const r = await runCli(['adopt', input, 'M-2027-01', '-o', out]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('M-2027-01 übernommen');
  const before = await loadExcel(input);
  const after = await loadExcel(out);

  // the new fixed-term position, with its kw note and end date
  const stellen = after.getWorksheet('Stellen')!;
  const neu = rowOf(stellen, '1.20');
  const header = (name: string) => (stellen.getRow(1).values as unknown[]).indexOf(name);
  expect(neu.getCell(header('Entgeltgruppe')).value).toBe('E9b');
  expect(neu.getCell(header('Stufe')).value).toBe(3);
  expect(neu.getCell(header('Vermerk')).value).toBe('kw 31.12.2028');
  expect((neu.getCell(header('Ende')).value as Date).toISOString().slice(0, 10)).toBe('2028-12-31');
  expect(neu.getCell(header('Haushaltsstelle')).value).toBe('1.1.01.5011');
  // the positions given up as cover (both unoccupied) are gone from the start of the measure, 01.01.2027:
  // their kw note names the last day, as "kw 31.12.2028" of the new fixed-term position (read back: free
  // from 01.01.2027, the day the engine releases their money)
  expect(rowOf(stellen, '5.07').getCell(header('Vermerk')).value).toBe('kw 31.12.2026');
  expect(rowOf(stellen, '6.12').getCell(header('Vermerk')).value).toBe('kw 31.12.2026');

  // target line raised by the computed cost, source lines lowered by what they release
  const e9b3 = (y: number) => cost('4203.56', y); // new position E9b/3
  const e10s1 = (y: number) => cost('4124.53', y); // 5.07 Supervision E10/1
  const e5s3 = (y: number) => cost('3449.05', y); // 6.12 Bauhof E5/3
  for (const y of [2027, 2028]) {
    expect(
      ansatz(after, '1.1.01.5011', y)
        .minus(ansatz(before, '1.1.01.5011', y))
        .toFixed(2),
    ).toBe(e9b3(y).toFixed(2));
    expect(
      ansatz(after, '3.6.01.5011', y)
        .minus(ansatz(before, '3.6.01.5011', y))
        .toFixed(2),
    ).toBe(e10s1(y).neg().toFixed(2));
    expect(
      ansatz(after, '5.4.01.5011', y)
        .minus(ansatz(before, '5.4.01.5011', y))
        .toFixed(2),
    ).toBe(e5s3(y).neg().toFixed(2));
  }
  expect(ansatz(after, '1.1.01.5011', 2029).eq(ansatz(before, '1.1.01.5011', 2029))).toBe(true);
  const massnahmen = after.getWorksheet('Maßnahmen')!;
  const statusCol = (massnahmen.getRow(1).values as unknown[]).indexOf('Status');
  expect(rowOf(massnahmen, 'M-2027-01').getCell(statusCol).value).toBe('beschlossen');

  // Protokoll: one row per changed cell, with old and new value
  const changed = [...values(after)].filter(([k, v]) => values(before).get(k) !== v);
  const protokoll = after.getWorksheet('Protokoll')!;
  expect(protokoll.rowCount - 1).toBe(changed.length);
  expect(protokoll.getCell('B2').value).toBe('Beschluss M-2027-01');

  // the check sees the measure as realised: still covered, no duplicate, no budget shortfall
  const { json } = await checkJson(out);
  expect(json.findings.filter((f) => f.severity === 'error')).toEqual([]);
  expect(json.measures.find((m) => m.id === 'M-2027-01')!.covered).toBe(true);
});

test('adopting twice is refused (exit 3) with a clear message, and the file is not written', async () => {
  const once = path.join(dir, 'einmal.xlsx');
  await runCli(['adopt', input, 'M-2027-01', '-o', once]);
  const twice = path.join(dir, 'zweimal.xlsx');
  const r = await runCli(['adopt', once, 'M-2027-01', '-o', twice]);
  expect(r.code).toBe(3);
  expect(r.stderr).toContain('bereits beschlossen');
  await expect(loadExcel(twice)).rejects.toThrow();
});

test('undo restores exactly the old values and logs the take-back; the measure can be adopted again', async () => {
  const adopted = path.join(dir, 'a.xlsx');
  const undone = path.join(dir, 'u.xlsx');
  await runCli(['adopt', input, 'M-2027-01', '-o', adopted]);
  const r = await runCli(['undo', adopted, '-o', undone]);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('zurückgenommen');
  const original = values(await loadExcel(input));
  const restored = values(await loadExcel(undone));
  expect([...restored].sort()).toEqual([...original].sort());
  const protokoll = (await loadExcel(undone)).getWorksheet('Protokoll')!;
  const actions = new Set<string>();
  protokoll.eachRow((row, n) => n > 1 && actions.add(row.getCell(2).text));
  expect([...actions]).toEqual(['Beschluss M-2027-01', 'Rücknahme Beschluss M-2027-01']);
  // nothing left to undo: refused, exit 3
  expect((await runCli(['undo', undone, '-o', path.join(dir, 'u2.xlsx')])).code).toBe(3);
  // and the measure can be adopted again
  expect((await runCli(['adopt', undone, 'M-2027-01', '-o', path.join(dir, 'a2.xlsx')])).code).toBe(0);
});

test('--betrag planansatz raises the target line by the stated 70.000 € a year', async () => {
  const out = path.join(dir, 'planansatz.xlsx');
  expect((await runCli(['adopt', input, 'M-2027-01', '--betrag', 'planansatz', '-o', out])).code).toBe(0);
  const before = await loadExcel(input);
  const after = await loadExcel(out);
  for (const y of [2027, 2028])
    expect(
      ansatz(after, '1.1.01.5011', y)
        .minus(ansatz(before, '1.1.01.5011', y))
        .toFixed(2),
    ).toBe('70000.00');
});

test('an unknown measure is refused (exit 2, one sentence)', async () => {
  const r = await runCli(['adopt', input, 'M-9', '-o', path.join(dir, 'x.xlsx')]);
  expect(r.code).toBe(2);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toContain('M-9');
});
