import { promises as fs } from 'fs';
import * as path from 'path';
import type ExcelJS from 'exceljs';
import { checkCoverage } from '../../src/domain/coverage';
import type { CheckResult } from '../../src/domain/result';
import { readWorkbookModel } from '../../src/workbook/read';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';
import { checkJson, runCli, type CheckJson } from './support/cli';
import { errorCells, formulaCells, formulaOf, sameAmount, shownValue } from './support/cells';
import { STALE_RESULT, poisonCachedResults, recalculate, sofficePath } from './support/libreoffice';
import {
  ALL_KINDS,
  BESOLDUNG,
  EXAMPLES,
  loadExcel,
  makeTempDir,
  removeTempDir,
  writeMessyWorkbook,
  writeWorkbook,
} from './support/workbooks';

/**
 * DESIGN.md principle 4: the formulas `report` writes are recalculated by LibreOffice headless, and every
 * result must equal the engine to the cent. Cached results are poisoned before the conversion, so a value
 * read back can only come from LibreOffice's own calculation.
 */
jest.setTimeout(180_000);

interface Case {
  name: string;
  input: string;
  report: ExcelJS.Workbook;
  recalculated: ExcelJS.Workbook;
  json: CheckJson;
  engine: CheckResult;
}

const CASES = ['obertshausen.xlsx', 'konstanz.xlsx', 'alle-arten.xlsx', 'unordentlich.xlsx'];
const cases = new Map<string, Case>();
let dir: string | undefined;

beforeAll(async () => {
  sofficePath(); // fails the suite with a clear message when LibreOffice is missing
  dir = await makeTempDir('recalc');
  const inputs = path.join(dir, 'in');
  const reports = path.join(dir, 'reports');
  const poisoned = path.join(dir, 'poisoned');
  await Promise.all([inputs, reports, poisoned].map((d) => fs.mkdir(d)));
  const files = [
    ...(await Promise.all(EXAMPLES.map((e) => writeWorkbook(inputs, e.name, e.data)))),
    await writeWorkbook(inputs, 'alle-arten.xlsx', ALL_KINDS, { besoldung: BESOLDUNG }),
    await writeMessyWorkbook(inputs, 'unordentlich.xlsx'),
  ];
  const toConvert: string[] = [];
  for (const input of files) {
    const out = path.join(reports, path.basename(input));
    const r = await runCli(['report', input, '-o', out]);
    expect(r.code).toBe(0);
    const target = path.join(poisoned, path.basename(input));
    expect(await poisonCachedResults(out, target)).toBeGreaterThan(0);
    toConvert.push(target);
  }
  const converted = await recalculate(toConvert, path.join(dir, 'recalculated'));
  for (const [i, input] of files.entries()) {
    const workbook = await XlsxWorkbook.open(await fs.readFile(input));
    const read = await readWorkbookModel(workbook);
    cases.set(path.basename(input), {
      name: path.basename(input),
      input,
      report: await loadExcel(path.join(reports, path.basename(input))),
      recalculated: await loadExcel(converted[i]),
      json: (await checkJson(input)).json,
      engine: checkCoverage(read.model),
    });
  }
}, 240_000);

afterAll(() => (process.env.KEEP_TMP ? console.log(dir) : removeTempDir(dir)));

const get = (name: string): Case => {
  const c = cases.get(name);
  if (!c) throw new Error(`Fixture ${name} wurde nicht vorbereitet (siehe beforeAll).`);
  return c;
};

describe.each(CASES)('%s nach Neuberechnung durch LibreOffice', (name) => {
  test('every formula the report wrote gives the engine value (to the cent) in LibreOffice', () => {
    const c = get(name);
    const written = formulaCells(c.report);
    expect(written.length).toBeGreaterThan(20);
    const mismatches: string[] = [];
    for (const f of written) {
      const cell = c.recalculated.getWorksheet(f.sheet)?.getCell(f.address);
      const recalc = cell ? formulaOf(cell) : undefined;
      if (!recalc) {
        mismatches.push(`${f.sheet}!${f.address}: Formel nach der Neuberechnung verschwunden`);
        continue;
      }
      const got = cell ? shownValue(cell) : undefined;
      const want = f.result;
      const equal =
        typeof want === 'number'
          ? typeof got === 'number' && Math.abs(got - want) < 1e-6
          : got === want || (want === '' && got == null);
      if (got === STALE_RESULT || !equal)
        mismatches.push(
          `${f.sheet}!${f.address}: LibreOffice ${JSON.stringify(got)}, Engine ${JSON.stringify(want)} — =${f.formula}`,
        );
    }
    expect(mismatches).toEqual([]);
  });

  test('no error values (#NAME?, #VALUE!, #REF!, …) anywhere after recalculation', () => {
    expect(errorCells(get(name).recalculated)).toEqual([]);
  });

  test('Jahreskosten in Stellen is a formula per position and equals the engine', () => {
    const c = get(name);
    const ws = c.recalculated.getWorksheet('Stellen')!;
    const header = ws.getRow(1);
    let col = 0;
    header.eachCell((cell, n) => {
      if (cell.value === 'Jahreskosten') col = n;
    });
    expect(col).toBeGreaterThan(0);
    expect(c.engine.positions.length).toBeGreaterThan(0);
    const wrong: string[] = [];
    const unpriced = new Set(
      c.json.findings
        .filter((f) => f.code === 'PAYGRADE_UNKNOWN' && f.sheet === 'Stellen')
        .map((f) => f.cell!.replace(/^[A-Z]+/, '')),
    );
    for (const p of c.engine.positions) {
      const cell = ws.getCell(p.stelle.ref.row + 2, col);
      const f = formulaOf(cell);
      const want = p.years[0].amount.toFixed(2);
      // a position without a price (unknown grade, a finding of its own) stays blank, never "0,00 €"
      if (unpriced.has(String(cell.row))) {
        if (cell.value !== null) wrong.push(`${cell.address}: ${JSON.stringify(cell.value)} statt leer`);
      } else if (!f) wrong.push(`${cell.address}: keine Formel`);
      else if (!sameAmount(shownValue(cell), want))
        wrong.push(`${cell.address} (${p.stelle.nr}): ${String(shownValue(cell))} statt ${want}`);
    }
    expect(wrong).toEqual([]);
  });

  test('Übersicht HFW: the margin of every personnel budget line and year equals the engine', () => {
    const c = get(name);
    const ws = c.recalculated.getWorksheet('Übersicht HFW')!;
    const wrong: string[] = [];
    let lines = 0;
    for (let r = 1; r <= ws.rowCount; r++) {
      if (shownValue(ws.getCell(r, 5)) !== 'Spielraum') continue;
      const hst = String(shownValue(ws.getCell(r - 2, 1)));
      const line = c.engine.budget.find((b) => b.haushaltsstelle === hst);
      if (!line) {
        wrong.push(`Zeile ${r}: unbekannte Haushaltsstelle ${hst}`);
        continue;
      }
      lines++;
      line.years.forEach((y, i) => {
        const cell = ws.getCell(r, 6 + i);
        if (y.margin && !sameAmount(shownValue(cell), y.margin.toFixed(2)))
          wrong.push(
            `${hst} ${y.year} (${cell.address}): ${String(shownValue(cell))} statt ${y.margin.toFixed(2)}`,
          );
      });
    }
    expect(wrong).toEqual([]);
    expect(lines).toBe(c.engine.budget.length);
  });

  test('Übersicht HFW: cost, cover and balance per measure and year equal check --json; totals equal the engine', () => {
    const c = get(name);
    const ws = c.recalculated.getWorksheet('Übersicht HFW')!;
    const years = c.json.measures[0]?.years.map((y) => y.year) ?? [];
    expect(years.length).toBe(5);
    // the header row names the plan years from column F
    const headerRow = 3;
    years.forEach((y, i) =>
      expect(String(shownValue(ws.getCell(headerRow, 6 + i)) as string)).toBe(String(y)),
    );
    const byId = new Map(c.json.measures.map((m) => [m.id, m]));
    const seen = new Set<string>();
    const wrong: string[] = [];
    let scenario = '';
    const totals = new Map<string, number[]>();
    for (let r = headerRow + 1; r <= ws.rowCount; r++) {
      const a = shownValue(ws.getCell(r, 1));
      const e = shownValue(ws.getCell(r, 5));
      if (typeof a === 'string' && a.startsWith('Szenario: ')) scenario = a.slice('Szenario: '.length);
      if (e === 'Kosten') {
        const m = byId.get(String(a));
        if (!m) {
          wrong.push(`Zeile ${r}: unbekannte Maßnahme ${String(a)}`);
          continue;
        }
        seen.add(m.id);
        years.forEach((_, i) => {
          const rows: [number, 'cost' | 'cover' | 'balance'][] = [
            [r, 'cost'],
            [r + 1, 'cover'],
            [r + 2, 'balance'],
          ];
          for (const [row, key] of rows) {
            const cell = ws.getCell(row, 6 + i);
            if (!formulaOf(cell)) wrong.push(`${cell.address}: keine Formel`);
            if (!sameAmount(shownValue(cell), m.years[i][key]))
              wrong.push(
                `${scenario} ${m.id} ${key} ${years[i]} (${cell.address}): ${String(shownValue(cell))} statt ${m.years[i][key]}`,
              );
          }
        });
      }
      if (typeof a === 'string' && a.startsWith('Summe '))
        totals.set(
          a.slice('Summe '.length),
          years.map((_, i) => shownValue(ws.getCell(r, 6 + i)) as number),
        );
    }
    expect(wrong).toEqual([]);
    expect([...seen].sort()).toEqual(c.json.measures.map((m) => m.id).sort());
    expect([...totals.keys()]).toEqual(c.engine.scenarios.map((s) => s.name));
    const wrongTotals = c.engine.scenarios.flatMap((s) =>
      s.totals
        .map((t, i) => ({ t, got: totals.get(s.name)![i] }))
        .filter(({ t, got }) => !sameAmount(got, t.balance.toFixed(2)))
        .map(({ t, got }) => `Summe ${s.name} ${t.year}: ${String(got)} statt ${t.balance.toFixed(2)}`),
    );
    expect(wrongTotals).toEqual([]);
  });
});

test('the extra workbook really exercises every measure kind, every cover kind, Beamte and partial months', () => {
  const c = get('alle-arten.xlsx');
  const kinds = new Set(c.engine.model.massnahmen.map((m) => m.art));
  expect([...kinds].sort()).toEqual([
    'Höhergruppierung',
    'Neue Stelle',
    'Sachaufwand',
    'Stelle streichen',
    'Stellenanteil ändern',
    'Umsetzung',
  ]);
  expect(new Set(c.engine.model.deckung.map((d) => d.art)).size).toBe(5);
  expect(c.engine.model.parameter.gemeinkosten.toNumber()).toBe(0.2);
  expect(c.engine.model.parameter.sachkosten.toNumber()).toBe(9082);
  // the Beamte lines are priced from the Besoldungstabelle, not left at zero
  const beamte = c.engine.positions.filter((p) => p.stelle.dienstverhaeltnis === 'Beamte');
  expect(beamte.length).toBeGreaterThan(0);
  expect(beamte.every((p) => p.years.some((y) => y.amount.gt(0)))).toBe(true);
  const x01 = c.json.measures.find((m) => m.id === 'X-01')!;
  // 15.03.: 17/31 of March plus nine full months
  expect(Number(x01.years[0].cost)).toBeLessThan(Number(x01.years[1].cost) * (10 / 12));
  expect(c.json.measures.find((m) => m.id === 'X-06')!.years.every((y) => y.cost === '0.00')).toBe(true);
});
