import { CostModel, type LineSpec } from '../../../src/domain/cost';
import {
  BESOLDUNG_TABLES,
  DEFAULT_BESOLDUNGSTABELLE,
  DEFAULT_ENTGELTTABELLE,
  DEFAULT_PARAMETER,
  ENTGELT_TABLES,
  versionedTable,
} from '../../../src/domain/defaults';
import { D } from '../../../src/domain/money';
import type { Parameter, PayTable } from '../../../src/domain/model';
import { stepChanges } from '../../../src/domain/steps';
import { jszRate } from '../../../src/domain/sonderzahlung';
import { X, cent } from './support';

/**
 * Cost by the calendar (issue 13): every expected value is written out by hand from the table literals
 * and the rule it tests, with the independent Decimal clone of ./support.
 */
const ENTGELT = versionedTable('Entgelt', ENTGELT_TABLES, '2027-01-01');
const BESOLDUNG = versionedTable('Besoldung', BESOLDUNG_TABLES, '2027-01-01');
const tables = { entgelttabelle: ENTGELT, besoldungstabelle: BESOLDUNG };
/** (12 + 0,85) × (1 + 0,2115 + 0,08): the first version's factor with the DESIGN.md defaults. */
const F = new X('12.85').times('1.2915');

function line(grade: string, step: number, monthly: string, extra: Partial<LineSpec> = {}): LineSpec {
  return {
    grade,
    step,
    monthly: new D(monthly),
    beamte: /^[AB]/.test(grade),
    share: new D(1),
    period: {},
    ...extra,
  };
}

function model(
  p: Partial<Parameter> = {},
  t: { entgelttabelle: PayTable; besoldungstabelle: PayTable } = tables,
) {
  return new CostModel({ ...DEFAULT_PARAMETER, ...p }, t);
}

describe('months, not years: each month takes the table valid on its first day', () => {
  test('table change on 01.05.2026: January–April old table, May–December new table', () => {
    // E9b Stufe 3: 4.089,07 € (01.04.2025), 4.203,56 € (01.05.2026 = 4.089,07 × 1,028)
    const cost = model({ erstesPlanjahr: 2026 }).lineCost(line('E9b', 3, '4203.56'), 2026);
    const expected = cent(
      new X('4089.07').times(F).times(4).div(12).plus(new X('4203.56').times(F).times(8).div(12)),
    );
    expect(cost.toFixed(2)).toBe(expected.toFixed(2));
    expect(cost.toFixed(2)).toBe('69127.99');
  });

  test('a year inside one table costs exactly what the first version computed', () => {
    const cost = model().lineCost(line('E9b', 3, '4203.56'), 2027);
    expect(cost.toFixed(2)).toBe('69761.34');
  });

  test('January and February 2024 are paid on the table before 01.03.2024 only if it is given: the earliest table stands in', () => {
    const cost = model({ erstesPlanjahr: 2024 }).lineCost(line('E9b', 3, '3969.97'), 2024);
    expect(cost.toFixed(2)).toBe(cent(new X('3969.97').times(F)).toFixed(2));
  });
});

describe('Tarifsteigerung ab: the assumed increase runs by the calendar, not by the plan-year index', () => {
  const p = { tarifsteigerungAb: '2027-04-01' };
  const undated = { entgelttabelle: DEFAULT_ENTGELTTABELLE, besoldungstabelle: DEFAULT_BESOLDUNGSTABELLE };

  test('from 01.04.2027 inside the first plan year: January–March without, April–December with 3 %', () => {
    const cost = model(p, undated).lineCost(line('E9b', 3, '4203.56'), 2027);
    const expected = cent(
      new X('4203.56')
        .times(F)
        .times(new X(3).plus(new X(9).times('1.03')))
        .div(12),
    );
    expect(cost.toFixed(2)).toBe(expected.toFixed(2));
  });

  test('the next year: January–March 1,03, April–December 1,03²', () => {
    const cost = model(p, undated).lineCost(line('E9b', 3, '4203.56'), 2028);
    const g = new X('1.03');
    const expected = cent(
      new X('4203.56')
        .times(F)
        .times(g.times(3).plus(g.pow(2).times(9)))
        .div(12),
    );
    expect(cost.toFixed(2)).toBe(expected.toFixed(2));
  });

  test('calendar 2028 costs the same whatever the first plan year is', () => {
    const costs = [2026, 2027, 2028].map((first) =>
      model({ ...p, erstesPlanjahr: first }, undated)
        .lineCost(line('E9b', 3, '4203.56'), 2028)
        .toFixed(2),
    );
    expect(new Set(costs).size).toBe(1);
  });

  test('an increase date that is not the first of a month counts from the next month', () => {
    const m = model({ tarifsteigerungAb: '2027-04-15' }, undated);
    expect(m.exponentOn('2027-04-01')).toBe(0);
    expect(m.exponentOn('2027-05-01')).toBe(1);
    expect(m.exponentOn('2028-04-01')).toBe(1);
    expect(m.exponentOn('2028-05-01')).toBe(2);
  });
});

describe('steps by TVöD § 16 (3), a step reached inside a month counts from that month (§ 17 (1))', () => {
  test('the step change dates are the first of the month in which each step is reached', () => {
    expect(stepChanges('E9b', 1, '2026-07-15')).toEqual([
      { from: '2027-07-01', step: 2 },
      { from: '2029-07-01', step: 3 },
      { from: '2032-07-01', step: 4 },
      { from: '2036-07-01', step: 5 },
      { from: '2041-07-01', step: 6 },
    ]);
    // S table: Stufe 2 three years, Stufe 3 four years; Hessen A: 2, 3, 3, … years
    expect(stepChanges('S8a', 2, '2025-03-31').slice(0, 2)).toEqual([
      { from: '2028-03-01', step: 3 },
      { from: '2032-03-01', step: 4 },
    ]);
    expect(stepChanges('A 11', 1, '2025-01-01')[0]).toEqual({ from: '2027-01-01', step: 2 });
  });

  test('a position whose step rises twice within the horizon (E9b Stufe 1 since 15.07.2026)', () => {
    const m = model();
    const spec = line('E9b', 1, '3779.84', { stepSince: '2026-07-15' });
    const f = (months: [string, number][]) =>
      cent(months.reduce((acc, [v, n]) => acc.plus(new X(v).times(F).times(n).div(12)), new X(0)));
    // 2026 table (01.05.2026): E9b St.1 3.779,84, St.2 4.039,01, St.3 4.203,56; assumed increase +3 % per plan year
    expect(m.lineCost(spec, 2027).toFixed(2)).toBe(
      f([
        ['3779.84', 6],
        ['4039.01', 6],
      ]).toFixed(2),
    );
    const g2 = new X('1.03').pow(2);
    expect(m.lineCost(spec, 2029).toFixed(2)).toBe(
      cent(new X('4039.01').times(6).plus(new X('4203.56').times(6)).times(F).times(g2).div(12)).toFixed(2),
    );
    expect(m.segments(spec, 2029).map((s) => [s.start, s.end, s.step])).toEqual([
      ['2029-01-01', '2029-06-30', 2],
      ['2029-07-01', '2029-12-31', 3],
    ]);
  });
});

describe('contribution ceilings: KV/PV and RV/AV capped per month, the special payment as a one-off payment', () => {
  const p = {
    agSozialversicherung: new D(0),
    agKvPv: new D('0.1055'),
    bbgKvPv: new D('5812.5'),
    agRvAv: new D('0.106'),
    bbgRvAv: new D('8450'),
  };
  const base = (monthly: string) => new X(monthly).times('12.85').times('1.08');

  test('above both ceilings (E15Ü Stufe 6, 9.197,81 €): both shares on the ceilings only', () => {
    const cost = model(p).lineCost(line('E15Ü', 6, '9197.81'), 2027);
    const kv = new X('0.1055').times('69750'); // 12 × 5.812,50
    const rv = new X('0.106').times('101400'); // 12 × 8.450
    expect(cost.toFixed(2)).toBe(cent(base('9197.81').plus(kv).plus(rv)).toFixed(2));
  });

  test('between the ceilings (E15 Stufe 6, 8.204,11 €): the special payment fills the RV room up to the year ceiling', () => {
    const cost = model(p).lineCost(line('E15', 6, '8204.11'), 2027);
    const kv = new X('0.1055').times('69750');
    const rv = new X('0.106').times('101400'); // 12 × 8.204,11 + min(0,85 × 8.204,11; 12 × 245,89) = 101.400
    expect(cost.toFixed(2)).toBe(cent(base('8204.11').plus(kv).plus(rv)).toFixed(2));
  });

  test('below both ceilings (E5 Stufe 3, 3.449,05 €): the shares on the whole pay including the special payment', () => {
    const cost = model(p).lineCost(line('E5', 3, '3449.05'), 2027);
    const gross = new X('3449.05').times('12.85');
    const expected = cent(base('3449.05').plus(gross.times('0.1055')).plus(gross.times('0.106')));
    expect(cost.toFixed(2)).toBe(expected.toFixed(2));
  });

  test('Leistungsentgelt adds 2 % of the tariff pay (with its shares); uncapped without ceilings', () => {
    const cost = model({ leistungsentgelt: new D('0.02') }).lineCost(line('E9b', 3, '4203.56'), 2027);
    expect(cost.toFixed(2)).toBe(cent(new X('4203.56').times('13.09').times('1.2915')).toFixed(2));
  });
});

describe('S table and Besoldung', () => {
  test('S 8a Stufe 3 (Kita) in 2027: table from 01.05.2026 = (3.755,83 × 1,03 → 3.868,50) × 1,028 = 3.976,82 €', () => {
    expect(ENTGELT.rows.get('S8a')?.steps.get(3)?.toFixed(2)).toBe('3976.82');
    const cost = model().lineCost(line('S8a', 3, '3976.82'), 2027);
    expect(cost.toFixed(2)).toBe(cent(new X('3976.82').times(F)).toFixed(2));
  });

  test('A 11 Stufe 5 (Hessen, 4.493,20 € from 01.02.2025) with Versorgungszuschlag and Beihilfe', () => {
    expect(BESOLDUNG.rows.get('A11')?.steps.get(5)?.toFixed(2)).toBe('4493.20');
    const cost = model({ beihilfe: new D('0.05') }).lineCost(line('A11', 5, '4493.20'), 2027);
    expect(cost.toFixed(2)).toBe(cent(new X('4493.20').times(12).times('1.42')).toFixed(2));
  });

  test('E1 and E2 Stufe 6 exist; E15Ü has no Stufe 1', () => {
    expect(ENTGELT.rows.get('E1')?.steps.get(2)?.toFixed(2)).toBe(
      cent(new X('2465.52').times('1.028')).toFixed(2),
    );
    expect(ENTGELT.rows.get('E2')?.steps.get(6)?.toFixed(2)).toBe(
      cent(new X('3339.97').times('1.028')).toFixed(2),
    );
    expect(ENTGELT.rows.get('E15Ü')?.steps.has(1)).toBe(false);
  });
});

describe('Jahressonderzahlung by grade band', () => {
  test('until 2025 by band (84,51 / 70,28 / 51,78 %), from 2026 85 % for all', () => {
    expect(jszRate('E8', 2025)?.toString()).toBe('0.8451');
    expect(jszRate('E9b', 2025)?.toString()).toBe('0.7028');
    expect(jszRate('E13', 2024)?.toString()).toBe('0.5178');
    expect(jszRate('E13', 2026)?.toString()).toBe('0.85');
    expect(jszRate('A11', 2026)).toBeUndefined();
  });

  test('switched on, E13 Stufe 3 in 2025 costs with 51,78 %', () => {
    const cost = model({ jszNachGruppe: true, erstesPlanjahr: 2025 }).lineCost(
      line('E13', 3, '5554.35'),
      2025,
    );
    // 2025: January–March on the table of 01.03.2024 (5.392,57), April–December on 01.04.2025 (5.554,35)
    const f = new X('12.5178').times('1.2915');
    expect(cost.toFixed(2)).toBe(
      cent(new X('5392.57').times(3).plus(new X('5554.35').times(9)).times(f).div(12)).toFixed(2),
    );
  });
});

describe('the first version stays as it was', () => {
  test('a model without tables (old call signature) costs as before', () => {
    const cost = new CostModel(DEFAULT_PARAMETER).lineCost(line('E9b', 3, '4203.56'), 2028);
    expect(cost.toFixed(2)).toBe('71854.18');
  });
});

describe('Wie berechnet: the month-by-month split and each component with its parameter', () => {
  test('a year with a table change shows both runs of months with their tables', () => {
    const e = model({ erstesPlanjahr: 2026 }).explainLine(line('E9b', 3, '4203.56'), 2026);
    const labels = e.steps.map((s) => `${s.label}: ${s.value}`);
    expect(labels[0]).toBe(
      '01.01.2026–30.04.2026: E9b Stufe 3, Tabelle gültig ab 01.04.2025: 4.089,07 € × 1,0000 × 4,000 Monate',
    );
    expect(labels[1]).toBe(
      '01.05.2026–31.12.2026: E9b Stufe 3, Tabelle gültig ab 01.05.2026: 4.203,56 € × 1,0000 × 8,000 Monate',
    );
    expect(e.summary).toMatch(/= 69\.127,99 €$/);
  });

  test('ceilings name their rate and ceiling; a line without v2 explains itself as before', () => {
    const p = { agKvPv: new D('0.1055'), bbgKvPv: new D('5812.5') };
    const e = model(p).explainLine(line('E15Ü', 6, '9197.81'), 2027);
    expect(e.steps.map((s) => s.label)).toContain(
      'AG-Anteil KV/PV 10,55 % bis BBG 5.812,50 €/Monat: laufend 69.750,00 € + Einmalzahlungen 0,00 €',
    );
    const old = new CostModel(DEFAULT_PARAMETER).explainLine(line('E9b', 3, '4203.56'), 2027);
    expect(old.steps[0].label).toBe('Monatsbetrag E9b Stufe 3 (Vollzeit)');
  });
});
