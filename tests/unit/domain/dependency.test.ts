import { checkCoverage } from '../../../src/domain/coverage';
import { buildModel, type ModelInput } from '../../support/fixtures';

/** Konstanz: the office is founded when its head starts; the transfers wait for that measure. */
const base: ModelInput = {
  stellen: [{ nr: '10.14', gruppe: 'E11', stufe: 3, besetzt: true }],
  massnahmen: [
    { nr: 'K-01', art: 'Neue Stelle', stellenNr: '15.01', gruppe: 'E15', stufe: 3, beginn: '2027-07-01' },
    {
      nr: 'K-02',
      art: 'Umsetzung',
      stellenNr: '10.14',
      oe: 'Amt für Digitalisierung',
      terminOffen: true,
      voraussetzung: 'K-01',
    },
  ],
  deckung: [{ massnahmeNr: 'K-01', art: 'Mehrertrag', betrag: 200000, quelle: 'Fördermittel' }],
};
const codes = (input: ModelInput) =>
  checkCoverage(buildModel(input)).findings.filter((f) =>
    ['DEPENDENCY_ORDER', 'MEASURE_UNKNOWN'].includes(f.code),
  );

test('an undated transfer waiting for the head of office is fine', () => {
  expect(codes(base)).toEqual([]);
});

test('a transfer dated before its prerequisite is a warning at its Beginn cell', () => {
  const input = {
    ...base,
    massnahmen: [base.massnahmen![0], { ...base.massnahmen![1], terminOffen: false, beginn: '2027-01-01' }],
  };
  const found = codes(input);
  expect(found).toHaveLength(1);
  expect(found[0]).toMatchObject({
    code: 'DEPENDENCY_ORDER',
    severity: 'warning',
    measure: 'K-02',
    ref: { table: 'Massnahmen', row: 1, field: 'beginn' },
  });
  expect(found[0].message).toContain('01.07.2027');
});

test('an unknown or rejected prerequisite is reported at the Voraussetzung cell', () => {
  const unknown = codes({
    ...base,
    massnahmen: [base.massnahmen![0], { ...base.massnahmen![1], voraussetzung: 'K-99' }],
  });
  expect(unknown).toMatchObject([
    { code: 'MEASURE_UNKNOWN', severity: 'error', ref: { field: 'voraussetzung' } },
  ]);
  const rejected = codes({
    ...base,
    massnahmen: [{ ...base.massnahmen![0], status: 'abgelehnt' }, base.massnahmen![1]],
  });
  expect(rejected).toMatchObject([{ code: 'DEPENDENCY_ORDER', ref: { field: 'voraussetzung' } }]);
});
