import { deckung, kosten, monate, setModelProvider } from '../../../src/functions/functions';
import { dec } from '../../../src/domain/money';
import { obertshausenModel } from '../../support/fixtures';

/** Custom functions are thin wrappers over the domain: same numbers as the engine, errors as Excel errors. */
class FakeCfError {
  constructor(
    readonly code: string,
    readonly message: string,
  ) {}
}
beforeAll(() => {
  (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
    Error: FakeCfError,
    ErrorCode: { invalidValue: '#VALUE!' },
  };
  setModelProvider(() => Promise.resolve(obertshausenModel()));
});

async function rejected(p: Promise<unknown>): Promise<FakeCfError> {
  try {
    await p;
  } catch (e) {
    return e as FakeCfError;
  }
  throw new Error('nothing thrown');
}

test('STELLENPLAN.KOSTEN gives the cost model result to the cent with the workbook parameters', async () => {
  // 4.203,56 € × 12,85 × 1,2915 = 69.761,34 € (2027); half share in 2028 with 3 % tariff growth
  expect(await kosten('E9b', 3, 1, 2027)).toBe(69761.34);
  expect(await kosten('E 9b', 3, 0.5, 2028)).toBe(35927.09);
  // the workbook's own Tarifsteigerung is used: 0 % keeps 2028 at the 2027 value
  const model = obertshausenModel();
  model.parameter = { ...model.parameter, tarifsteigerung: dec(0) };
  setModelProvider(() => Promise.resolve(model));
  expect(await kosten('E9b', 3, 1, 2028)).toBe(69761.34);
  setModelProvider(() => Promise.resolve(obertshausenModel()));
});

test('STELLENPLAN.KOSTEN reports an unknown grade or share as #VALUE! with a German reason', async () => {
  const unknown = await rejected(kosten('E99', 3, 1, 2027));
  expect(unknown).toBeInstanceOf(FakeCfError);
  expect(unknown.code).toBe('#VALUE!');
  expect(unknown.message).toContain('E99 Stufe 3');
  expect((await rejected(kosten('E9b', 3, 1.5, 2027))).message).toContain('Stellenanteil');
});

test('STELLENPLAN.DECKUNG gives the cover of a measure in a year, as the check does', async () => {
  // cover of the motion = cost of the two released positions (E10/1 from 1.1.2027 and E5/3) in 2027
  const e10 = Number(dec('4124.53').times('12.85').times('1.2915').toFixed(2));
  const e5 = Number(dec('3449.05').times('12.85').times('1.2915').toFixed(2));
  expect(await deckung('M-2027-01', 2027)).toBeCloseTo(e10 + e5, 2);
  expect(await deckung('M-2027-01', 2029)).toBe(0);
  expect((await rejected(deckung('M-9', 2027))).message).toContain('M-9');
  expect((await rejected(deckung('M-2027-01', 2040))).message).toContain('Planungszeitraum');
});

test('STELLENPLAN.MONATE counts partial months by calendar days', () => {
  // 15.03.2027 (serial 46461) to open end: 17/31 of March + 9 months
  expect(monate(46461, '', 2027)).toBeCloseTo(9 + 17 / 31, 6);
  expect(monate('', '', 2027)).toBe(12);
});

test('STELLENPLAN.DECKUNG runs the engine once for many cells of the same workbook version', async () => {
  const { coverageRuns } = await import('../../../src/workbook/analysis');
  const model = obertshausenModel();
  setModelProvider(() => Promise.resolve(model));
  const before = coverageRuns();
  const cells = await Promise.all(
    [2027, 2028, 2029, 2030, 2031].flatMap((y) => [deckung('M-2027-01', y), deckung('M-2027-01', y)]),
  );
  expect(cells).toHaveLength(10);
  expect(coverageRuns() - before).toBe(1);
  setModelProvider(() => Promise.resolve(obertshausenModel()));
});
