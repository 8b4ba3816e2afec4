import Decimal from 'decimal.js';
import {
  CostModel,
  DEFAULT_ENTGELTTABELLE,
  DEFAULT_PARAMETER,
  ENTGELTTABELLE_2025,
  annualFactor,
  checkCoverage,
  dec,
  lookupMonthly,
  planYears,
  proRataAmount,
  type LineSpec,
  type Parameter,
} from '../../../src/domain';
import { buildModel, payTable, type ModelInput } from '../../support/fixtures';
import {
  TVOED_2025,
  X,
  amount,
  cent,
  euroDe,
  expectedLine,
  expectedProRata,
  exactLine,
  findingsOf,
  tvoed2026,
} from './support';

const tables = () => buildModel();

/** Cost of one position per plan year as the engine reports it (Jahreskosten). */
function positionYears(input: ModelInput): string[] {
  const result = checkCoverage(buildModel(input));
  return result.positions[0].years.map((y) => amount(y.amount));
}

function spec(partial: Partial<Omit<LineSpec, 'monthly'>> & { monthly: string }): LineSpec {
  return {
    grade: 'E9b',
    step: 3,
    beamte: false,
    share: dec(1),
    period: {},
    ...partial,
    monthly: dec(partial.monthly),
  };
}

describe('plan years and factors', () => {
  it('lists the horizon from Erstes Planjahr, default 5 years', () => {
    expect(planYears(DEFAULT_PARAMETER)).toEqual([2027, 2028, 2029, 2030, 2031]);
    expect(planYears({ ...DEFAULT_PARAMETER, erstesPlanjahr: 2030, anzahlPlanjahre: 3 })).toEqual([
      2030, 2031, 2032,
    ]);
  });

  it('Beschäftigte factor = (12 + 0,85) × (1 + 0,2115 + 0,08) = 16,595775', () => {
    expect(annualFactor(DEFAULT_PARAMETER, false).toString()).toBe('16.595775');
  });

  it('Beamte factor = 12 × (1 + 0,37) = 16,44; with 20 % Gemeinkosten × 1,2 = 19,728', () => {
    expect(annualFactor(DEFAULT_PARAMETER, true).toString()).toBe('16.44');
    expect(annualFactor({ ...DEFAULT_PARAMETER, gemeinkosten: dec('0.2') }, true).toString()).toBe('19.728');
  });

  it('Gemeinkosten multiply the Beschäftigte factor as well: 16,595775 × 1,15 = 19,08514125', () => {
    expect(annualFactor({ ...DEFAULT_PARAMETER, gemeinkosten: dec('0.15') }, false).toString()).toBe(
      '19.08514125',
    );
  });
});

describe('pay tables', () => {
  it('E9b Stufe 3 from 01.05.2026 = 4.089,07 € × 1,028 = 4.203,56 €', () => {
    // 4089.07 × 1.028 = 4203.56396 → 4203.56
    expect(tvoed2026(TVOED_2025.E9b_3).toFixed(2)).toBe('4203.56');
    const hit = lookupMonthly(tables(), 'E 9b', 3);
    expect(hit.ok && amount(hit.monthly)).toBe('4203.56');
    expect(amount(ENTGELTTABELLE_2025.rows.get('E9b')!.steps.get(3)!)).toBe('4089.07');
  });

  it('every entry of the default table is the 2025 entry × 1,028, rounded to the cent', () => {
    for (const [grade, row] of ENTGELTTABELLE_2025.rows)
      for (const [step, v2025] of row.steps)
        expect(amount(DEFAULT_ENTGELTTABELLE.rows.get(grade)!.steps.get(step)!)).toBe(
          tvoed2026(v2025.toString()).toFixed(2),
        );
  });

  it('reports unknown grades and steps instead of guessing', () => {
    expect(lookupMonthly(tables(), 'E16', 1)).toMatchObject({ ok: false, reason: 'grade', grade: 'E16' });
    expect(lookupMonthly(tables(), 'E9b', 7)).toMatchObject({ ok: false, reason: 'step' });
    expect(lookupMonthly(tables(), 'E15Ü', 1)).toMatchObject({ ok: false, reason: 'step' }); // no Stufe 1
    // Beamte are looked up in the Besoldungstabelle, which is empty by default
    expect(lookupMonthly(tables(), 'A 11', 5)).toMatchObject({ ok: false, reason: 'grade', beamte: true });
  });
});

describe('cost model for Beschäftigte (DESIGN.md)', () => {
  it('E9b/3 full time in 2027: 4.203,56 × 12,85 × 1,2915 = 69.761,34 €', () => {
    // 4203.56 × 12.85 = 54015.746; × 1.2915 = 69761.3359… → 69761.34
    const expected = expectedLine({ monthly: '4203.56', year: 2027 });
    expect(expected.toFixed(2)).toBe('69761.34');
    expect(positionYears({ stellen: [{ nr: 'P', gruppe: 'E9b', stufe: 3 }] })[0]).toBe('69761.34');
  });

  it('grows by compounded Tarifsteigerung: 2028 × 1,03 = 71.854,18 €, 2031 × 1,03⁴', () => {
    const years = positionYears({ stellen: [{ nr: 'P', gruppe: 'E9b', stufe: 3 }] });
    // 69761.3359… × 1.03 = 71854.1760… → 71854.18
    expect(years[1]).toBe('71854.18');
    const expected = [2027, 2028, 2029, 2030, 2031].map((year) =>
      expectedLine({ monthly: '4203.56', year }).toFixed(2),
    );
    expect(years).toEqual(expected);
    // compounding, not linear growth: 1.03^4 = 1.12550881, not 1.12
    const linear2031 = cent(exactLine({ monthly: '4203.56', year: 2027 }).times('1.12')).toFixed(2);
    expect(years[4]).not.toBe(linear2031);
  });

  it('applies Stellenanteil and active months (15.01. start: 17/31 + 11 months)', () => {
    const years = positionYears({
      stellen: [{ nr: 'P', gruppe: 'E9b', stufe: 3, anteil: '0.5', beginn: '2027-01-15' }],
    });
    // 2027: 17/31 + 11 = 358/31 months
    expect(years[0]).toBe(
      expectedLine({ monthly: '4203.56', year: 2027, share: '0.5', months: [358, 31] }).toFixed(2),
    );
    expect(years[1]).toBe(expectedLine({ monthly: '4203.56', year: 2028, share: '0.5' }).toFixed(2));
  });

  it('an ended position costs nothing after its end, a planned one nothing before its start', () => {
    const ended = positionYears({ stellen: [{ nr: 'P', gruppe: 'E9b', stufe: 3, ende: '2028-06-30' }] });
    expect(ended[1]).toBe(expectedLine({ monthly: '4203.56', year: 2028, months: [6, 1] }).toFixed(2));
    expect(ended.slice(2)).toEqual(['0.00', '0.00', '0.00']);
    const planned = positionYears({ stellen: [{ nr: 'P', gruppe: 'E9b', stufe: 3, beginn: '2029-01-01' }] });
    expect(planned.slice(0, 2)).toEqual(['0.00', '0.00']);
    expect(planned[2]).toBe(expectedLine({ monthly: '4203.56', year: 2029 }).toFixed(2));
  });

  it('adds Gemeinkosten to the personnel part and Sachkosten after it, without growth on Sachkosten', () => {
    const rates = { gk: '0.2', sach: '9082' };
    const parameter: Partial<Parameter> = { gemeinkosten: dec('0.2'), sachkosten: dec('9082') };
    const years = positionYears({ stellen: [{ nr: 'P', gruppe: 'E9b', stufe: 3 }], parameter });
    // 2027: 4203.56 × 16.595775 × 1.2 + 9082 = 83713.6031… + 9082 = 92795.60
    expect(years[0]).toBe('92795.60');
    expect(years[0]).toBe(expectedLine({ monthly: '4203.56', year: 2027, rates }).toFixed(2));
    // 2028: only the personnel part grows: 83713.6031… × 1.03 + 9082 = 95307.01
    expect(years[1]).toBe(expectedLine({ monthly: '4203.56', year: 2028, rates }).toFixed(2));
    expect(years[1]).toBe('95307.01');
    const sachkostenGrown = cent(new X('92795.6031').times('1.03')).toFixed(2);
    expect(years[1]).not.toBe(sachkostenGrown);
  });

  it('rounds to the cent once per year and line, not at every step', () => {
    // E15/1 = 5669.12 × 1.028 = 5827.86; annual 5827.86 × 16.595775 = 96717.8532915;
    // × 0.5 × 7/12 = 28209.3738… → 28209.37 (rounding the annual first would give 28209.38)
    const monthly = tvoed2026(TVOED_2025.E15_1).toString();
    const years = positionYears({
      stellen: [{ nr: 'P', gruppe: 'E15', stufe: 1, anteil: '0.5', beginn: '2027-06-01' }],
    });
    expect(years[0]).toBe('28209.37');
    expect(years[0]).toBe(expectedLine({ monthly, year: 2027, share: '0.5', months: [7, 1] }).toFixed(2));
    const stepwise = cent(
      cent(cent(exactLine({ monthly, year: 2027 })).times('0.5'))
        .times(7)
        .div(12),
    );
    expect(stepwise.toFixed(2)).toBe('28209.38');
  });

  it('is exact decimal arithmetic: the line cost is a Decimal with at most 2 places', () => {
    const model = new CostModel(DEFAULT_PARAMETER);
    const value = model.lineCost(spec({ monthly: '4203.56', period: { start: '2027-01-15' } }), 2027);
    expect(Decimal.isDecimal(value)).toBe(true);
    expect(value.decimalPlaces()).toBeLessThanOrEqual(2);
  });
});

describe('cost model for Beamte with a Besoldungstabelle built in the test', () => {
  // A small, made-up table: A 11 Stufe 1–8 (monthly €), A 13 Stufe 1–2
  const besoldungstabelle = payTable('Besoldung', {
    'A 11': ['3800.00', '3950.00', '4100.00', '4250.00', '4400.00', '4550.00', '4700.00', '4850.00'],
    'A 13': ['4900.50', '5100.25'],
  });
  const parameter: Partial<Parameter> = { gemeinkosten: dec('0.2'), sachkosten: dec('9082') };

  it('A 11 Stufe 5, half time: monthly × 12 × (1 + 37 %) × (1 + 20 %) + Sachkosten, × 0,5', () => {
    const years = positionYears({
      stellen: [{ nr: 'B1', gruppe: 'A 11', stufe: 5, anteil: '0.5' }],
      parameter,
      besoldungstabelle,
    });
    // 2027: (4400 × 12 × 1.37 × 1.2 + 9082) × 0.5 = (86803.20 + 9082) × 0.5 = 47942.60
    expect(years[0]).toBe('47942.60');
    // 2028: (86803.20 × 1.03 + 9082) × 0.5 = (89407.296 + 9082) × 0.5 = 49244.648 → 49244.65
    expect(years[1]).toBe('49244.65');
    const rates = { gk: '0.2', sach: '9082' };
    expect(years).toEqual(
      [2027, 2028, 2029, 2030, 2031].map((year) =>
        expectedLine({ monthly: '4400', year, beamte: true, share: '0.5', rates }).toFixed(2),
      ),
    );
  });

  it('does not use the Beschäftigte factor (no Jahressonderzahlung, no SV/ZV)', () => {
    const years = positionYears({ stellen: [{ nr: 'B1', gruppe: 'A13', stufe: 2 }], besoldungstabelle });
    // 5100.25 × 12 × 1.37 = 61203 × 1.37 = 83848.11
    expect(years[0]).toBe('83848.11');
    expect(years[0]).not.toBe(expectedLine({ monthly: '5100.25', year: 2027 }).toFixed(2));
  });

  it('a Beamte grade missing from the Besoldungstabelle is PAYGRADE_UNKNOWN, not a throw', () => {
    const result = checkCoverage(
      buildModel({ stellen: [{ nr: 'B1', gruppe: 'A 12', stufe: 1 }], besoldungstabelle }),
    );
    const found = findingsOf(result, 'PAYGRADE_UNKNOWN');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', ref: { table: 'Stellen', row: 0, field: 'gruppe' } });
    expect(found[0].message).toContain('Besoldungstabelle');
  });
});

describe('PAYGRADE_UNKNOWN: unknown grade or step never throws', () => {
  it.each([
    ['E16', 1, 'gruppe'],
    ['E9b', 7, 'stufe'],
    ['E15Ü', 1, 'stufe'],
    ['A 11', 3, 'gruppe'], // empty default Besoldungstabelle
  ])('Stelle %s Stufe %d → error at field %s, cost 0 with an explanation', (gruppe, stufe, field) => {
    const result = checkCoverage(buildModel({ stellen: [{ nr: 'X1', gruppe, stufe }] }));
    const found = findingsOf(result, 'PAYGRADE_UNKNOWN');
    expect(found).toHaveLength(1);
    expect(found[0].severity).toBe('error');
    expect(found[0].ref).toEqual({ table: 'Stellen', row: 0, field });
    expect(result.positions[0].years.map((y) => amount(y.amount))).toEqual(Array(5).fill('0.00'));
    expect(result.positions[0].years[0].explanation.summary).not.toBe('');
  });

  it('a new position with an unknown grade is reported on the measure', () => {
    const result = checkCoverage(
      buildModel({
        massnahmen: [{ nr: 'M1', art: 'Neue Stelle', stellenNr: 'N1', gruppe: 'E 99', stufe: 2 }],
      }),
    );
    const found = findingsOf(result, 'PAYGRADE_UNKNOWN');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      severity: 'error',
      measure: 'M1',
      ref: { table: 'Massnahmen', row: 0, field: 'gruppe' },
    });
    expect(found[0].message).toContain('E99');
  });

  it('a Höhergruppierung to an unknown step is reported at the Stufe cell', () => {
    const result = checkCoverage(
      buildModel({
        stellen: [{ nr: 'P', gruppe: 'E9b', stufe: 3 }],
        massnahmen: [{ nr: 'M1', art: 'Höhergruppierung', stellenNr: 'P', gruppe: 'E10', stufe: 9 }],
      }),
    );
    expect(findingsOf(result, 'PAYGRADE_UNKNOWN')).toEqual([
      expect.objectContaining({ measure: 'M1', ref: { table: 'Massnahmen', row: 0, field: 'stufe' } }),
    ]);
  });
});

describe('pro-rata amounts and explanations', () => {
  it('takes a €/year amount pro rata: 24.000 € from 01.10. = 6.000 €', () => {
    expect(amount(proRataAmount(dec(24000), { start: '2027-10-01' }, 2027))).toBe('6000.00');
    expect(amount(proRataAmount(dec(24000), { start: '2027-10-01' }, 2028))).toBe('24000.00');
    expect(amount(proRataAmount(dec(24000), { end: '2026-12-31' }, 2027))).toBe('0.00');
    // 1000 × (17/31) / 12 = 45.698… → 45.70
    expect(amount(proRataAmount(dec(1000), { start: '2027-01-15', end: '2027-01-31' }, 2027))).toBe(
      expectedProRata(1000, [17, 31]).toFixed(2),
    );
  });

  it('explains a line cost with the formula, ending in the amount', () => {
    const model = new CostModel(DEFAULT_PARAMETER);
    const line = spec({ monthly: '4203.56', period: { start: '2027-01-01', end: '2028-12-31' } });
    for (const year of [2027, 2028, 2029]) {
      const value = model.lineCost(line, year);
      const explanation = model.explainLine(line, year);
      expect(explanation.summary.endsWith(`= ${euroDe(value.toString())}`)).toBe(true);
      expect(explanation.steps.at(-1)!.value).toBe(euroDe(value.toString()));
    }
    // the formula as printed: monthly × factor (16.595775 shown with 4 places) × growth 1.03^0, share, months
    const e2027 = model.explainLine(line, 2027);
    expect(e2027.summary).toBe('(4.203,56 € × 16,5958 × 1,0000) × 1,000 × 12,000/12 = 69.761,34 €');
    expect(e2027.steps[0]).toMatchObject({
      label: 'Monatsbetrag E9b Stufe 3 (Vollzeit)',
      value: '4.203,56 €',
    });
  });

  it('a negative line explains itself with its sign', () => {
    const model = new CostModel(DEFAULT_PARAMETER);
    const line = spec({ monthly: '4203.56' });
    const explanation = model.explainLine(line, 2027, -1);
    expect(explanation.summary.startsWith('− ')).toBe(true);
    expect(explanation.summary.endsWith('= -69.761,34 €')).toBe(true);
  });
});
