/**
 * Coverage rules v2 (DESIGN.md "Coverage rules v2 — one ledger of money per scenario"), each with amounts
 * computed by hand. Default parameters: factor (12 + 0,85) × (1 + 0,2115 + 0,08) = 16,595775; plan years
 * 2027–2031, +3 % a year; TVöD 2026 = 2025 × 1,028 to the cent:
 *   E10/1 4.124,53 €/month → 68.449,77 · 70.503,27 · 72.618,36 · 74.796,91 · 77.040,82 € a year
 *   E9b/3 4.203,56 €/month → 69.761,34 · 71.854,18 · 74.009,80 · 76.230,10 · 78.517,00 €
 *   E5/3  3.449,05 €/month → 57.239,66 · 58.956,85 · 60.725,55 · 62.547,32 · 64.423,74 €
 *   E5/1  3.124,08 €/month → 51.846,53 · 53.401,92 · 55.003,98 · 56.654,10 · 58.353,72 €
 *   E8/1  3.486,40 €/month → 57.859,51 · 59.595,30 · 61.383,15 · 63.224,65 · 65.121,39 €
 */
import { checkCoverage, verdictOf, yearVerdict, type CheckResult } from '../../../src/domain';
import {
  buildModel,
  funded,
  newPosition,
  type DeckungInput,
  type MassnahmeInput,
  type ModelInput,
  type StelleInput,
} from '../../support/fixtures';
import { findingsOf } from './support';
import { stellenplanView } from '../../../src/domain/stellenplan';

const check = (input: ModelInput, scenario?: string) =>
  checkCoverage(buildModel(funded(input)), { scenario });
const plain = (input: ModelInput) => checkCoverage(buildModel(input));
const of = (r: CheckResult, nr: string) => r.measures.find((m) => m.massnahme.nr === nr)!;
const covers = (r: CheckResult, nr: string) => of(r, nr).years.map((y) => y.cover.toFixed(2));
const costs = (r: CheckResult, nr: string) => of(r, nr).years.map((y) => y.cost.toFixed(2));

const E10_1 = ['68449.77', '70503.27', '72618.36', '74796.91', '77040.82'];
const E5_3 = ['57239.66', '58956.85', '60725.55', '62547.32', '64423.74'];
const E5_1 = ['51846.53', '53401.92', '55003.98', '56654.10', '58353.72'];

const position = (nr: string, extra: Partial<StelleInput> = {}): StelleInput => ({
  nr,
  gruppe: 'E5',
  stufe: 3,
  besetzt: false,
  ...extra,
});
const newE5 = newPosition;
const cover = (m: string, nr: string, extra: Partial<DeckungInput> = {}): DeckungInput => ({
  massnahmeNr: m,
  art: 'Nichtbesetzung',
  stellenNr: nr,
  quelle: `Stelle ${nr}`,
  ...extra,
});

describe('one ledger per scenario: the same money is given once', () => {
  it('a position used as cover and cut by another measure counts once; the cut is COVER_OVERUSED', () => {
    // Given the Bauhof position B1 (E5/3, 57.239,66 € in 2027) as cover for M1 and cut by M2
    const result = check({
      stellen: [position('B1')],
      massnahmen: [newE5('M1'), { nr: 'M2', art: 'Stelle streichen', stellenNr: 'B1', beginn: '2027-01-01' }],
      deckung: [cover('M1', 'B1')],
    });
    // Then M1's cover is the position's cost; M2 (the second use) saves nothing
    expect(covers(result, 'M1')).toEqual(E5_3);
    expect(costs(result, 'M2')).toEqual(['0.00', '0.00', '0.00', '0.00', '0.00']);
    const found = findingsOf(result, 'COVER_OVERUSED');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      severity: 'error',
      measure: 'M2',
      ref: { table: 'Massnahmen', row: 1, field: 'stellenNr' },
    });
    expect(found[0].message).toContain('Maßnahme M1');
    // and the scenario counts 57.239,66 € once: cost 51.846,53 (M1) + 0 (M2), cover 57.239,66
    const basis = result.scenarios[0].totals[0];
    expect([basis.cost.toFixed(2), basis.cover.toFixed(2), basis.balance.toFixed(2)]).toEqual([
      '51846.53',
      '57239.66',
      '5393.13',
    ]);
  });

  it('when the cut comes first in the sheet, the cover row is the second use and counts nothing', () => {
    const result = check({
      stellen: [position('B1')],
      massnahmen: [{ nr: 'M0', art: 'Stelle streichen', stellenNr: 'B1', beginn: '2027-01-01' }, newE5('M1')],
      deckung: [cover('M1', 'B1')],
    });
    expect(costs(result, 'M0')).toEqual(E5_3.map((x) => `-${x}`));
    expect(covers(result, 'M1')).toEqual(['0.00', '0.00', '0.00', '0.00', '0.00']);
    const [f] = findingsOf(result, 'COVER_OVERUSED');
    expect(f).toMatchObject({ measure: 'M1', ref: { table: 'Deckung', row: 0, field: 'stellenNr' } });
    expect(f.message).toContain('Maßnahme M0, Stelle streichen');
    expect(of(result, 'M1').covered).toBe(false);
    expect(of(result, 'M1').years.every((y) => y.covered === false)).toBe(true);
  });

  it('a share reduced by one measure leaves the rest of the position for cover, not all of it', () => {
    // P1 (E10/1) reduced to 0,5 by M1 releases half; M2 takes the whole position as cover: overlap
    const result = check({
      stellen: [position('P1', { gruppe: 'E10', stufe: 1 })],
      massnahmen: [
        { nr: 'M1', art: 'Stellenanteil ändern', stellenNr: 'P1', anteil: '0.5', beginn: '2027-01-01' },
        newE5('M2'),
      ],
      deckung: [cover('M2', 'P1')],
    });
    expect(costs(result, 'M1')[0]).toBe('-34224.88'); // 34.224,89 (half) − 68.449,77 (whole)
    expect(covers(result, 'M2')).toEqual(['0.00', '0.00', '0.00', '0.00', '0.00']);
    expect(findingsOf(result, 'COVER_OVERUSED').map((f) => f.measure)).toEqual(['M2']);
  });

  it('self-cover: a measure cannot be covered by the position it changes', () => {
    // Höhergruppierung of P1 (E9b/3 → E10/3) covered by not refilling P1 itself
    const result = check({
      stellen: [position('P1', { gruppe: 'E9b', stufe: 3 })],
      massnahmen: [
        { nr: 'M1', art: 'Höhergruppierung', stellenNr: 'P1', gruppe: 'E10', beginn: '2027-01-01' },
      ],
      deckung: [cover('M1', 'P1')],
    });
    const [f] = findingsOf(result, 'COVER_INADMISSIBLE');
    expect(f).toMatchObject({
      severity: 'error',
      measure: 'M1',
      ref: { table: 'Deckung', row: 0, field: 'stellenNr' },
    });
    expect(covers(result, 'M1')).toEqual(['0.00', '0.00', '0.00', '0.00', '0.00']);
    expect(verdictOf(of(result, 'M1'))).toBe('nicht gedeckt');
  });
});

describe('vacancy: an occupied position gives money only from the day it falls vacant', () => {
  it('kw 31.12.2028 inside the horizon: nothing in 2027–2028, the full cost from 2029', () => {
    const result = check({
      stellen: [
        position('P1', {
          gruppe: 'E10',
          stufe: 1,
          besetzt: true,
          vermerk: 'kw',
          vermerkText: 'kw 31.12.2028',
        }),
      ],
      massnahmen: [newE5('M1')],
      deckung: [cover('M1', 'P1', { art: 'Stellenwegfall' })],
    });
    expect(covers(result, 'M1')).toEqual(['0.00', '0.00', ...E10_1.slice(2)]);
    expect(findingsOf(result, 'COVER_OCCUPIED')).toEqual([]);
    // the years before the vacancy are short: 51.846,53 € and 53.401,92 €
    expect(findingsOf(result, 'COVER_SHORTFALL')[0].message).toContain(
      '2027 fehlen 51.846,53 €, 2028 fehlen 53.401,92 €',
    );
    // the verdict is per year: short before the vacancy, covered after it
    expect(of(result, 'M1').years.map((y) => y.covered)).toEqual([false, false, true, true, true]);
    expect(of(result, 'M1').covered).toBe(false);
  });

  it('Frei ab 16.09.2027: pro rata by days (15/30 of September + 3 months), full years after', () => {
    const result = check({
      stellen: [position('P1', { gruppe: 'E10', stufe: 1, besetzt: true, freiAb: '2027-09-16' })],
      massnahmen: [newE5('M1')],
      deckung: [cover('M1', 'P1')],
    });
    // 4.124,53 × 16,595775 × 3,5 / 12 = 19.964,516… → 19.964,52 €
    expect(covers(result, 'M1')).toEqual(['19964.52', ...E10_1.slice(1)]);
  });

  it('occupied with neither Frei ab nor a kw date: releases nothing, COVER_OCCUPIED error with the reason', () => {
    const result = check({
      stellen: [position('P1', { besetzt: true, vermerk: 'kw', vermerkText: 'kw' })],
      massnahmen: [newE5('M1'), { nr: 'M2', art: 'Stelle streichen', stellenNr: 'P1' }],
      deckung: [cover('M1', 'P1', { art: 'Stellenwegfall' })],
    });
    expect(covers(result, 'M1')).toEqual(['0.00', '0.00', '0.00', '0.00', '0.00']);
    expect(costs(result, 'M2')).toEqual(['0.00', '0.00', '0.00', '0.00', '0.00']);
    const found = findingsOf(result, 'COVER_OCCUPIED');
    expect(found.map((f) => `${f.severity} ${f.measure}`).sort()).toEqual(['error M1', 'error M2']);
    expect(found.find((f) => f.measure === 'M1')!.message).toContain('„kw“ nennt kein Datum');
  });

  it('ku E8: a position refilled one grade lower releases only the difference', () => {
    // E10/1 − E8/1 in 2027: 68.449,77 − 57.859,51 = 10.590,26 €
    const result = check({
      stellen: [position('P1', { gruppe: 'E10', stufe: 1, vermerk: 'ku', vermerkText: 'ku E8' })],
      massnahmen: [newE5('M1'), newE5('M2')],
      deckung: [cover('M1', 'P1')],
    });
    expect(covers(result, 'M1')).toEqual(['10590.26', '10907.97', '11235.21', '11572.26', '11919.43']);
  });
});

describe('only budgeted money: a position releases at most what its budget line holds for it', () => {
  const lines = (hst: string, ansatz: number, years = [2027, 2028, 2029, 2030, 2031]) =>
    years.map((jahr) => ({ haushaltsstelle: hst, jahr, ansatz, art: 'Personalaufwand' as const }));

  it('caps the release at the Ansatz minus the cost of the line’s other positions', () => {
    // Line L: Ansatz 100.000 €; P2 (E5/1) costs 51.846,53 € → room for P1 = 48.153,47 € (< 68.449,77 €)
    const result = plain({
      stellen: [
        position('P1', { gruppe: 'E10', stufe: 1, haushaltsstelle: 'L' }),
        position('P2', { gruppe: 'E5', stufe: 1, haushaltsstelle: 'L', besetzt: true }),
      ],
      massnahmen: [newE5('M1')],
      deckung: [cover('M1', 'P1')],
      planansaetze: lines('L', 100000),
    });
    // 2028: 100.000 − 53.401,92 = 46.598,08; 2029: 44.996,02; 2030: 43.345,90; 2031: 41.646,28
    expect(covers(result, 'M1')).toEqual(['48153.47', '46598.08', '44996.02', '43345.90', '41646.28']);
    const [f] = findingsOf(result, 'COVER_UNFUNDED');
    expect(f).toMatchObject({ severity: 'warning', ref: { table: 'Deckung', row: 0, field: 'stellenNr' } });
    expect(f.message).toContain('48.153,47 €');
    // short by 51.846,53 − 48.153,47 = 3.693,06 € in 2027
    expect(findingsOf(result, 'COVER_SHORTFALL')[0].message).toContain('2027 fehlen 3.693,06 €');
  });

  it('a position whose line has no Ansatz in a year releases nothing then: COVER_UNFUNDED naming position and line', () => {
    const result = plain({
      stellen: [position('P1', { haushaltsstelle: 'L' })],
      massnahmen: [newE5('M1')],
      deckung: [cover('M1', 'P1')],
      planansaetze: lines('L', 200000, [2027]),
    });
    expect(covers(result, 'M1')).toEqual([E5_3[0], '0.00', '0.00', '0.00', '0.00']);
    const [f] = findingsOf(result, 'COVER_UNFUNDED');
    expect(f).toMatchObject({
      severity: 'error',
      measure: 'M1',
      ref: { table: 'Deckung', row: 0, field: 'stellenNr' },
    });
    expect(f.message).toContain('Stelle P1');
    expect(f.message).toContain('Haushaltsstelle L');
    expect(f.message).toContain('2028, 2029, 2030, 2031');
  });

  it('a position without any budget line gives nothing (the 88.945,06 € case of the issue)', () => {
    const result = plain({
      stellen: [position('P1', { gruppe: 'E10', stufe: 1 })],
      massnahmen: [newE5('M1')],
      deckung: [cover('M1', 'P1')],
    });
    expect(covers(result, 'M1')).toEqual(['0.00', '0.00', '0.00', '0.00', '0.00']);
    expect(findingsOf(result, 'COVER_UNFUNDED')[0].severity).toBe('error');
    expect(of(result, 'M1').covered).toBe(false);
  });
});

describe('Förderung: third-party funding covers its Quote of the cost during its term', () => {
  // M1: new E9b/3 position 01.01.2027–31.12.2028 (69.761,34 € / 71.854,18 €)
  const m1: MassnahmeInput = { ...newE5('M1', { gruppe: 'E9b', stufe: 3, ende: '2028-12-31' }) };
  const rest: DeckungInput = { massnahmeNr: 'M1', art: 'Mehrertrag', quelle: 'Gebühren', betrag: 20000 };

  it('a Quote of 0,75 for the whole term covers 75 % of the cost each year', () => {
    const result = check({
      massnahmen: [m1],
      deckung: [{ massnahmeNr: 'M1', art: 'Förderung', quelle: 'Digitalpakt', quote: '0.75' }, rest],
    });
    // 69.761,34 × 0,75 = 52.321,005 → 52.321,01; 71.854,18 × 0,75 = 53.890,635 → 53.890,64
    expect(of(result, 'M1').cover[0].years.map((y) => y.amount.toFixed(2))).toEqual([
      '52321.01',
      '53890.64',
      '0.00',
      '0.00',
      '0.00',
    ]);
    expect(of(result, 'M1').covered).toBe(true);
    expect(findingsOf(result, 'COVER_PERIOD')).toEqual([]);
  });

  it('funding that ends before the measure is COVER_PERIOD, and the later year is short', () => {
    const result = check({
      massnahmen: [m1],
      deckung: [
        { massnahmeNr: 'M1', art: 'Förderung', quelle: 'Digitalpakt', quote: '0.75', ende: '2027-12-31' },
        rest,
      ],
    });
    expect(covers(result, 'M1').slice(0, 2)).toEqual(['72321.01', '20000.00']);
    const [f] = findingsOf(result, 'COVER_PERIOD');
    expect(f).toMatchObject({ measure: 'M1', ref: { table: 'Deckung', row: 0, field: 'ende' } });
    expect(f.message).toContain('31.12.2027');
    expect(of(result, 'M1').years.map((y) => y.covered)).toEqual([true, false, true, true, true]);
  });

  it('a Betrag caps the Quote; a Betrag alone is €/year pro rata', () => {
    const result = check({
      massnahmen: [m1],
      deckung: [{ massnahmeNr: 'M1', art: 'Förderung', quelle: 'Land', quote: '0.75', betrag: 50000 }, rest],
    });
    expect(
      of(result, 'M1')
        .cover[0].years.map((y) => y.amount.toFixed(2))
        .slice(0, 2),
    ).toEqual(['50000.00', '50000.00']);
  });
});

describe('verdict per year, decided once', () => {
  it('years[].covered and the measure verdict agree; Termin offen is its own verdict', () => {
    const result = check({
      stellen: [position('P1', { gruppe: 'E10', stufe: 1 })],
      massnahmen: [
        newE5('M1'),
        { nr: 'M2', art: 'Umsetzung', stellenNr: 'P1', terminOffen: true },
        newE5('M3', { ende: '2027-12-31' }),
      ],
      deckung: [cover('M1', 'P1', { ende: '2028-12-31' })],
    });
    expect(of(result, 'M1').years.map((y) => y.covered)).toEqual([true, true, false, false, false]);
    expect(verdictOf(of(result, 'M1'))).toBe('nicht gedeckt');
    expect(yearVerdict(of(result, 'M1').massnahme, of(result, 'M1').years[0])).toBe('gedeckt');
    expect(verdictOf(of(result, 'M2'))).toBe('Termin offen');
    expect(verdictOf(of(result, 'M3'))).toBe('nicht gedeckt');
    for (const m of result.measures) expect(m.covered).toBe(m.years.every((y) => y.covered));
  });
});

describe('scenario names compare like Status', () => {
  it('"basis" is Basis, and "variante  a" is the same variant as "Variante A"', () => {
    const result = check({
      stellen: [position('P1', { gruppe: 'E10', stufe: 1 })],
      massnahmen: [
        newE5('M1', { szenario: 'basis' }),
        newE5('M2', { szenario: 'Variante A' }),
        newE5('M3', { szenario: ' variante  a ' }),
      ],
      deckung: [cover('M1', 'P1')],
    });
    expect(result.scenarios.map((s) => s.name)).toEqual(['Basis', 'Variante A']);
    expect(result.scenarios[0].measures.map((m) => m.massnahme.nr)).toEqual(['M1']);
    expect(result.scenarios[1].measures.map((m) => m.massnahme.nr)).toEqual(['M1', 'M2', 'M3']);
    expect(
      checkCoverage(buildModel(funded({ massnahmen: [newE5('M2', { szenario: 'Variante A' })] })), {
        scenario: 'VARIANTE A',
      }).scenarios.map((s) => s.name),
    ).toEqual(['Variante A']);
  });
});

describe('E5/1 reference figures', () => {
  it('the new E5/1 position costs what the header says', () => {
    expect(costs(check({ massnahmen: [newE5('M1')] }), 'M1')).toEqual(E5_1);
  });
});

describe('the Stellenplan paper follows the vacancy date', () => {
  it('a cut occupied position stays in the plan until the year its kw date ends', () => {
    const result = check({
      stellen: [
        position('P1', { besetzt: true, vermerk: 'kw', vermerkText: 'kw 31.12.2028' }),
        position('P2'),
      ],
      massnahmen: [{ nr: 'M1', art: 'Stelle streichen', stellenNr: 'P1', beginn: '2027-01-01' }],
    });
    const listed = (year: number) =>
      stellenplanView(result, { scenario: 'Basis', year }).groups.flatMap((g) => g.positions);
    expect(listed(2027)).toEqual(['P1', 'P2']);
    expect(listed(2028)).toEqual(['P1', 'P2']);
    expect(listed(2029)).toEqual(['P2']);
    // and the money follows the same date: the cut saves from 01.01.2029 (E5/3: 60.725,55 €)
    expect(costs(result, 'M1')).toEqual(['0.00', '0.00', '-60725.55', '-62547.32', '-64423.74']);
  });
});
