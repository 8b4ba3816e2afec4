import { jahreskosten, monate } from '../../../src/functions/functions';

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
});

test('STELLENPLAN.JAHRESKOSTEN gives the cost model result to the cent', () => {
  // 4.203,56 € × 12,85 × 1,2915 = 69.761,34 € (2027); half share in 2028 with 3 % tariff growth
  expect(jahreskosten('E9b', 3, 1, 2027)).toBe(69761.34);
  expect(jahreskosten('E 9b', 3, 0.5, 2028)).toBe(35927.09);
});

function thrown(fn: () => unknown): FakeCfError {
  try {
    fn();
  } catch (e) {
    return e as FakeCfError;
  }
  throw new Error('nothing thrown');
}

test('STELLENPLAN.JAHRESKOSTEN reports an unknown grade as #VALUE! with a German reason', () => {
  const unknown = thrown(() => jahreskosten('E99', 3, 1, 2027));
  expect(unknown).toBeInstanceOf(FakeCfError);
  expect(unknown.code).toBe('#VALUE!');
  expect(unknown.message).toContain('E99 Stufe 3');
  expect(thrown(() => jahreskosten('E9b', 3, 1.5, 2027)).message).toContain('Stellenanteil');
});

test('STELLENPLAN.MONATE counts partial months by calendar days', () => {
  // 15.03.2027 (serial 46461) to open end: 17/31 of March + 9 months
  expect(monate(46461, '', 2027)).toBeCloseTo(9 + 17 / 31, 6);
  expect(monate('', '', 2027)).toBe(12);
});
