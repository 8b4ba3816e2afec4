import Decimal from 'decimal.js';
import type ExcelJS from 'exceljs';
import { OBERTSHAUSEN } from '../../examples/data';
import { D } from '../../src/domain/money';
import { checkJson, runCli } from './support/cli';
import { loadExcel, makeTempDir, removeTempDir, writeWorkbook } from './support/workbooks';

/**
 * Issue 12, item 2: `adopt` follows the vacancy dates the engine uses. A measure that gives up an occupied
 * position never ends it before it falls vacant: the kw note names the position's last day (read back, it
 * gives the engine's day again), the change is logged in Protokoll and undo restores the old note.
 *
 * Hand-checked (Obertshausen's first-version parameters): E5 Stufe 3 = 3.449,05 € a month,
 * × (12 + 0,85) × (1 + 21,15 % + 8 %) = 57.239,66 € in 2027, + 3 % a year.
 */
const round = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
const yearCost = (year: number) =>
  new D('3449.05')
    .times('12.85')
    .times('1.2915')
    .times(new D('1.03').pow(year - 2027));

/** Obertshausen and two occupied Bauhof positions the council cuts from 2027. */
const DATA = {
  ...OBERTSHAUSEN,
  stellen: [
    ...OBERTSHAUSEN.stellen!,
    // retires: Frei ab 01.07.2028
    {
      'Stellen-Nr.': '6.14',
      Dezernat: 'Erster Stadtrat',
      Organisationseinheit: 'FB6 Bauhof',
      Bezeichnung: 'Bauhof, Vorarbeiter/in',
      Dienstverhältnis: 'Beschäftigte',
      Entgeltgruppe: 'E5',
      Stufe: 3,
      Stellenanteil: 1,
      Besetzt: 'Ja',
      'Frei ab': '2028-07-01',
      Haushaltsstelle: '5.4.02.5011',
    },
    // already marked by the user: kw 31.03.2029
    {
      'Stellen-Nr.': '6.15',
      Dezernat: 'Erster Stadtrat',
      Organisationseinheit: 'FB6 Bauhof',
      Bezeichnung: 'Bauhof, Kraftfahrer/in',
      Dienstverhältnis: 'Beschäftigte',
      Entgeltgruppe: 'E5',
      Stufe: 3,
      Stellenanteil: 1,
      Besetzt: 'Ja',
      Vermerk: 'kw 31.03.2029',
      Haushaltsstelle: '5.4.02.5011',
    },
  ],
  massnahmen: [
    ...OBERTSHAUSEN.massnahmen!,
    ...['6.14', '6.15'].map((nr, i) => ({
      'Maßnahme-Nr.': `M-2027-0${8 + i}`,
      Bezeichnung: `Bauhof: Stelle ${nr} entfällt`,
      Art: 'Stelle streichen',
      'Stellen-Nr.': nr,
      Organisationseinheit: 'FB6 Bauhof',
      Beginn: '2027-01-01',
      Haushaltsstelle: '5.4.02.5011',
      Szenario: 'Basis',
    })),
  ],
  // the two drivers' own line, with room for both (so a cover from it is not capped)
  planansaetze: [
    ...OBERTSHAUSEN.planansaetze!,
    ...[2027, 2028, 2029, 2030, 2031].map((y) => ({
      Haushaltsstelle: '5.4.02.5011',
      Bezeichnung: 'FB6 Bauhof Fahrdienst – Personalaufwand',
      Jahr: y,
      Ansatz: 140000,
      Geschützt: 'Nein',
      Art: 'Personalaufwand',
    })),
  ],
};

let dir: string;
let input: string;

beforeAll(async () => {
  dir = await makeTempDir('adopt-frei-');
  input = await writeWorkbook(dir, 'bauhof.xlsx', DATA);
});
afterAll(() => removeTempDir(dir));

function cellOf(ws: ExcelJS.Worksheet, nr: string, header: string): ExcelJS.Cell {
  const col = (ws.getRow(1).values as unknown[]).indexOf(header);
  let found: ExcelJS.Cell | undefined;
  ws.eachRow((row) => {
    if (row.getCell(1).text === nr) found = row.getCell(col);
  });
  if (!found) throw new Error(`${ws.name}: keine Zeile ${nr}`);
  return found;
}

/** Protokoll rows (header → text) of the sheet's data rows. */
async function protokoll(file: string): Promise<Record<string, string>[]> {
  const ws = (await loadExcel(file)).getWorksheet('Protokoll')!;
  const header = ws.getRow(1).values as unknown[];
  const out: Record<string, string>[] = [];
  ws.eachRow((row, r) => {
    if (r === 1) return;
    const entry: Record<string, string> = {};
    for (let c = 1; c < header.length; c++) entry[String(header[c])] = row.getCell(c).text;
    out.push(entry);
  });
  return out;
}

test('the engine saves on 6.14 only from its Frei ab 01.07.2028 (hand-checked)', async () => {
  const { json } = await checkJson(input);
  const m = json.measures.find((x) => x.id === 'M-2027-08')!;
  expect(m.years.map((y) => y.cost)).toEqual([
    '0.00',
    // 2028: July to December, 6 of 12 months
    round(yearCost(2028).times(6).div(12)).neg().toFixed(2),
    round(yearCost(2029)).neg().toFixed(2),
    round(yearCost(2030)).neg().toFixed(2),
    round(yearCost(2031)).neg().toFixed(2),
  ]);
  expect(m.years[1].cost).toBe('-29478.42');
});

test('adopt marks 6.14 "kw 30.06.2028" (its last day, not 31.12.2026), logged; the engine reads the same day back', async () => {
  const before = await checkJson(input);
  const out = `${dir}/beschluss-6.14.xlsx`;
  const r = await runCli(['adopt', input, 'M-2027-08', '-o', out]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const stellen = (await loadExcel(out)).getWorksheet('Stellen')!;
  expect(cellOf(stellen, '6.14', 'Vermerk').value).toBe('kw 30.06.2028');
  // the position itself is not ended early: Ende stays empty, Frei ab as it was
  expect(cellOf(stellen, '6.14', 'Ende').value).toBeNull();
  expect((cellOf(stellen, '6.14', 'Frei ab').value as Date).toISOString().slice(0, 10)).toBe('2028-07-01');
  const logged = (await protokoll(out)).filter((p) => p['Spalte'] === 'Vermerk');
  expect(logged).toHaveLength(1);
  expect(logged[0]).toMatchObject({
    Blatt: 'Stellen',
    'Alter Wert': '',
    'Neuer Wert': 'kw 30.06.2028',
  });
  // read back, the saving is the same: the note gives 01.07.2028 again
  const after = await checkJson(out);
  expect(after.json.measures.find((x) => x.id === 'M-2027-08')!.years.map((y) => y.cost)).toEqual(
    before.json.measures.find((x) => x.id === 'M-2027-08')!.years.map((y) => y.cost),
  );

  const undone = `${dir}/zurueck-6.14.xlsx`;
  expect((await runCli(['undo', out, '-o', undone])).code).toBe(0);
  const back = (await loadExcel(undone)).getWorksheet('Stellen')!;
  expect(cellOf(back, '6.14', 'Vermerk').value).toBeNull();
});

test("a position with the user's own dated kw note keeps it: the engine's day comes from it", async () => {
  const out = `${dir}/beschluss-6.15.xlsx`;
  const r = await runCli(['adopt', input, 'M-2027-09', '-o', out]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const stellen = (await loadExcel(out)).getWorksheet('Stellen')!;
  expect(cellOf(stellen, '6.15', 'Vermerk').value).toBe('kw 31.03.2029');
  expect((await protokoll(out)).filter((p) => p['Spalte'] === 'Vermerk')).toEqual([]);
  // 2029: saved from 01.04.2029, 9 of 12 months
  const { json } = await checkJson(out);
  expect(json.measures.find((x) => x.id === 'M-2027-09')!.years[2].cost).toBe(
    round(yearCost(2029).times(9).div(12)).neg().toFixed(2),
  );
});

test('a cover row giving up an occupied position: the kw note is dated by its Frei ab, not by the cover start', async () => {
  const file = await writeWorkbook(dir, 'deckung.xlsx', {
    ...DATA,
    massnahmen: OBERTSHAUSEN.massnahmen,
    deckung: [
      ...OBERTSHAUSEN.deckung!,
      {
        'Maßnahme-Nr.': 'M-2027-01',
        Quelle: 'Bauhof: Vorarbeiterstelle entfällt nach Ruhestand',
        Art: 'Stellenwegfall',
        'Stellen-Nr.': '6.14',
        Beginn: '2027-01-01',
      },
    ],
  });
  const out = `${dir}/beschluss-deckung.xlsx`;
  const r = await runCli(['adopt', file, 'M-2027-01', '-o', out]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const stellen = (await loadExcel(out)).getWorksheet('Stellen')!;
  // before: "kw 01.01.2027" – the position ended a year and a half before its holder retires
  expect(cellOf(stellen, '6.14', 'Vermerk').value).toBe('kw 30.06.2028');
  // the unoccupied cover positions are gone from the measure's start, 01.01.2027
  expect(cellOf(stellen, '6.12', 'Vermerk').value).toBe('kw 31.12.2026');
});
