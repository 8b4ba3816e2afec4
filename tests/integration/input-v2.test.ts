import * as path from 'path';
import { checkJson } from './support/cli';
import { CLEAN, loadExcel, makeTempDir, removeTempDir, saveExcel, writeWorkbook } from './support/workbooks';

/**
 * Input that means something else (coverage rules v2): a bare year in a date column, a Szenario written in
 * lower case, a rule's Schweregrad, and the new columns Frei ab / Quote,
 * each read from a real .xlsx file through the command line.
 */
jest.setTimeout(120_000);

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir('eingaben-v2-');
});
afterAll(() => removeTempDir(dir));

/** Column letter of a header in row 1. */
function column(ws: import('exceljs').Worksheet, header: string): number {
  let found = 0;
  ws.getRow(1).eachCell((cell, col) => {
    if (typeof cell.value === 'string' && cell.value.trim() === header) found = col;
  });
  if (!found) throw new Error(`Spalte ${header} fehlt`);
  return found;
}

test('a bare year in a date column is an error at its cell, not July 1905', async () => {
  const file = await writeWorkbook(dir, 'jahr.xlsx', CLEAN);
  const wb = await loadExcel(file);
  const ws = wb.getWorksheet('Maßnahmen')!;
  const col = column(ws, 'Beginn');
  ws.getCell(2, col).value = 2027;
  await saveExcel(wb, file);
  const { code, json } = await checkJson(file);
  expect(code).toBe(1);
  const f = json.findings.find((x) => x.sheet === 'Maßnahmen' && x.message.includes('Jahreszahl'));
  expect(f).toMatchObject({
    code: 'INVALID_VALUE',
    severity: 'error',
    cell: `${String.fromCharCode(64 + col)}2`,
  });
  expect(f!.message).toContain('01.01.2027');
  // the measure is not "gedeckt" on a guessed date
  expect(json.measures[0].covered).toBe(false);
});

test('Szenario "basis" is Basis; Frei ab and Quote are read', async () => {
  const file = await writeWorkbook(dir, 'spalten.xlsx', {
    ...CLEAN,
    stellen: CLEAN.stellen!.map((s) =>
      s['Stellen-Nr.'] === '1.02' ? { ...s, Besetzt: 'Ja', 'Frei ab': '2028-01-01' } : s,
    ),
    massnahmen: CLEAN.massnahmen!.map((m) => ({ ...m, Szenario: ' basis ' })),
    deckung: [
      ...CLEAN.deckung!,
      { 'Maßnahme-Nr.': 'M-1', Quelle: 'Landesförderung Digitalisierung', Art: 'Förderung', Quote: 0.5 },
    ],
  });
  const { json } = await checkJson(file);
  expect(json.measures.map((m) => m.scenario)).toEqual(['Basis']);
  const m = json.measures[0];
  // 2027: 1.02 (E9b/3) is occupied until 31.12.2027 → nothing from it; Förderung 50 % of 69.761,34 € and
  // the Minderaufwand of 5.000 €: 34.880,67 + 5.000 = 39.880,67 €
  expect(m.years[0]).toMatchObject({ year: 2027, cost: '69761.34', cover: '39880.67', covered: false });
  // 2028: the whole position (71.854,18 €) + 35.927,09 € + 5.000 €
  expect(m.years[1]).toMatchObject({ year: 2028, cost: '71854.18', cover: '112781.27', covered: true });
});

test('a rule set to Warnung in Deckungsregeln (column Schweregrad) warns, and the cover counts', async () => {
  const file = await writeWorkbook(dir, 'schweregrad.xlsx', {
    ...CLEAN,
    deckung: [
      {
        'Maßnahme-Nr.': 'M-1',
        Quelle: 'Sanierung verschoben',
        Art: 'Minderaufwand',
        Haushaltsstelle: 'I1',
        Betrag: 80000,
      },
    ],
    planansaetze: [
      ...CLEAN.planansaetze!,
      ...[2027, 2028, 2029, 2030, 2031].map((y) => ({
        Haushaltsstelle: 'I1',
        Bezeichnung: 'Sanierung Turnhalle',
        Jahr: y,
        Ansatz: 500000,
        Geschützt: 'Nein',
        Art: 'Investition',
      })),
    ],
  });
  const before = await checkJson(file);
  const rule = (j: typeof before.json) => j.findings.filter((f) => f.code === 'COVER_INADMISSIBLE');
  expect(rule(before.json).map((f) => f.severity)).toEqual(['error']);
  expect(before.json.measures[0].years[0].cover).toBe('0.00');

  const wb = await loadExcel(file);
  const ws = wb.getWorksheet('Deckungsregeln')!;
  const col = column(ws, 'Schweregrad');
  ws.eachRow((row) => {
    if (row.getCell(1).value === 'investition-fuer-aufwand') row.getCell(col).value = 'Warnung';
  });
  await saveExcel(wb, path.join(dir, 'schweregrad.xlsx'));
  const after = await checkJson(file);
  expect(rule(after.json).map((f) => f.severity)).toEqual(['warning']);
  expect(after.json.measures[0].years[0]).toMatchObject({ cover: '80000.00', covered: true });
});

test('a formula without a stored result is a finding at its cell; a formula whose result is empty text is an empty cell', async () => {
  const file = await writeWorkbook(dir, 'formeln.xlsx', CLEAN);
  const wb = await loadExcel(file);
  const ws = wb.getWorksheet('Stellen')!;
  const share = column(ws, 'Stellenanteil');
  const title = column(ws, 'Bezeichnung');
  // as a program writes it: <c><f>1/2</f></c> – never calculated, no <v>
  ws.getCell(2, share).value = { formula: '1/2' };
  // as Excel writes =WENN(WAHR;"";""): <c t="str"><f>…</f><v></v></c>
  ws.getCell(3, title).value = { formula: 'IF(TRUE,"","")', result: '' };
  await saveExcel(wb, file);
  const { json } = await checkJson(file);
  const at = (col: number, row: number) => `${String.fromCharCode(64 + col)}${row}`;
  const uncached = json.findings.filter((f) => f.sheet === 'Stellen' && f.cell === at(share, 2));
  expect(uncached).toHaveLength(1);
  expect(uncached[0]).toMatchObject({ code: 'INVALID_VALUE', severity: 'error' });
  expect(uncached[0].message).toContain('Formel ohne berechneten Wert – Datei in Excel speichern');
  // never a default of 100 % in its place, and nothing at the empty-text formula
  expect(json.findings.filter((f) => f.sheet === 'Stellen' && f.cell === at(title, 3))).toEqual([]);
});
