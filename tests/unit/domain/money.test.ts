import Decimal from 'decimal.js';
import {
  D,
  ZERO,
  dec,
  formatDecimalDe,
  formatEuro,
  formatPercentDe,
  roundCent,
  sum,
  toAmountString,
} from '../../../src/domain/money';

describe('roundCent: half up to the cent, away from zero for negatives', () => {
  it.each([
    ['0.005', '0.01'],
    ['0.004', '0'],
    ['-0.005', '-0.01'],
    ['-0.004', '0'],
    ['1.015', '1.02'],
    ['-1.015', '-1.02'],
    ['2.675', '2.68'], // as a float 2.675 is 2.67499999…; decimals keep the written value
    ['69761.33565', '69761.34'],
    ['123.4449', '123.44'],
  ])('%s → %s', (input, expected) => {
    const rounded = roundCent(dec(input));
    expect(rounded.eq(expected)).toBe(true);
    expect(rounded.decimalPlaces()).toBeLessThanOrEqual(2);
  });

  it('does not depend on the global Decimal rounding mode', () => {
    const saved = Decimal.rounding;
    Decimal.set({ rounding: Decimal.ROUND_DOWN });
    try {
      expect(roundCent(dec('0.125')).toString()).toBe('0.13');
      expect(roundCent(dec('-0.125')).toString()).toBe('-0.13');
    } finally {
      Decimal.set({ rounding: saved });
    }
  });
});

describe('no floats: money is exact decimal arithmetic', () => {
  it('sums 0.1 + 0.2 to exactly 0.3', () => {
    // Given amounts that are not representable as binary floats
    const total = sum([dec('0.1'), dec('0.2')]);
    // Then the sum is exact (with floats: 0.30000000000000004)
    expect(total.eq('0.3')).toBe(true);
    expect(0.1 + 0.2 === 0.3).toBe(false);
  });

  it('keeps many small amounts exact', () => {
    const total = sum(Array.from({ length: 1000 }, () => dec('0.01')));
    expect(total.toString()).toBe('10');
  });

  it('sum of nothing is zero and dec/ZERO are decimals', () => {
    expect(sum([]).isZero()).toBe(true);
    expect(Decimal.isDecimal(ZERO)).toBe(true);
    expect(dec(5)).toBeInstanceOf(D);
  });
});

describe('toAmountString: the JSON/stored form', () => {
  it.each([
    ['70000', '70000.00'],
    ['69761.335', '69761.34'],
    ['0', '0.00'],
    ['-1234.5', '-1234.50'],
    ['-0.005', '-0.01'],
    ['-0.004', '0.00'],
    ['1234567.891', '1234567.89'],
  ])('%s → %s', (input, expected) => {
    expect(toAmountString(dec(input))).toBe(expected);
  });
});

describe('formatEuro: de-DE display', () => {
  it.each([
    ['70000', '70.000,00 €'],
    ['69761.34', '69.761,34 €'],
    ['0', '0,00 €'],
    ['0.5', '0,50 €'],
    ['999.999', '1.000,00 €'],
    ['1234567.891', '1.234.567,89 €'],
    ['-70000', '-70.000,00 €'],
    ['-0.005', '-0,01 €'],
    ['-0.004', '0,00 €'], // no "-0,00 €"
  ])('%s → %s', (input, expected) => {
    expect(formatEuro(dec(input))).toBe(expected);
  });

  it('can leave out the symbol', () => {
    expect(formatEuro(dec('70000'), false)).toBe('70.000,00');
  });

  it('formats with a fixed number of decimals', () => {
    expect(formatDecimalDe(dec('16.595775'), 4)).toBe('16,5958');
    expect(formatDecimalDe(dec('1234.5'), 0)).toBe('1.235');
    expect(formatDecimalDe(dec('0.5'), 3)).toBe('0,500');
  });
});

describe('formatPercentDe: rates for display', () => {
  it.each([
    ['0.2115', 2, '21,15 %'],
    ['0.03', 2, '3 %'],
    ['0.105', 2, '10,5 %'],
    ['0.2', 2, '20 %'],
    ['1', 2, '100 %'],
    ['0', 2, '0 %'],
    // Bug found (fixed in money.ts): with 0 decimals the trailing zero of the integer was stripped
    // ("50" → "5 %", "10" → "1 %").
    ['0.5', 0, '50 %'],
    ['0.1', 0, '10 %'],
    ['0.37', 0, '37 %'],
  ])('%s (%d decimals) → %s', (rate, decimals, expected) => {
    expect(formatPercentDe(dec(rate), decimals)).toBe(expected);
  });
});
