import type ExcelJS from 'exceljs';
import { existsSync } from 'fs';
import * as path from 'path';
import { OBERTSHAUSEN } from '../../examples/data';
import { runCli } from './support/cli';
import { loadExcel, makeTempDir, removeTempDir, saveExcel, writeWorkbook } from './support/workbooks';

/**
 * Undo knows its rows: Protokoll logs each change by identity (table, key of the row, column) with the exact
 * old and new value. Undo finds the row wherever it has moved, refuses (exit 3) when a logged cell was edited
 * since, naming every such cell, and says in one sentence which Protokoll cell is broken.
 */
jest.setTimeout(120_000);

let dir: string;
let input: string;
let adopted: string;

beforeAll(async () => {
  dir = await makeTempDir('undo-');
  input = await writeWorkbook(dir, 'plan.xlsx', OBERTSHAUSEN);
  adopted = path.join(dir, 'beschluss.xlsx');
  expect((await runCli(['adopt', input, 'M-2027-01', '-o', adopted])).code).toBe(0);
});
afterAll(() => removeTempDir(dir));

/** Rows of a sheet by the text of their first cell (Stellen-Nr., Haushaltsstelle + Jahr …). */
function rowsByKey(ws: ExcelJS.Worksheet, keyColumns = 1): Map<string, string[]> {
  const out = new Map<string, string[]>();
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const cells: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const v = row.getCell(c).value;
      cells.push(
        v instanceof Date
          ? v.toISOString().slice(0, 10)
          : v === null || v === undefined
            ? ''
            : JSON.stringify(v),
      );
    }
    const key = cells.slice(0, keyColumns).join('|');
    if (cells.some((c) => c !== '')) out.set(key, cells);
  });
  return out;
}

/** The Protokoll as header → value rows. */
function protokoll(wb: ExcelJS.Workbook): Record<string, string>[] {
  const ws = wb.getWorksheet('Protokoll')!;
  const headers = (ws.getRow(1).values as unknown[]).map((v) => (typeof v === 'string' ? v : ''));
  const out: Record<string, string>[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const r: Record<string, string> = { row: String(n) };
    headers.forEach((h, c) => h && (r[h] = row.getCell(c).text));
    out.push(r);
  });
  return out;
}

test('Protokoll logs table, key, column header and the exact old and new value', async () => {
  const log = protokoll(await loadExcel(adopted));
  const vermerk = log.find((r) => r.Spalte === 'Vermerk' && r.Tabelle === 'Stellen')!;
  const key = JSON.parse(vermerk['Schlüssel']) as Record<string, unknown>;
  expect(Object.keys(key)).toEqual(['Stellen-Nr.']);
  expect(typeof key['Stellen-Nr.']).toBe('string');
  expect(vermerk['Neuer Wert (exakt)']).toMatch(/^"kw/);
  const ansatz = log.find((r) => r.Tabelle === 'Planansaetze' && r.Spalte === 'Ansatz')!;
  expect(Object.keys(JSON.parse(ansatz['Schlüssel']) as object)).toEqual(['Haushaltsstelle', 'Jahr']);
});

test('after the user inserts a row in Stellen, undo restores the right positions and keeps the new one', async () => {
  const wb = await loadExcel(adopted);
  const stellen = wb.getWorksheet('Stellen')!;
  stellen.spliceRows(2, 0, [
    '0.01',
    'Bürgermeister',
    'FB1 Zentrale Dienste',
    'Praktikum',
    'Beschäftigte',
    'E5',
    1,
    0.5,
    'Ja',
  ]);
  const moved = await saveExcel(wb, path.join(dir, 'eingefuegt.xlsx'));
  const out = path.join(dir, 'zurueck.xlsx');
  const r = await runCli(['undo', moved, '-o', out]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const before = rowsByKey((await loadExcel(input)).getWorksheet('Stellen')!);
  const after = rowsByKey((await loadExcel(out)).getWorksheet('Stellen')!);
  // every original position exactly as before the adoption (kw notes taken back on the right rows) …
  for (const [key, cells] of before) expect([key, after.get(key)]).toEqual([key, cells]);
  // … the user's inserted position untouched, the adopted one gone
  expect(after.get('"0.01"')?.[3]).toBe('"Praktikum"');
  expect(after.has('"1.20"')).toBe(false);
  expect(after.size).toBe(before.size + 1);
});

test('a logged cell edited since the adoption: undo refuses with exit 3 naming the cell; --force undoes anyway', async () => {
  const wb = await loadExcel(adopted);
  const log = protokoll(wb);
  const vermerk = log.find((r) => r.Spalte === 'Vermerk' && r.Tabelle === 'Stellen')!;
  const nr = (JSON.parse(vermerk['Schlüssel']) as Record<string, string>)['Stellen-Nr.'];
  const stellen = wb.getWorksheet('Stellen')!;
  const vermerkCol = (stellen.getRow(1).values as unknown[]).indexOf('Vermerk');
  let address = '';
  stellen.eachRow((row) => {
    if (row.getCell(1).text === nr) {
      row.getCell(vermerkCol).value = 'ku';
      address = row.getCell(vermerkCol).address;
    }
  });
  const edited = await saveExcel(wb, path.join(dir, 'bearbeitet.xlsx'));
  const out = path.join(dir, 'verweigert.xlsx');
  const r = await runCli(['undo', edited, '-o', out]);
  expect(r.code).toBe(3);
  expect(r.stdout).toBe('');
  expect(r.stderr).toBe(
    `Die Rücknahme von „Beschluss M-2027-01“ wird verweigert: seit dem Beschluss geändert wurde Stellen!${address} (Vermerk: jetzt „ku“, übernommen „${vermerk['Neuer Wert']}“) – nichts wurde geschrieben (mit --force wird trotzdem zurückgenommen, die späteren Änderungen gehen dann verloren).\n`,
  );
  expect(existsSync(out)).toBe(false);

  const forced = path.join(dir, 'erzwungen.xlsx');
  expect((await runCli(['undo', edited, '-o', forced, '--force'])).code).toBe(0);
  const back = rowsByKey((await loadExcel(forced)).getWorksheet('Stellen')!);
  const original = rowsByKey((await loadExcel(input)).getWorksheet('Stellen')!);
  expect(back.get(JSON.stringify(nr))).toEqual(original.get(JSON.stringify(nr)));
});

test('two edited cells are both named', async () => {
  const wb = await loadExcel(adopted);
  const plan = wb.getWorksheet('Planansätze')!;
  const log = protokoll(wb).filter((r) => r.Tabelle === 'Planansaetze' && r.Spalte === 'Ansatz');
  const names: string[] = [];
  for (const entry of log.slice(0, 2)) {
    const key = JSON.parse(entry['Schlüssel']) as { Haushaltsstelle: string; Jahr: number };
    plan.eachRow((row) => {
      if (row.getCell(1).text === key.Haushaltsstelle && row.getCell(3).value === key.Jahr) {
        row.getCell(4).value = 1;
        names.push(`Planansätze!${row.getCell(4).address}`);
      }
    });
  }
  const edited = await saveExcel(wb, path.join(dir, 'zwei.xlsx'));
  const r = await runCli(['undo', edited, '-o', path.join(dir, 'zwei-out.xlsx')]);
  expect(r.code).toBe(3);
  expect(names).toHaveLength(2);
  for (const n of names) expect(r.stderr).toContain(`${n} (Ansatz: jetzt „1“`);
  expect(r.stderr).toContain('geändert wurden');
});

test('a Protokoll row edited into nonsense is one German sentence naming the Protokoll cell', async () => {
  const wb = await loadExcel(adopted);
  const ws = wb.getWorksheet('Protokoll')!;
  const headers = (ws.getRow(1).values as unknown[]).map((v) => (typeof v === 'string' ? v : ''));
  const exact = headers.indexOf('Alter Wert (exakt)');
  ws.getCell(3, exact).value = '{kaputt';
  const broken = await saveExcel(wb, path.join(dir, 'kaputt.xlsx'));
  const r = await runCli(['undo', broken, '-o', path.join(dir, 'kaputt-out.xlsx')]);
  expect(r.code).toBe(2);
  expect(r.stderr).toBe(
    `Das Protokoll ist in Zelle Protokoll!${ws.getCell(3, exact).address} beschädigt: „{kaputt“ ist kein gültiger Wert – die Rücknahme ist so nicht möglich, bitte die Zeile prüfen.\n`,
  );
});

test('an older Protokoll row (address only) beyond Excel limits is named the same way', async () => {
  const wb = await loadExcel(adopted);
  const ws = wb.getWorksheet('Protokoll')!;
  const headers = (ws.getRow(1).values as unknown[]).map((v) => (typeof v === 'string' ? v : ''));
  // an older row: no identity, only the address – edited to a cell Excel cannot have
  ws.getCell(2, headers.indexOf('Tabelle')).value = null;
  ws.getCell(2, headers.indexOf('Schlüssel')).value = null;
  ws.getCell(2, headers.indexOf('Zelle')).value = 'XFE1';
  const broken = await saveExcel(wb, path.join(dir, 'adresse.xlsx'));
  const r = await runCli(['undo', broken, '-o', path.join(dir, 'adresse-out.xlsx')]);
  expect(r.code).toBe(2);
  expect(r.stderr).toBe(
    `Das Protokoll ist in Zelle Protokoll!${ws.getCell(2, headers.indexOf('Zelle')).address} beschädigt: „XFE1“ ist keine Zelladresse in Excels Grenzen (A1 bis XFD1048576) – die Rücknahme ist so nicht möglich, bitte die Zeile prüfen.\n`,
  );
});
