/**
 * Property tests (fast-check) of coverage rules v2: the ledger never counts money twice, cover grows
 * with the budget, and every place that says "gedeckt" says it from the same verdict.
 */
import fc from 'fast-check';
import {
  MASSNAHME_ARTEN,
  checkCoverage,
  verdictOf,
  type CheckResult,
  type MeasureYear,
} from '../../../src/domain';
import { beschlussvorlage } from '../../../src/domain/vorlage';
import { checkJson, checkText } from '../../../src/cli/output';
import type { ReadResult } from '../../../src/workbook/read';
import {
  buildModel,
  type DeckungInput,
  type MassnahmeInput,
  type ModelInput,
  type StelleInput,
} from '../../support/fixtures';

const RUNS = { seed: 20271231, numRuns: 150 };
const YEARS = [2027, 2028, 2029, 2030, 2031];
const CENT = 0.01;

const DAY0 = Date.UTC(2026, 0, 1);
const dateArb = fc
  .integer({ min: 0, max: (Date.UTC(2032, 11, 31) - DAY0) / 86_400_000 })
  .map((d) => new Date(DAY0 + d * 86_400_000).toISOString().slice(0, 10));
const maybeDate = fc.option(dateArb, { nil: undefined });

const positionArb = (nr: string): fc.Arbitrary<StelleInput> =>
  fc.record({
    nr: fc.constant(nr),
    gruppe: fc.constantFrom('E5', 'E9b', 'E10', 'E13'),
    stufe: fc.integer({ min: 1, max: 5 }),
    besetzt: fc.boolean(),
    vermerk: fc.constantFrom('' as const, 'kw' as const),
    vermerkText: fc.constantFrom('', 'kw 31.12.2027', 'kw'),
    freiAb: maybeDate,
    beginn: maybeDate,
    ende: maybeDate,
    haushaltsstelle: fc.constantFrom('L', 'L', 'L', 'X', ''),
  });

const totals = (r: CheckResult): MeasureYear[] => r.scenarios.find((s) => s.name === 'Basis')!.totals;
const lineRows = (ansatz: number) =>
  YEARS.map((jahr) => ({ haushaltsstelle: 'L', jahr, ansatz, art: 'Personalaufwand' as const }));

describe('the ledger never counts the same money twice', () => {
  it('a second use of a position (cover row or a cut) never raises the scenario balance above one use', () => {
    fc.assert(
      fc.property(
        positionArb('P'),
        dateArb,
        fc.constantFrom<'cover' | 'cut'>('cover', 'cut'),
        fc.integer({ min: 0, max: 400000 }),
        (p, beginn, second, ansatz) => {
          const measures: MassnahmeInput[] = [
            { nr: 'M1', art: 'Neue Stelle', stellenNr: 'N1', gruppe: 'E9b', stufe: 3, beginn },
            { nr: 'M2', art: 'Neue Stelle', stellenNr: 'N2', gruppe: 'E5', stufe: 1, beginn },
          ];
          const use1: DeckungInput = { massnahmeNr: 'M1', art: 'Stellenwegfall', stellenNr: 'P' };
          const use2: ModelInput =
            second === 'cover'
              ? { deckung: [{ massnahmeNr: 'M2', art: 'Stellenwegfall', stellenNr: 'P' }] }
              : { massnahmen: [{ nr: 'M3', art: 'Stelle streichen', stellenNr: 'P', beginn }] };
          const base = { stellen: [p], planansaetze: lineRows(ansatz) };
          const model = (first: boolean, other: boolean) =>
            checkCoverage(
              buildModel({
                ...base,
                massnahmen: [...measures, ...(other ? (use2.massnahmen ?? []) : [])],
                deckung: [...(first ? [use1] : []), ...(other ? (use2.deckung ?? []) : [])],
              }),
            );
          const [one, two, both] = [model(true, false), model(false, true), model(true, true)];
          totals(both).forEach((y, i) => {
            const best = Math.max(totals(one)[i].balance.toNumber(), totals(two)[i].balance.toNumber());
            expect(y.balance.toNumber()).toBeLessThanOrEqual(best + CENT);
          });
        },
      ),
      RUNS,
    );
  });

  it('cover is monotone in a budget line’s Ansatz', () => {
    fc.assert(
      fc.property(
        fc.tuple(positionArb('P1'), positionArb('P2')),
        dateArb,
        fc.integer({ min: 0, max: 300000 }),
        fc.integer({ min: 0, max: 300000 }),
        fc.constantFrom('Nichtbesetzung' as const, 'Stellenwegfall' as const),
        (stellen, beginn, ansatz, more, art) => {
          const input = (a: number): ModelInput => ({
            stellen,
            massnahmen: [
              { nr: 'M1', art: 'Neue Stelle', stellenNr: 'N1', gruppe: 'E9b', stufe: 3, beginn },
              { nr: 'M2', art: 'Neue Stelle', stellenNr: 'N2', gruppe: 'E5', stufe: 1, beginn },
            ],
            deckung: [
              { massnahmeNr: 'M1', art, stellenNr: 'P1' },
              { massnahmeNr: 'M2', art, stellenNr: 'P2' },
              { massnahmeNr: 'M2', art: 'Minderaufwand', haushaltsstelle: 'L', betrag: 20000 },
            ],
            planansaetze: lineRows(a),
          });
          const low = checkCoverage(buildModel(input(ansatz)));
          const high = checkCoverage(buildModel(input(ansatz + more)));
          low.measures.forEach((m, k) =>
            m.years.forEach((y, i) => expect(high.measures[k].years[i].cover.gte(y.cover)).toBe(true)),
          );
        },
      ),
      RUNS,
    );
  });
});

describe('one verdict everywhere', () => {
  const measureArb: fc.Arbitrary<MassnahmeInput> = fc.record({
    nr: fc.constantFrom('M1', 'M2', 'M3'),
    art: fc.constantFrom(...MASSNAHME_ARTEN),
    stellenNr: fc.constantFrom('P1', 'P2', 'N1'),
    gruppe: fc.constantFrom('E9b', 'E11', 'E5'),
    stufe: fc.integer({ min: 1, max: 4 }),
    beginn: maybeDate,
    ende: maybeDate,
    terminOffen: fc.boolean(),
    planansatz: fc.option(fc.integer({ min: 1, max: 100000 }), { nil: undefined }),
    szenario: fc.constantFrom('Basis', 'basis', 'Variante A'),
  });
  const coverArb: fc.Arbitrary<DeckungInput> = fc.record({
    massnahmeNr: fc.constantFrom('M1', 'M2', 'M3'),
    art: fc.constantFrom('Nichtbesetzung' as const, 'Mehrertrag' as const, 'Förderung' as const),
    stellenNr: fc.constantFrom('P1', 'P2'),
    betrag: fc.option(fc.integer({ min: 0, max: 90000 }), { nil: undefined }),
    quote: fc.option(fc.constantFrom('0.5', '1'), { nil: undefined }),
    ende: maybeDate,
  });

  it('CLI text, CLI JSON and the Beschlussvorlage say what verdictOf says', () => {
    fc.assert(
      fc.property(
        fc.tuple(positionArb('P1'), positionArb('P2')),
        fc.uniqueArray(measureArb, { selector: (m) => m.nr, maxLength: 3 }),
        fc.array(coverArb, { maxLength: 4 }),
        fc.integer({ min: 0, max: 300000 }),
        (stellen, massnahmen, deckung, ansatz) => {
          const model = buildModel({ stellen, massnahmen, deckung, planansaetze: lineRows(ansatz) });
          const result = checkCoverage(model);
          const read = { model, locate: () => undefined } as unknown as ReadResult;
          const text = checkText(read, result, result.findings, 'de');
          const json = checkJson(read, result, result.findings, 'de') as {
            measures: { id: string; covered: boolean; years: { covered: boolean }[] }[];
          };
          for (const m of result.measures) {
            const verdict = verdictOf(m);
            const label = {
              gedeckt: '(gedeckt)',
              'nicht gedeckt': '(NICHT gedeckt)',
              'Termin offen': '(Termin offen)',
            };
            expect(text).toContain(`${m.massnahme.nr} ${label[verdict]}`);
            const j = json.measures.find((x) => x.id === m.massnahme.nr)!;
            expect(j.covered).toBe(j.years.every((y) => y.covered));
            expect(j.covered && !m.massnahme.terminOffen).toBe(verdict === 'gedeckt');
            const vorlage = beschlussvorlage(result, m.massnahme.nr, { stand: '01.12.2026', checksum: 'X' });
            expect(vorlage.includes('Die Maßnahme ist in allen Planjahren gedeckt.')).toBe(
              verdict === 'gedeckt',
            );
          }
        },
      ),
      { ...RUNS, numRuns: 100 },
    );
  });
});
