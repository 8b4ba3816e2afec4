/**
 * Property tests (fast-check) over the cost model and the coverage check. A fixed seed keeps runs
 * reproducible; 200 runs per property keep the suite fast.
 */
import fc from 'fast-check';
import {
  CostModel,
  DEFAULT_ENTGELTTABELLE,
  DEFAULT_PARAMETER,
  DECKUNG_ARTEN,
  FINDING_CODES,
  MASSNAHME_ARTEN,
  MASSNAHME_STATUS,
  checkCoverage,
  dec,
  proRataAmount,
  toAmountString,
  type LineSpec,
  type Parameter,
} from '../../../src/domain';
import {
  buildModel,
  type DeckungInput,
  type MassnahmeInput,
  type ModelInput,
  type PlanansatzInput,
  type StelleInput,
} from '../../support/fixtures';
import { X } from './support';

const RUNS = { seed: 20270101, numRuns: 200 };
const YEARS = [2027, 2028, 2029, 2030, 2031];
const CENT = new X('0.01');

// ---- arbitraries

const DAY0 = Date.UTC(2025, 0, 1);
const DAYS = (Date.UTC(2033, 11, 31) - DAY0) / 86_400_000;
const isoOfDay = (day: number) => new Date(DAY0 + day * 86_400_000).toISOString().slice(0, 10);
const dayArb = fc.integer({ min: 0, max: DAYS });
const dateArb = dayArb.map(isoOfDay);

/** grade/step pairs that exist in the default table */
const PAY = [...DEFAULT_ENTGELTTABELLE.rows].flatMap(([grade, row]) =>
  [...row.steps].map(([step, monthly]) => ({ grade, step, monthly })),
);
const payArb = fc.constantFrom(...PAY);
/** FTE share 0.000 … 1.000 */
const shareArb = fc.integer({ min: 0, max: 1000 }).map((n) => new X(n).div(1000).toString());
const moneyArb = (max: number) =>
  fc.integer({ min: 0, max: max * 100 }).map((n) => new X(n).div(100).toString());

/** Plausible parameters: non-negative rates and costs. */
const parameterArb: fc.Arbitrary<Parameter> = fc
  .record({
    tarifsteigerung: fc.integer({ min: 0, max: 100 }),
    gemeinkosten: fc.integer({ min: 0, max: 300 }),
    sachkosten: fc.integer({ min: 0, max: 20000 }),
    versorgungszuschlag: fc.integer({ min: 0, max: 500 }),
  })
  .map((r) => ({
    ...DEFAULT_PARAMETER,
    tarifsteigerung: dec(r.tarifsteigerung).div(1000),
    gemeinkosten: dec(r.gemeinkosten).div(1000),
    sachkosten: dec(r.sachkosten),
    versorgungszuschlag: dec(r.versorgungszuschlag).div(1000),
  }));

const lineSpec = (pay: (typeof PAY)[number], share: string, start?: string, end?: string): LineSpec => ({
  grade: pay.grade,
  step: pay.step,
  monthly: pay.monthly,
  beamte: false,
  share: dec(share),
  period: { start, end },
});

describe('properties of the cost model', () => {
  it('splitting a period in two changes the cost of a year by at most one cent', () => {
    fc.assert(
      fc.property(
        payArb,
        shareArb,
        parameterArb,
        fc.tuple(dayArb, dayArb, dayArb).map((d) => d.sort((a, b) => a - b)),
        (pay, share, parameter, [a, split, b]) => {
          fc.pre(split < b); // the second part starts the day after `split` and must not be empty
          const model = new CostModel(parameter);
          const whole = lineSpec(pay, share, isoOfDay(a), isoOfDay(b));
          const first = lineSpec(pay, share, isoOfDay(a), isoOfDay(split));
          const second = lineSpec(pay, share, isoOfDay(split + 1), isoOfDay(b));
          for (const year of YEARS) {
            const total = model.lineCost(whole, year);
            const parts = model.lineCost(first, year).plus(model.lineCost(second, year));
            expect(new X(total.minus(parts).toString()).abs().lte(CENT)).toBe(true);
            // the same holds for a fixed €/year amount
            const betrag = dec(pay.monthly.times(12).toString());
            const proRata = proRataAmount(betrag, whole.period, year);
            const proRataParts = proRataAmount(betrag, first.period, year).plus(
              proRataAmount(betrag, second.period, year),
            );
            expect(new X(proRata.minus(proRataParts).toString()).abs().lte(CENT)).toBe(true);
          }
        },
      ),
      RUNS,
    );
  });

  it('cost is monotone in the FTE share', () => {
    fc.assert(
      fc.property(payArb, shareArb, shareArb, parameterArb, dateArb, (pay, s1, s2, parameter, start) => {
        const [low, high] = new X(s1).lte(s2) ? [s1, s2] : [s2, s1];
        const model = new CostModel(parameter);
        for (const year of YEARS) {
          const a = model.lineCost(lineSpec(pay, low, start), year);
          const b = model.lineCost(lineSpec(pay, high, start), year);
          expect(a.lte(b)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('a new position never costs a negative amount', () => {
    fc.assert(
      fc.property(
        payArb,
        shareArb,
        parameterArb,
        fc.option(dateArb, { nil: undefined }),
        fc.option(dateArb, { nil: undefined }),
        (pay, anteil, parameter, beginn, ende) => {
          const model = buildModel({
            massnahmen: [
              {
                nr: 'M1',
                art: 'Neue Stelle',
                stellenNr: 'N1',
                gruppe: pay.grade,
                stufe: pay.step,
                anteil,
                beginn,
                ende,
              },
            ],
          });
          const result = checkCoverage({ ...model, parameter });
          for (const y of result.measures[0].years) expect(y.cost.isNegative()).toBe(false);
        },
      ),
      RUNS,
    );
  });
});

// ---- random models for the coverage check

const POSITIONS = ['P1', 'P2', 'P3'];
const LINES = ['L1', 'L2'];

const stelleArb: fc.Arbitrary<StelleInput> = fc.record({
  nr: fc.constantFrom(...POSITIONS),
  gruppe: fc.constantFrom('E5', 'E9b', 'E10', 'E13'),
  stufe: fc.integer({ min: 1, max: 5 }),
  anteil: shareArb.filter((s) => s !== '0'),
  besetzt: fc.boolean(),
  vermerk: fc.constantFrom('' as const, 'kw' as const),
  beginn: fc.option(dateArb, { nil: undefined }),
  ende: fc.option(dateArb, { nil: undefined }),
});

/** A cover row with a valid (non-negative) Betrag or none. */
const coverArb = (massnahmeNr: string): fc.Arbitrary<DeckungInput> =>
  fc.record({
    massnahmeNr: fc.constant(massnahmeNr),
    art: fc.constantFrom(...DECKUNG_ARTEN),
    quelle: fc.constantFrom('Quelle A', 'Gebühren'),
    stellenNr: fc.constantFrom(...POSITIONS, 'P9'),
    haushaltsstelle: fc.constantFrom(...LINES, 'L9', ''),
    betrag: fc.option(moneyArb(150000), { nil: undefined }),
    beginn: fc.option(dateArb, { nil: undefined }),
    ende: fc.option(dateArb, { nil: undefined }),
  });

const linesArb: fc.Arbitrary<PlanansatzInput[]> = fc
  .record({ l1: moneyArb(200000), l2: moneyArb(200000), protect: fc.boolean() })
  .map(({ l1, l2, protect }) =>
    YEARS.flatMap((jahr) => [
      { haushaltsstelle: 'L1', jahr, ansatz: l1, art: 'Sachaufwand' as const },
      { haushaltsstelle: 'L2', jahr, ansatz: l2, geschuetzt: protect, art: 'Sachaufwand' as const },
    ]),
  );

describe('properties of the coverage check', () => {
  it('adding a cover row never lowers the cover of a measure', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(stelleArb, { selector: (s) => s.nr, minLength: 1, maxLength: 3 }),
        payArb,
        fc.option(dateArb, { nil: undefined }),
        fc.array(coverArb('M1'), { maxLength: 3 }),
        coverArb('M1'),
        linesArb,
        (stellen, pay, beginn, cover, extra, planansaetze) => {
          const input: ModelInput = {
            stellen,
            massnahmen: [
              { nr: 'M1', art: 'Neue Stelle', stellenNr: 'N1', gruppe: pay.grade, stufe: pay.step, beginn },
            ],
            deckung: cover,
            planansaetze,
          };
          const before = checkCoverage(buildModel(input)).measures[0].years;
          const after = checkCoverage(buildModel({ ...input, deckung: [...cover, extra] })).measures[0].years;
          before.forEach((y, i) => {
            expect(after[i].cover.gte(y.cover)).toBe(true);
            expect(after[i].balance.gte(y.balance)).toBe(true);
          });
        },
      ),
      RUNS,
    );
  });

  const looseDate = fc.option(dateArb, { nil: undefined });
  const looseMassnahme: fc.Arbitrary<MassnahmeInput> = fc.record({
    nr: fc.constantFrom('M1', 'M2', 'M3', 'M4'),
    art: fc.constantFrom(...MASSNAHME_ARTEN),
    stellenNr: fc.constantFrom(...POSITIONS, 'N1', 'N2', ''),
    gruppe: fc.option(fc.constantFrom('E9b', 'e 15 ü', 'E 15Ü', 'A 11', 'E99', 'S12', ''), {
      nil: undefined,
    }),
    stufe: fc.option(fc.integer({ min: 0, max: 9 }), { nil: undefined }),
    anteil: fc.option(
      fc.integer({ min: -500, max: 2000 }).map((n) => new X(n).div(1000).toString()),
      {
        nil: undefined,
      },
    ),
    beginn: looseDate,
    ende: looseDate,
    terminOffen: fc.boolean(),
    planansatz: fc.option(fc.integer({ min: -200000, max: 200000 }), { nil: undefined }),
    haushaltsstelle: fc.constantFrom(...LINES, ''),
    szenario: fc.constantFrom('Basis', 'Variante A', 'Variante B'),
    status: fc.constantFrom(...MASSNAHME_STATUS),
  });
  const looseDeckung: fc.Arbitrary<DeckungInput> = fc.record({
    massnahmeNr: fc.constantFrom('M1', 'M2', 'M3', 'M4', 'M9'),
    art: fc.constantFrom(...DECKUNG_ARTEN),
    quelle: fc.constantFrom('', 'Gewerbesteuer', 'Gebühren'),
    stellenNr: fc.constantFrom(...POSITIONS, 'P9', ''),
    haushaltsstelle: fc.constantFrom(...LINES, 'L9', ''),
    betrag: fc.option(fc.integer({ min: -100000, max: 300000 }), { nil: undefined }),
    beginn: looseDate,
    ende: looseDate,
  });
  const looseStelle: fc.Arbitrary<StelleInput> = fc.record({
    nr: fc.constantFrom(...POSITIONS),
    gruppe: fc.constantFrom('E9b', 'E 10', 'A 11', 'E99', 'E15Ü', ''),
    stufe: fc.integer({ min: 0, max: 9 }),
    anteil: fc.integer({ min: -500, max: 2000 }).map((n) => new X(n).div(1000).toString()),
    besetzt: fc.boolean(),
    vermerk: fc.constantFrom('' as const, 'kw' as const, 'ku' as const),
    beginn: looseDate,
    ende: looseDate,
    haushaltsstelle: fc.constantFrom(...LINES, ''),
  });
  const loosePlanansatz: fc.Arbitrary<PlanansatzInput> = fc.record({
    haushaltsstelle: fc.constantFrom(...LINES, 'L3'),
    jahr: fc.integer({ min: 2025, max: 2034 }),
    ansatz: fc.integer({ min: -1000, max: 500000 }),
    geschuetzt: fc.boolean(),
    art: fc.option(
      fc.constantFrom(
        'Personalaufwand' as const,
        'Sachaufwand' as const,
        'Ertrag' as const,
        'Investition' as const,
      ),
      {
        nil: undefined,
      },
    ),
  });
  const looseModel: fc.Arbitrary<ModelInput> = fc.record({
    stellen: fc.array(looseStelle, { maxLength: 5 }),
    massnahmen: fc.array(looseMassnahme, { maxLength: 5 }),
    deckung: fc.array(looseDeckung, { maxLength: 6 }),
    planansaetze: fc.array(loosePlanansatz, { maxLength: 6 }),
    parameter: fc.record({
      erstesPlanjahr: fc.integer({ min: 2025, max: 2030 }),
      anzahlPlanjahre: fc.integer({ min: 1, max: 8 }),
    }),
  });

  it('never throws for random inputs and always answers completely', () => {
    const codes = Object.keys(FINDING_CODES);
    fc.assert(
      fc.property(
        looseModel,
        fc.constantFrom(undefined, 'Basis', 'Variante A', 'Unbekannt'),
        (input, scenario) => {
          const result = checkCoverage(buildModel(input), { scenario });
          const years = input.parameter!.anzahlPlanjahre!;
          expect(result.years).toHaveLength(years);
          for (const m of result.measures) {
            expect(m.years).toHaveLength(years);
            for (const y of [...m.cost, ...m.cover.flatMap((c) => c.years)]) {
              expect(toAmountString(y.amount)).toMatch(/^-?\d+\.\d{2}$/);
              expect(typeof y.explanation.summary).toBe('string');
            }
            for (const y of m.years) expect(y.balance.eq(y.cover.minus(y.cost))).toBe(true);
          }
          for (const s of result.scenarios) expect(s.totals).toHaveLength(years);
          for (const p of result.positions)
            for (const y of p.years) expect(y.amount.isNegative()).toBe(false);
          for (const f of result.findings) {
            expect(codes).toContain(f.code);
            expect(f.message).not.toBe('');
          }
        },
      ),
      RUNS,
    );
  });
});
