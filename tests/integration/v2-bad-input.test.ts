import { checkCoverage } from '../../src/domain/coverage';
import { combineFindings, readWorkbookModel } from '../../src/workbook/read';
import { templateBatch } from '../../src/workbook/template';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';

/** Issue 13: unusable v2 inputs are findings at their cell with a German message; nothing is guessed. */
test('bad v2 parameters and a bad Stufe seit are named by sheet and cell', async () => {
  const wb = XlsxWorkbook.create();
  await wb.write(
    templateBatch({
      v2: true,
      parameter: {
        'Tarifsteigerung ab': 'bald',
        'BBG KV/PV (Monat)': -5,
        'AG-Anteil RV/AV': 1.5,
        'Jahressonderzahlung nach Entgeltgruppe': 'vielleicht',
      },
      stellen: [
        {
          'Stellen-Nr.': '1',
          Entgeltgruppe: 'E9b',
          Stufe: 1,
          Stellenanteil: 1,
          Besetzt: 'Ja',
          'Stufe seit': '31.02.2026',
        },
      ],
    }),
  );
  const read = await readWorkbookModel(wb);
  const findings = combineFindings(read, checkCoverage(read.model).findings);
  const at = (text: string) => findings.filter((f) => f.message.includes(text)).map((f) => f.message);
  expect(at('Parameter!B')).toHaveLength(4);
  for (const m of at('Parameter!B')) expect(m).toMatch(/^Parameter!B\d+ \(Wert\): /);
  expect(at('Stellen!')).toEqual([expect.stringMatching(/^Stellen!\w+\d+ \(Stufe seit\): /)]);
  // nothing guessed: the unusable values stay off
  expect(read.model.parameter.tarifsteigerungAb).toBeUndefined();
  expect(read.model.parameter.bbgKvPv).toBeUndefined();
  expect(read.model.parameter.agRvAv).toBeUndefined();
  expect(read.model.stellen[0].stufeSeit).toBeUndefined();
});
