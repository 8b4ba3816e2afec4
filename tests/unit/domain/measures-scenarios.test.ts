/**
 * What each kind of measure costs, what each kind of cover releases, how scenarios combine measures,
 * that every plan year is listed, and that every amount explains itself ("wie berechnet").
 */
import { checkCoverage, type CheckResult, type YearAmount } from '../../../src/domain';
import {
  buildModel,
  funded,
  type DeckungInput,
  type MassnahmeInput,
  type ModelInput,
  type StelleInput,
} from '../../support/fixtures';
import {
  TVOED_2025,
  X,
  amount,
  euroDe,
  expectedLine,
  expectedProRata,
  findingsOf,
  tvoed2026,
  type XDec,
} from './support';

const check = (input: ModelInput, scenario?: string) =>
  checkCoverage(buildModel(funded(input)), { scenario });
const YEARS = [2027, 2028, 2029, 2030, 2031];

const E5_1 = tvoed2026(TVOED_2025.E5_1).toString(); // 3124.08
const E9B_3 = tvoed2026(TVOED_2025.E9b_3).toString(); // 4203.56
const E10_1 = tvoed2026(TVOED_2025.E10_1).toString(); // 4124.53
const E10_3 = tvoed2026(TVOED_2025.E10_3).toString(); // 4794.69

const costs = (result: CheckResult, nr: string) =>
  result.measures.find((m) => m.massnahme.nr === nr)!.years.map((y) => amount(y.cost));
const covers = (result: CheckResult, nr: string) =>
  result.measures.find((m) => m.massnahme.nr === nr)!.years.map((y) => amount(y.cover));
const strings = (values: XDec[]) => values.map((v) => v.toFixed(2));

const position = (nr: string, extra: Partial<StelleInput> = {}): StelleInput => ({
  nr,
  gruppe: 'E10',
  stufe: 1,
  besetzt: false,
  ...extra,
});

describe('measure kinds: the cost is the change a measure makes', () => {
  it('Neue Stelle adds the cost of the new position (share and start pro rata)', () => {
    // Given a new E5/1 position at 75 % from 01.04.2027
    const result = check({
      massnahmen: [
        {
          nr: 'M1',
          art: 'Neue Stelle',
          stellenNr: 'N1',
          gruppe: 'E5',
          stufe: 1,
          anteil: '0.75',
          beginn: '2027-04-01',
        },
      ],
    });
    // Then 2027 counts 9 months, later years in full, each × 0.75 with tariff growth
    expect(costs(result, 'M1')).toEqual(
      strings(
        YEARS.map((year) =>
          expectedLine({ monthly: E5_1, year, share: '0.75', months: year === 2027 ? [9, 1] : [12, 1] }),
        ),
      ),
    );
  });

  it('Stelle streichen has a negative cost from its start until the position ends', () => {
    // Given an unoccupied E10/1 position ending 31.12.2029, dropped from 01.01.2028
    const result = check({
      stellen: [position('P1', { ende: '2029-12-31' })],
      massnahmen: [{ nr: 'S1', art: 'Stelle streichen', stellenNr: 'P1', beginn: '2028-01-01' }],
    });
    // Then 2028 and 2029 save the position's cost; 2027 (before) and 2030/31 (after its end) nothing
    expect(costs(result, 'S1')).toEqual([
      '0.00',
      expectedLine({ monthly: E10_1, year: 2028 }).neg().toFixed(2),
      expectedLine({ monthly: E10_1, year: 2029 }).neg().toFixed(2),
      '0.00',
      '0.00',
    ]);
  });

  it('Stellenanteil ändern costs the difference between new and old share', () => {
    // Given an E9b/3 position at 100 % reduced to 50 % from 01.01.2027, and a 50 % one raised to 100 % from 01.07.2027
    const result = check({
      stellen: [
        position('P1', { gruppe: 'E9b', stufe: 3 }),
        position('P2', { gruppe: 'E9b', stufe: 3, anteil: '0.5' }),
      ],
      massnahmen: [
        { nr: 'A1', art: 'Stellenanteil ändern', stellenNr: 'P1', anteil: '0.5', beginn: '2027-01-01' },
        { nr: 'A2', art: 'Stellenanteil ändern', stellenNr: 'P2', anteil: 1, beginn: '2027-07-01' },
      ],
      deckung: [{ massnahmeNr: 'A2', art: 'Mehrertrag', quelle: 'Zuschuss', betrag: 50000 }],
    });
    // each line rounded on its own: round(cost × 0.5) − round(cost × 1)
    expect(costs(result, 'A1')).toEqual(
      strings(
        YEARS.map((year) =>
          expectedLine({ monthly: E9B_3, year, share: '0.5' }).minus(expectedLine({ monthly: E9B_3, year })),
        ),
      ),
    );
    const half = (year: number): [number, number] => (year === 2027 ? [6, 1] : [12, 1]);
    expect(costs(result, 'A2')).toEqual(
      strings(
        YEARS.map((year) =>
          expectedLine({ monthly: E9B_3, year, months: half(year) }).minus(
            expectedLine({ monthly: E9B_3, year, share: '0.5', months: half(year) }),
          ),
        ),
      ),
    );
    expect(new X(costs(result, 'A1')[0]).isNegative()).toBe(true);
  });

  it('Höhergruppierung costs the difference between the new and the old grade', () => {
    // Given an E9b/3 position upgraded to E10 (same Stufe 3) from 01.07.2027
    const result = check({
      stellen: [position('P1', { gruppe: 'E9b', stufe: 3 })],
      massnahmen: [
        { nr: 'H1', art: 'Höhergruppierung', stellenNr: 'P1', gruppe: 'E10', beginn: '2027-07-01' },
      ],
      deckung: [{ massnahmeNr: 'H1', art: 'Mehrertrag', quelle: 'Zuschuss', betrag: 10000 }],
    });
    // Then 2027: 6 months of (E10/3 − E9b/3); later years the full difference
    const months = (year: number): [number, number] => (year === 2027 ? [6, 1] : [12, 1]);
    expect(costs(result, 'H1')).toEqual(
      strings(
        YEARS.map((year) =>
          expectedLine({ monthly: E10_3, year, months: months(year) }).minus(
            expectedLine({ monthly: E9B_3, year, months: months(year) }),
          ),
        ),
      ),
    );
    // 2028: (4794.69 − 4203.56) × 16.595775 × 1.03 ≈ 10.104 €
    expect(new X(costs(result, 'H1')[1]).gt(10000)).toBe(true);
    expect(findingsOf(result, 'COVER_SHORTFALL')).toHaveLength(1);
  });

  it('Umsetzung is cost-neutral: 0,00 in every plan year, no cover needed', () => {
    const result = check({
      stellen: [position('P1', { besetzt: true })],
      massnahmen: [
        { nr: 'U1', art: 'Umsetzung', stellenNr: 'P1', oe: 'Amt für Digitalisierung', beginn: '2027-03-01' },
      ],
    });
    expect(costs(result, 'U1')).toEqual(Array(5).fill('0.00'));
    expect(result.measures[0].lines).toEqual([]);
    expect(result.measures[0].covered).toBe(true);
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('Sachaufwand costs its Planansatz pro rata for its period', () => {
    // Given 12.000 €/year from 01.07.2027 to 31.03.2029
    const result = check({
      massnahmen: [
        { nr: 'A1', art: 'Sachaufwand', planansatz: 12000, beginn: '2027-07-01', ende: '2029-03-31' },
      ],
      deckung: [{ massnahmeNr: 'A1', art: 'Mehrertrag', quelle: 'Gebühren', betrag: 12000 }],
    });
    expect(costs(result, 'A1')).toEqual(['6000.00', '12000.00', '3000.00', '0.00', '0.00']);
    // a partial month by days: 15.01.–31.01.2027 = 12.000 × 17/31 / 12
    const days = check({
      massnahmen: [
        { nr: 'A1', art: 'Sachaufwand', planansatz: 12000, beginn: '2027-01-15', ende: '2027-01-31' },
      ],
    });
    expect(costs(days, 'A1')[0]).toBe(expectedProRata(12000, [17, 31]).toFixed(2));
  });
});

describe('cover kinds: what a cover row releases per year', () => {
  it.each<[DeckungInput['art'], Partial<StelleInput>]>([
    // occupied, but vacant from 01.01.2027 (the day after its kw date): v2 releases from vacancy
    ['Stellenwegfall', { besetzt: true, vermerk: 'kw', vermerkText: 'kw 31.12.2026' }],
    ['Nichtbesetzung', {}],
    ['Verzicht auf geplante Stelle', {}],
  ])(
    '%s releases the position cost in the months where position and cover row are both active',
    (art, extra) => {
      // Given a planned E10/1 position from 01.04.2027, a permanent measure from 01.01.2027 and a cover row
      // valid until 31.12.2029
      const result = check({
        stellen: [position('P1', { beginn: '2027-04-01', ...extra })],
        massnahmen: [
          { nr: 'M1', art: 'Neue Stelle', stellenNr: 'N1', gruppe: 'E5', stufe: 1, beginn: '2027-01-01' },
        ],
        deckung: [{ massnahmeNr: 'M1', art, stellenNr: 'P1', ende: '2029-12-31' }],
      });
      // Then 2027 releases 9 months (position starts in April), 2028–2029 full years, 2030+ nothing
      expect(covers(result, 'M1')).toEqual([
        expectedLine({ monthly: E10_1, year: 2027, months: [9, 1] }).toFixed(2),
        expectedLine({ monthly: E10_1, year: 2028 }).toFixed(2),
        expectedLine({ monthly: E10_1, year: 2029 }).toFixed(2),
        '0.00',
        '0.00',
      ]);
    },
  );

  it('a part-time position releases its share', () => {
    const result = check({
      stellen: [position('P1', { anteil: '0.5' })],
      massnahmen: [
        { nr: 'M1', art: 'Neue Stelle', stellenNr: 'N1', gruppe: 'E5', stufe: 1, beginn: '2027-01-01' },
      ],
      deckung: [{ massnahmeNr: 'M1', art: 'Nichtbesetzung', stellenNr: 'P1' }],
    });
    expect(covers(result, 'M1')).toEqual(
      strings(YEARS.map((year) => expectedLine({ monthly: E10_1, year, share: '0.5' }))),
    );
  });

  it('a cover row without dates is valid for the period of its measure', () => {
    // Given a measure 01.07.2028–30.06.2030
    const result = check({
      stellen: [position('P1')],
      massnahmen: [
        {
          nr: 'M1',
          art: 'Neue Stelle',
          stellenNr: 'N1',
          gruppe: 'E5',
          stufe: 1,
          beginn: '2028-07-01',
          ende: '2030-06-30',
        },
      ],
      deckung: [{ massnahmeNr: 'M1', art: 'Nichtbesetzung', stellenNr: 'P1' }],
    });
    expect(covers(result, 'M1')).toEqual([
      '0.00',
      expectedLine({ monthly: E10_1, year: 2028, months: [6, 1] }).toFixed(2),
      expectedLine({ monthly: E10_1, year: 2029 }).toFixed(2),
      expectedLine({ monthly: E10_1, year: 2030, months: [6, 1] }).toFixed(2),
      '0.00',
    ]);
  });

  it.each(['Minderaufwand', 'Mehrertrag'] as const)(
    '%s releases its Betrag pro rata for its validity',
    (art) => {
      // Given 24.000 €/year from 01.10.2027 (budget line L1 has enough Ansatz for a Minderaufwand)
      const result = check({
        massnahmen: [{ nr: 'M1', art: 'Sachaufwand', planansatz: 20000, beginn: '2027-01-01' }],
        deckung: [
          {
            massnahmeNr: 'M1',
            art,
            quelle: 'Quelle',
            haushaltsstelle: 'L1',
            betrag: 24000,
            beginn: '2027-10-01',
          },
        ],
        planansaetze: YEARS.map((jahr) => ({ haushaltsstelle: 'L1', jahr, ansatz: 50000 })),
      });
      // Then 2027: 24000 × 3/12 = 6000; later 24000
      expect(covers(result, 'M1')).toEqual(['6000.00', '24000.00', '24000.00', '24000.00', '24000.00']);
      expect(findingsOf(result, 'COVER_SHORTFALL')[0].message).toContain(`2027 fehlen ${euroDe(14000)}`);
    },
  );
});

describe('scenarios: Basis plus each variant', () => {
  const B1: MassnahmeInput = {
    nr: 'B1',
    art: 'Neue Stelle',
    stellenNr: 'N1',
    gruppe: 'E5',
    stufe: 1,
    beginn: '2027-01-01',
  };
  const VA: MassnahmeInput = { nr: 'VA', art: 'Sachaufwand', planansatz: 10000, szenario: 'Variante A' };
  const VB: MassnahmeInput = {
    nr: 'VB',
    art: 'Neue Stelle',
    stellenNr: 'N2',
    gruppe: 'E5',
    stufe: 1,
    beginn: '2028-01-01',
    szenario: 'Variante B',
  };
  const base: ModelInput = {
    stellen: [position('P1'), position('P2')],
    massnahmen: [B1, VA, VB],
    deckung: [
      { massnahmeNr: 'B1', art: 'Nichtbesetzung', stellenNr: 'P1' },
      { massnahmeNr: 'VA', art: 'Mehrertrag', quelle: 'Gebühren', betrag: 10000 },
      { massnahmeNr: 'VB', art: 'Nichtbesetzung', stellenNr: 'P2' },
    ],
  };
  const totals = (result: CheckResult, name: string) =>
    result.scenarios.find((s) => s.name === name)!.totals.map((t) => [amount(t.cost), amount(t.cover)]);

  // independently: B1 costs E5/1 and is covered by E10/1; VA 10.000 € both; VB from 2028
  const b1 = YEARS.map((year) => [
    expectedLine({ monthly: E5_1, year }),
    expectedLine({ monthly: E10_1, year }),
  ]);
  const va = YEARS.map(() => [new X(10000), new X(10000)]);
  const vb = YEARS.map((year) =>
    year < 2028
      ? [new X(0), new X(0)]
      : [expectedLine({ monthly: E5_1, year }), expectedLine({ monthly: E10_1, year })],
  );
  const add = (...parts: XDec[][][]) =>
    YEARS.map((_, i) => [0, 1].map((k) => parts.reduce((s, p) => s.plus(p[i][k]), new X(0)).toFixed(2)));

  it('Basis measures belong to every scenario; a variant is Basis plus its own measures', () => {
    const result = check(base);
    expect(result.scenarios.map((s) => s.name)).toEqual(['Basis', 'Variante A', 'Variante B']);
    expect(result.scenarios.map((s) => s.measures.map((m) => m.massnahme.nr))).toEqual([
      ['B1'],
      ['B1', 'VA'],
      ['B1', 'VB'],
    ]);
    expect(totals(result, 'Basis')).toEqual(add(b1));
    expect(totals(result, 'Variante A')).toEqual(add(b1, va));
    expect(totals(result, 'Variante B')).toEqual(add(b1, vb));
    // balance = cover − cost
    for (const s of result.scenarios)
      for (const t of s.totals) expect(t.balance.eq(t.cover.minus(t.cost))).toBe(true);
  });

  it('a rejected measure (abgelehnt) leaves every scenario and every total', () => {
    // Given the same model plus a rejected Basis measure and a rejected measure of a new variant
    const result = check({
      ...base,
      massnahmen: [
        ...base.massnahmen!,
        { nr: 'R1', art: 'Sachaufwand', planansatz: 99999, status: 'abgelehnt' },
        { nr: 'R2', art: 'Sachaufwand', planansatz: 55555, status: 'abgelehnt', szenario: 'Variante C' },
      ],
    });
    expect(result.scenarios.map((s) => s.name)).toEqual(['Basis', 'Variante A', 'Variante B']);
    expect(totals(result, 'Basis')).toEqual(add(b1));
    expect(totals(result, 'Variante A')).toEqual(add(b1, va));
    expect(totals(result, 'Variante B')).toEqual(add(b1, vb));
    expect(result.measures.map((m) => m.massnahme.nr)).not.toContain('R1');
    expect(result.findings.filter((f) => f.measure === 'R1' || f.measure === 'R2')).toEqual([]);
  });

  it('an adopted measure (beschlossen) counts in Basis, whatever its Szenario says', () => {
    const result = check({
      ...base,
      massnahmen: [...base.massnahmen!, { ...VA, nr: 'AD', szenario: 'Variante A', status: 'beschlossen' }],
      deckung: [
        ...base.deckung!,
        { massnahmeNr: 'AD', art: 'Mehrertrag', quelle: 'Gebühren', betrag: 10000 },
      ],
    });
    const ad = result.measures.find((m) => m.massnahme.nr === 'AD')!;
    expect(ad.scenario).toBe('Basis');
    expect(result.scenarios[0].measures.map((m) => m.massnahme.nr)).toEqual(['B1', 'AD']);
    expect(totals(result, 'Basis')).toEqual(add(b1, va));
    expect(totals(result, 'Variante B')).toEqual(add(b1, va, vb));
  });

  it('can evaluate a single scenario', () => {
    const result = check(base, 'Variante A');
    expect(result.scenarios.map((s) => s.name)).toEqual(['Variante A']);
    expect(result.measures.map((m) => m.massnahme.nr)).toEqual(['B1', 'VA']);
  });

  it('each measure is evaluated once, in its own scenario', () => {
    const result = check(base);
    expect(result.measures.map((m) => [m.massnahme.nr, m.scenario])).toEqual([
      ['B1', 'Basis'],
      ['VA', 'Variante A'],
      ['VB', 'Variante B'],
    ]);
  });
});

describe('years: every plan year of the horizon is listed', () => {
  it('lists all years for measures, totals and positions, also those that cost nothing', () => {
    // Given a 3-year horizon from 2030 and measures active only before, inside and after parts of it
    const result = check({
      stellen: [position('P1', { ende: '2029-12-31' })],
      massnahmen: [
        { nr: 'EARLY', art: 'Sachaufwand', planansatz: 1000, beginn: '2027-01-01', ende: '2029-12-31' },
        { nr: 'LATE', art: 'Sachaufwand', planansatz: 1200, beginn: '2032-01-01' },
        { nr: 'U1', art: 'Umsetzung', stellenNr: 'P1' },
      ],
      parameter: { erstesPlanjahr: 2030, anzahlPlanjahre: 3 },
    });
    expect(result.years).toEqual([2030, 2031, 2032]);
    for (const m of result.measures) expect(m.years.map((y) => y.year)).toEqual([2030, 2031, 2032]);
    for (const m of result.measures) expect(m.cost.map((y) => y.year)).toEqual([2030, 2031, 2032]);
    for (const s of result.scenarios) expect(s.totals.map((t) => t.year)).toEqual([2030, 2031, 2032]);
    expect(result.positions[0].years.map((y) => amount(y.amount))).toEqual(['0.00', '0.00', '0.00']);
    expect(costs(result, 'EARLY')).toEqual(['0.00', '0.00', '0.00']);
    expect(costs(result, 'LATE')).toEqual(['0.00', '0.00', '1200.00']);
  });
});

describe('explanations ("wie berechnet")', () => {
  function allAmounts(result: CheckResult): { where: string; item: YearAmount }[] {
    const out: { where: string; item: YearAmount }[] = [];
    for (const m of result.measures) {
      m.cost.forEach((item) => out.push({ where: `${m.massnahme.nr} cost ${item.year}`, item }));
      for (const c of m.cover)
        c.years.forEach((item) =>
          out.push({ where: `${m.massnahme.nr} cover row ${c.deckung.ref.row} ${item.year}`, item }),
        );
    }
    for (const p of result.positions)
      p.years.forEach((item) => out.push({ where: `Stelle ${p.stelle.nr} ${item.year}`, item }));
    return out;
  }
  const mismatches = (result: CheckResult) =>
    allAmounts(result)
      .filter(({ item }) => !item.explanation.summary.endsWith(euroDe(item.amount.toString())))
      .map(
        ({ where, item }) => `${where}: "${item.explanation.summary}" vs ${euroDe(item.amount.toString())}`,
      );

  const dated: ModelInput = {
    stellen: [
      position('P1'),
      position('P2', { gruppe: 'E9b', stufe: 3 }),
      position('P3', { besetzt: true, vermerk: 'kw', vermerkText: 'kw', anteil: '0.5' }),
    ],
    massnahmen: [
      {
        nr: 'N',
        art: 'Neue Stelle',
        stellenNr: 'N1',
        gruppe: 'E5',
        stufe: 1,
        beginn: '2027-01-15',
        ende: '2029-06-30',
      },
      { nr: 'S', art: 'Stelle streichen', stellenNr: 'P2', beginn: '2028-01-01' },
      { nr: 'A', art: 'Stellenanteil ändern', stellenNr: 'P2', anteil: '0.5', beginn: '2027-07-01' },
      { nr: 'H', art: 'Höhergruppierung', stellenNr: 'P2', gruppe: 'E10', stufe: 3, beginn: '2027-07-01' },
      { nr: 'SA', art: 'Sachaufwand', planansatz: 12000, beginn: '2027-04-01' },
    ],
    deckung: [
      { massnahmeNr: 'N', art: 'Nichtbesetzung', stellenNr: 'P1' },
      { massnahmeNr: 'H', art: 'Stellenwegfall', stellenNr: 'P3' },
      { massnahmeNr: 'SA', art: 'Mehrertrag', quelle: 'Gebühren', betrag: 6000, beginn: '2027-10-15' },
    ],
  };

  it('every amount has an explanation whose summary ends with the same € amount', () => {
    const result = check(dated);
    expect(allAmounts(result).length).toBe(5 * (5 + 3 + 3));
    expect(mismatches(result)).toEqual([]);
    for (const { item } of allAmounts(result)) expect(item.explanation.steps.length).toBeGreaterThan(0);
  });

  it('a new position explains the pay, the factor, the growth, the share and the months', () => {
    const result = check(dated);
    const e = result.measures[0].cost[0].explanation;
    expect(e.steps.map((s) => s.value)).toEqual(
      expect.arrayContaining([
        '3.124,08 €',
        '16,5958',
        '1,0000',
        '1,000',
        euroDe(result.measures[0].cost[0].amount.toString()),
      ]),
    );
    expect(e.summary).toContain('3.124,08 €');
  });

  // Regression (was a bug in coverage.ts): amounts that are zero by rule (Umsetzung "kostenneutral", "Termin
  // offen", a cover row whose position is unknown, a position with an unknown grade) explained themselves with
  // a bare text – the summary did not end with the amount ("0,00 €"), unlike all others.
  it('amounts that are zero by rule also end with their amount (0,00 €)', () => {
    const result = check({
      stellen: [position('P1', { besetzt: true }), position('P2', { gruppe: 'E77' })],
      massnahmen: [
        { nr: 'U', art: 'Umsetzung', stellenNr: 'P1', oe: 'FB2' },
        { nr: 'T', art: 'Neue Stelle', stellenNr: 'N1', gruppe: 'E5', stufe: 1, terminOffen: true },
        { nr: 'N', art: 'Neue Stelle', stellenNr: 'N2', gruppe: 'E5', stufe: 1, beginn: '2027-01-01' },
      ],
      deckung: [{ massnahmeNr: 'N', art: 'Nichtbesetzung', stellenNr: '9.99' }],
    });
    expect(mismatches(result)).toEqual([]);
  });
});
