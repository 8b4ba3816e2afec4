/**
 * Property-based fuzzing of the whole path workbook → findings (issue 7). Random and hostile workbooks are
 * built with ExcelJS in memory (wrong types, huge numbers, negative shares, dates in 1900 and 9999, empty
 * rows, merged cells, formulas, error values, rich text, no-break spaces, German and English number text,
 * duplicate headers, shuffled columns) and run through open → read → check → report.
 *
 * This is the CI share: a fixed seed and few runs. The nightly run is `node scripts/run-ts.js
 * scripts/fuzz.ts --runs 10000` (prints the case counts and any failure with its seed).
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { checkCoverage } from '../../src/domain/coverage';
import { isoToSerial, serialToIso } from '../../src/workbook/cells';
import { combineFindings, readWorkbookModel } from '../../src/workbook/read';
import { buildReport } from '../../src/workbook/report';
import type { TemplateData } from '../../src/workbook/template';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';
import { adapterProperty, cellProperty, orderProperty } from '../support/fuzz-workbook';
import { CLEAN, buildWorkbook } from './support/workbooks';

export const CI_SEED = 20261124;
export const CI_RUNS = { cells: 120, order: 40, adapter: 40 };

jest.setTimeout(120_000);

test(`${CI_RUNS.cells} random workbooks: never a crash, every unusable cell named, usable cells never`, async () => {
  await fc.assert(cellProperty({ report: true }), { seed: CI_SEED, numRuns: CI_RUNS.cells });
});

test(`${CI_RUNS.order} workbooks with shuffled columns: the same findings and amounts`, async () => {
  await fc.assert(orderProperty(), { seed: CI_SEED + 1, numRuns: CI_RUNS.order });
});

test(`${CI_RUNS.adapter} workbooks through the Office.js adapter (strict fake): the same findings and amounts as from the file`, async () => {
  await fc.assert(adapterProperty(), { seed: CI_SEED + 2, numRuns: CI_RUNS.adapter });
});

/**
 * The bugs the fuzzer found, each pinned by one small workbook (before → after in the commit messages and
 * the final report of issue 7).
 */
describe('bugs the fuzzer found', () => {
  /** The clean template workbook, changed with ExcelJS as a user would, read by the product. */
  async function readEdited(edit: (wb: ExcelJS.Workbook) => void, data: TemplateData = CLEAN) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildWorkbook(data)).slice().buffer);
    edit(wb);
    const xlsx = await XlsxWorkbook.open(new Uint8Array(await wb.xlsx.writeBuffer()));
    const read = await readWorkbookModel(xlsx);
    const findings = combineFindings(read, checkCoverage(read.model).findings).map((f) => ({
      ...f,
      at: (({ sheet, cell }) => `${sheet}!${cell}`)(read.locate(f.ref) ?? { sheet: '', cell: '' }),
    }));
    return { read, findings, xlsx };
  }
  const at = (findings: { at: string; code: string }[], cell: string) =>
    findings.filter((f) => f.at === cell).map((f) => f.code);

  test('a second column with the same header: reported at its header, the leftmost is read, also for aliases', async () => {
    // before: no finding, and "Stufe" (exact header) won over an alias further left
    const { read, findings } = await readEdited((wb) => {
      const ws = wb.getWorksheet('Stellen')!;
      ws.getCell('G1').value = 'Erfahrungsstufe';
      ws.getCell('N1').value = 'Stufe';
      ws.getCell('N2').value = 1;
    });
    expect(at(findings, 'Stellen!N1')).toEqual(['INVALID_VALUE']);
    expect(findings.find((f) => f.at === 'Stellen!N1')!.severity).toBe('error');
    expect(read.model.stellen[0].stufe).toBe(4); // G2, not N2
  });

  test('merged cells: the other cells of the range are empty, as in Excel (before: the first value repeated)', async () => {
    const { findings } = await readEdited((wb) => wb.getWorksheet('Stellen')!.mergeCells('A2:A3'));
    expect(at(findings, 'Stellen!A3')).toEqual(['INVALID_VALUE']); // Stellen-Nr. missing, not DUPLICATE_ID
    expect(findings.filter((f) => f.code === 'DUPLICATE_ID')).toEqual([]);
  });

  test('Excel serial dates: 1 is 01.01.1900, 60 the 29.02.1900 that never was, a time of day stays on its day', async () => {
    // before: 1 → „1899-12-31 ist kein gültiges Datum“, 60 → 28.02.1900, 46388,75 → 02.01.2027
    const { read, findings } = await readEdited((wb) => {
      const ws = wb.getWorksheet('Stellen')!;
      ws.getCell('K2').value = 1;
      ws.getCell('K3').value = 60;
      ws.getCell('K4').value = 46388.75;
    });
    expect(read.model.stellen.map((s) => s.beginn)).toEqual(['1900-01-01', undefined, '2027-01-01']);
    expect(at(findings, 'Stellen!K2')).toEqual([]);
    expect(at(findings, 'Stellen!K3')).toEqual(['INVALID_VALUE']);
    expect(isoToSerial('1900-01-01')).toBe(1);
    expect(isoToSerial('1900-03-01')).toBe(61);
    expect(serialToIso(61)).toBe('1900-03-01');
  });

  test('Parameter: a typo, an error value and a name given twice are findings (before: silently ignored)', async () => {
    const { read, findings } = await readEdited((wb) => {
      const ws = wb.getWorksheet('Parameter')!;
      const last = ws.rowCount;
      ws.getCell(last + 1, 1).value = 'Tarifsteigerung'; // without "p.a."
      ws.getCell(last + 1, 2).value = 0.05;
      ws.getCell(last + 2, 1).value = { error: '#N/A' };
      ws.getCell(last + 2, 2).value = 0.1;
      ws.getCell(last + 3, 1).value = 'Gemeinkostenzuschlag';
      ws.getCell(last + 3, 2).value = 0.2;
      // a pay table below the parameters ends them (its rows are no parameters)
      ws.getCell(last + 5, 1).value = 'Entgeltgruppe';
      ws.getCell(last + 6, 1).value = 'E 5';
      ws.getCell(last + 6, 2).value = 3000;
    });
    const last = read.tables.get('Parameter')!.origin.row + read.tables.get('Parameter')!.rows.length;
    const typo = findings.find(
      (f) => f.code === 'INVALID_VALUE' && /Tarifsteigerung“ ist kein bekannter/.test(f.message),
    )!;
    expect(typo.severity).toBe('warning');
    expect(
      findings.some((f) => /enthält den Fehlerwert #NV/.test(f.message) && f.at.startsWith('Parameter!A')),
    ).toBe(true);
    const dup = findings.find((f) => f.code === 'DUPLICATE_ID' && f.at.startsWith('Parameter!'))!;
    expect(dup.message).toMatch(/„Gemeinkostenzuschlag“ steht mehrfach im Blatt; es gilt der Wert in B\d+/);
    expect(read.model.parameter.gemeinkosten.toString()).toBe('0.2');
    expect(findings.filter((f) => /„E 5“/.test(f.message))).toEqual([]);
    expect(last).toBeGreaterThan(10);
  });

  test('a row holding only a leftover Jahreskosten is empty (before: three „Pflichtangabe fehlt“)', async () => {
    const { findings } = await readEdited((wb) => {
      const ws = wb.getWorksheet('Stellen')!;
      ws.getCell('N1').value = 'Jahreskosten';
      ws.getCell('N8').value = { formula: 'NA()', result: { error: '#N/A' } };
    });
    expect(findings.filter((f) => f.at.startsWith('Stellen!') && /Stellen![A-M]8/.test(f.at))).toEqual([]);
  });

  test('a report without the optional Planansätze sheet (before: „Die Tabelle „Planansätze“ fehlt.“, exit 2)', async () => {
    const { read, xlsx } = await readEdited((wb) => wb.removeWorksheet(wb.getWorksheet('Planansätze')!.id));
    await xlsx.write(buildReport(read, checkCoverage(read.model), { stand: '2026-11-24' }));
    expect((await xlsx.toBuffer()).length).toBeGreaterThan(0);
  });

  test('a 5.000-character value is quoted shortened in its message, a 40.000-character text cut to Excel’s 32.767', async () => {
    const long = 'x'.repeat(5000);
    const { read, findings, xlsx } = await readEdited((wb) => {
      const ws = wb.getWorksheet('Stellen')!;
      ws.getCell('G2').value = long;
      wb.getWorksheet('Maßnahmen')!.getCell('O2').value = 'Auflage '.repeat(5000);
    });
    const f = findings.find((x) => x.at === 'Stellen!G2')!;
    expect(f.message.length).toBeLessThan(200);
    expect(f.message).toMatch(/„x{77}…“ ist keine Zahl/);
    await xlsx.write(buildReport(read, checkCoverage(read.model), { stand: '2026-11-24' }));
    let longest = 0;
    // read back from the written file: generated sheets are rendered into the package, not the ExcelJS model
    const written = new ExcelJS.Workbook();
    await written.xlsx.load((await xlsx.toBuffer()) as unknown as ArrayBuffer);
    written
      .getWorksheet('Übersicht HFW')!
      .eachRow((row) =>
        row.eachCell((c) => (longest = Math.max(longest, typeof c.value === 'string' ? c.value.length : 0))),
      );
    expect(longest).toBe(32767);
  });
});
