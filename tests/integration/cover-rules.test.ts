import * as path from 'path';
import type { TemplateData } from '../../src/workbook/template';
import { checkJson } from './support/cli';
import { loadExcel, makeTempDir, removeTempDir, saveExcel, writeWorkbook } from './support/workbooks';

/**
 * The admissibility rules are data the town can adapt in its workbook (sheet Deckungsregeln, written by
 * `init` with every rule and its source): switching a rule off, or naming its own keywords.
 */
const DATA: TemplateData = {
  stellen: [{ 'Stellen-Nr.': '1', Entgeltgruppe: 'E9b', Stufe: 3, Besetzt: 'Ja', Haushaltsstelle: 'P1' }],
  massnahmen: [
    {
      'Maßnahme-Nr.': 'M1',
      Art: 'Neue Stelle',
      'Stellen-Nr.': 'N1',
      Entgeltgruppe: 'E9b',
      Stufe: 3,
      Beginn: '2027-01-01',
    },
  ],
  deckung: [
    {
      'Maßnahme-Nr.': 'M1',
      Quelle: 'Sanierung verschoben',
      Art: 'Minderaufwand',
      Haushaltsstelle: 'I1',
      Betrag: 50000,
    },
    {
      'Maßnahme-Nr.': 'M1',
      Quelle: 'Mehr Hundesteuer',
      Art: 'Mehrertrag',
      Haushaltsstelle: 'E1',
      Betrag: 40000,
    },
  ],
  planansaetze: [2027, 2028, 2029, 2030, 2031].flatMap((y) => [
    {
      Haushaltsstelle: 'I1',
      Bezeichnung: 'Sanierung Turnhalle',
      Jahr: y,
      Ansatz: 500000,
      Geschützt: 'Nein',
      Art: 'Investition',
    },
    {
      Haushaltsstelle: 'E1',
      Bezeichnung: 'Hundesteuer',
      Jahr: y,
      Ansatz: 90000,
      Geschützt: 'Nein',
      Art: 'Ertrag',
    },
  ]),
};

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir('regeln-');
});
afterAll(() => removeTempDir(dir));

const inadmissible = async (file: string) =>
  (await checkJson(file)).json.findings.filter((f) => f.code === 'COVER_INADMISSIBLE').map((f) => f.cell);

test('by default both rules apply: investment line and tax revenue are no cover', async () => {
  const file = await writeWorkbook(dir, 'standard.xlsx', DATA);
  expect(await inadmissible(file)).toEqual(['E2', 'E3']);
});

test('a rule switched off in Deckungsregeln no longer applies; own keywords replace the defaults', async () => {
  const file = await writeWorkbook(dir, 'angepasst.xlsx', DATA);
  const wb = await loadExcel(file);
  const ws = wb.getWorksheet('Deckungsregeln')!;
  ws.eachRow((row) => {
    if (row.getCell(1).value === 'investition-fuer-aufwand') row.getCell(2).value = 'Nein';
    if (row.getCell(1).value === 'allgemeine-deckungsmittel')
      row.getCell(3).value = 'Gewerbesteuer, Schlüsselzuweisung';
  });
  await saveExcel(wb, path.join(dir, 'angepasst.xlsx'));
  expect(await inadmissible(file)).toEqual([]);
});

test('an unknown rule id is an INVALID_VALUE finding at its cell', async () => {
  const file = await writeWorkbook(dir, 'unbekannt.xlsx', DATA);
  const wb = await loadExcel(file);
  wb.getWorksheet('Deckungsregeln')!.getCell('A2').value = 'gibt-es-nicht';
  await saveExcel(wb, file);
  const { json } = await checkJson(file);
  const f = json.findings.find((x) => x.code === 'INVALID_VALUE' && x.sheet === 'Deckungsregeln');
  expect(f).toMatchObject({ cell: 'A2', severity: 'error' });
  expect(f!.message).toContain('gibt-es-nicht');
});
