/**
 * One test (or a small group) per finding code, each with the rule behind it (DESIGN.md "Coverage rules"),
 * asserting code, severity, measure and the cell reference (table, row, field).
 * BUDGET_SHORTFALL and COVER_INADMISSIBLE are covered in budget-admissibility.test.ts.
 */
import { FINDING_CODES, checkCoverage, dec, type Finding } from '../../../src/domain';
import {
  buildModel,
  funded,
  newPosition,
  type DeckungInput,
  type MassnahmeInput,
  type ModelInput,
  type StelleInput,
} from '../../support/fixtures';
import { TVOED_2025, amount, euroDe, expectedLine, findingsOf, tvoed2026 } from './support';

const check = (input: ModelInput) => checkCoverage(buildModel(funded(input)));

const E5_1 = tvoed2026(TVOED_2025.E5_1).toString(); // 3124.08 €/month
const E9B_3 = tvoed2026(TVOED_2025.E9b_3).toString(); // 4203.56 €/month
const E10_1 = tvoed2026(TVOED_2025.E10_1).toString(); // 4124.53 €/month
const YEARS = [2027, 2028, 2029, 2030, 2031];

/** An unoccupied E10/1 position (68.449,77 € in 2027): enough to cover one new E5/1 position. */
const free = (nr = 'P1', extra: Partial<StelleInput> = {}): StelleInput => ({
  nr,
  gruppe: 'E10',
  stufe: 1,
  besetzt: false,
  bezeichnung: `Freie Stelle ${nr}`,
  ...extra,
});

const fromPosition = (
  massnahmeNr: string,
  stellenNr = 'P1',
  extra: Partial<DeckungInput> = {},
): DeckungInput => ({
  massnahmeNr,
  art: 'Nichtbesetzung',
  stellenNr,
  quelle: `Nichtbesetzung ${stellenNr}`,
  ...extra,
});

const only = (found: Finding[]): Finding => {
  expect(found).toHaveLength(1);
  return found[0];
};

describe('COVER_MISSING: a measure that costs money needs a cover proposal', () => {
  it('reports a new position without any cover row as an error on the measure number', () => {
    // Given a new position from 2027 and no cover row
    const result = check({ massnahmen: [newPosition('M1')] });
    // When it is checked, then COVER_MISSING points at Massnahmen row 0, column Maßnahme-Nr.
    const f = only(findingsOf(result, 'COVER_MISSING'));
    expect(f).toMatchObject({
      severity: 'error',
      measure: 'M1',
      scenario: 'Basis',
      ref: { table: 'Massnahmen', row: 0, field: 'nr' },
    });
    expect(f.message).toContain(euroDe(expectedLine({ monthly: E5_1, year: 2027 })));
    expect(result.measures[0].covered).toBe(false);
    // and no COVER_SHORTFALL on top of it
    expect(findingsOf(result, 'COVER_SHORTFALL')).toHaveLength(0);
  });

  it('does not ask for cover when a measure costs nothing or saves money', () => {
    // Given a transfer (cost-neutral) and a position that is dropped (negative cost), both without cover
    const result = check({
      stellen: [free('P1'), free('P2')],
      massnahmen: [
        { nr: 'U1', art: 'Umsetzung', stellenNr: 'P1', oe: 'FB2' },
        { nr: 'S1', art: 'Stelle streichen', stellenNr: 'P2', beginn: '2028-01-01' },
      ],
    });
    // Then neither needs a cover proposal
    expect(findingsOf(result, 'COVER_MISSING')).toHaveLength(0);
    expect(result.measures.map((m) => m.covered)).toEqual([true, true]);
  });
});

describe('COVER_SHORTFALL: the cover must reach the cost in every plan year', () => {
  it('reports each year in which the cover is smaller than the cost', () => {
    // Given a new E9b/3 position covered by an unoccupied E10/1 position (cheaper)
    const result = check({
      stellen: [free('P1')],
      massnahmen: [newPosition('M1', { gruppe: 'E9b', stufe: 3 })],
      deckung: [fromPosition('M1')],
    });
    // Then the measure is short in every year by the difference of the two costs
    const f = only(findingsOf(result, 'COVER_SHORTFALL'));
    expect(f).toMatchObject({
      severity: 'error',
      measure: 'M1',
      ref: { table: 'Massnahmen', row: 0, field: 'nr' },
    });
    // 2027: 69.761,34 − 68.449,77 = 1.311,57 €
    const gap2027 = expectedLine({ monthly: E9B_3, year: 2027 }).minus(
      expectedLine({ monthly: E10_1, year: 2027 }),
    );
    expect(gap2027.toFixed(2)).toBe('1311.57');
    expect(f.message).toContain(`2027 fehlen ${euroDe(gap2027)}`);
    expect(result.measures[0].years.map((y) => amount(y.balance))).toEqual(
      YEARS.map((year) =>
        expectedLine({ monthly: E10_1, year })
          .minus(expectedLine({ monthly: E9B_3, year }))
          .toFixed(2),
      ),
    );
    expect(result.measures[0].covered).toBe(false);
  });

  it('is silent when the cover reaches the cost', () => {
    // Given the cheaper E5/1 position covered by the same E10/1 position
    const result = check({
      stellen: [free('P1')],
      massnahmen: [newPosition('M1')],
      deckung: [fromPosition('M1')],
    });
    expect(findingsOf(result, 'COVER_SHORTFALL')).toHaveLength(0);
    expect(result.measures[0].covered).toBe(true);
  });
});

describe('COVER_OVERUSED: a source cannot release more than it has (judged per scenario)', () => {
  it('reports the double use of one position by two measures of the same scenario', () => {
    // Given two Basis measures that both name the unoccupied position P1 as cover
    const result = check({
      stellen: [free('P1')],
      massnahmen: [newPosition('M1'), newPosition('M2')],
      deckung: [fromPosition('M1'), fromPosition('M2')],
    });
    // Then the second claim is an error at its cover row (Deckung row 1, Stellen-Nr.)
    const f = only(findingsOf(result, 'COVER_OVERUSED'));
    expect(f).toMatchObject({
      severity: 'error',
      measure: 'M2',
      scenario: 'Basis',
      ref: { table: 'Deckung', row: 1, field: 'stellenNr' },
    });
    const byNr = new Map(result.measures.map((m) => [m.massnahme.nr, m.covered]));
    expect(byNr.get('M2')).toBe(false);
  });

  it('does not report the same double use spread over two different variant scenarios', () => {
    // Given the same two claims on P1, but each measure in its own variant
    const result = check({
      stellen: [free('P1')],
      massnahmen: [
        newPosition('V1', { szenario: 'Variante A' }),
        newPosition('V2', { szenario: 'Variante B' }),
      ],
      deckung: [fromPosition('V1'), fromPosition('V2')],
    });
    // Then no scenario contains both measures: no double use, both covered
    expect(result.scenarios.map((s) => s.name)).toEqual(['Basis', 'Variante A', 'Variante B']);
    expect(findingsOf(result, 'COVER_OVERUSED')).toHaveLength(0);
    expect(result.measures.map((m) => m.covered)).toEqual([true, true]);
  });

  it('reports the double use inside one variant with that scenario', () => {
    // Given both measures in the same variant
    const result = check({
      stellen: [free('P1')],
      massnahmen: [
        newPosition('V1', { szenario: 'Variante A' }),
        newPosition('V2', { szenario: 'Variante A' }),
      ],
      deckung: [fromPosition('V1'), fromPosition('V2')],
    });
    const f = only(findingsOf(result, 'COVER_OVERUSED'));
    expect(f).toMatchObject({ severity: 'error', measure: 'V2', scenario: 'Variante A' });
    expect(f.ref).toEqual({ table: 'Deckung', row: 1, field: 'stellenNr' });
    // the Basis scenario (no variant measures) is clean
    expect(result.scenarios[0].findings.filter((x) => x.code === 'COVER_OVERUSED')).toHaveLength(0);
  });

  it('reports a Betrag from a position that exceeds what the position costs', () => {
    // Given one cover row claiming 80.000 €/year from a position costing 68.449,77 € in 2027
    const result = check({
      stellen: [free('P1')],
      massnahmen: [newPosition('M1')],
      deckung: [fromPosition('M1', 'P1', { betrag: 80000 })],
    });
    const found = findingsOf(result, 'COVER_OVERUSED');
    expect(found.length).toBeGreaterThanOrEqual(1);
    expect(found[0]).toMatchObject({ measure: 'M1', ref: { table: 'Deckung', row: 0, field: 'stellenNr' } });
    expect(found[0].message).toContain(euroDe(expectedLine({ monthly: E10_1, year: 2027 })));
  });

  it('reports a budget line drawn beyond its Ansatz by two Minderaufwand rows', () => {
    // Given an Ansatz of 150.000 € and two measures each claiming 100.000 € from it
    const result = check({
      massnahmen: [newPosition('M1'), newPosition('M2')],
      deckung: [
        { massnahmeNr: 'M1', art: 'Minderaufwand', haushaltsstelle: '1.1.10.4430', betrag: 100000 },
        { massnahmeNr: 'M2', art: 'Minderaufwand', haushaltsstelle: '1.1.10.4430', betrag: 100000 },
      ],
      planansaetze: YEARS.map((jahr) => ({
        haushaltsstelle: '1.1.10.4430',
        jahr,
        ansatz: 150000,
        art: 'Sachaufwand' as const,
      })),
    });
    const f = only(findingsOf(result, 'COVER_OVERUSED'));
    expect(f).toMatchObject({
      severity: 'error',
      measure: 'M2',
      ref: { table: 'Deckung', row: 1, field: 'betrag' },
    });
  });

  // Regression (was a bug in coverage.ts, checkOveruse): the capacity check compares cent-rounded amounts per cover row with
  // the cent-rounded cost of the whole position. Splitting the position by period between two measures
  // (01.01.–30.06. and 01.07.–31.12.) rounds each half up: 34.224,885 → 34.224,89 twice = 68.449,78 €
  // against a position cost of 68.449,77 € → a false COVER_OVERUSED error for one cent.
  it('splitting one position by half-years between two measures is not double use', () => {
    // Given P1 (E10/1: 68.449,77 € in 2027) released to M1 for the first and to M2 for the second half of 2027
    const result = check({
      stellen: [free('P1')],
      massnahmen: [
        newPosition('M1', { ende: '2027-06-30' }),
        newPosition('M2', { beginn: '2027-07-01', ende: '2027-12-31' }),
      ],
      deckung: [fromPosition('M1'), fromPosition('M2')],
    });
    // Then no source is used twice in any month: no COVER_OVERUSED
    expect(findingsOf(result, 'COVER_OVERUSED')).toEqual([]);
  });

  // Regression (was a bug in coverage.ts, checkCoverage): a double use among Basis measures is reported twice when a variant
  // exists: once as Basis and once more "(Szenario X)", although CheckResult.findings promises each
  // finding once ("a Basis finding seen in every scenario is reported once, as Basis").
  it('reports a double use among Basis measures once, as Basis, even when variants exist', () => {
    // Given the Basis double use of P1 and an unrelated variant measure
    const result = check({
      stellen: [free('P1')],
      massnahmen: [
        newPosition('M1'),
        newPosition('M2'),
        { nr: 'V1', art: 'Sachaufwand', planansatz: 0, szenario: 'Variante A' },
      ],
      deckung: [fromPosition('M1'), fromPosition('M2')],
    });
    const found = findingsOf(result, 'COVER_OVERUSED');
    expect(found.map((f) => f.scenario)).toEqual(['Basis']);
  });

  // Regression (was a bug in coverage.ts, scenario loop): `covered = false` set for an over-used source in one scenario is written
  // into the shared MeasureResult, so a Basis measure that is fine in Basis is shown as not covered in the
  // Basis scenario (and in CheckResult.measures, "evaluated in its own scenario") because of a variant.
  it('a double use that only exists in a variant does not mark the Basis measure as uncovered in Basis', () => {
    // Given variant measure V1 listed before Basis measure B1, both claiming P1
    const result = check({
      stellen: [free('P1')],
      massnahmen: [newPosition('V1', { szenario: 'Variante A' }), newPosition('B1')],
      deckung: [fromPosition('V1'), fromPosition('B1')],
    });
    // Then Basis has no finding and B1 is covered there
    const basis = result.scenarios.find((s) => s.name === 'Basis')!;
    expect(basis.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(basis.measures.find((m) => m.massnahme.nr === 'B1')!.covered).toBe(true);
    expect(result.measures.find((m) => m.massnahme.nr === 'B1')!.covered).toBe(true);
    // while the variant does report the double use
    const variant = result.scenarios.find((s) => s.name === 'Variante A')!;
    expect(variant.findings.some((f) => f.code === 'COVER_OVERUSED')).toBe(true);
  });
});

describe('COVER_PROTECTED: a protected budget line can never be cover', () => {
  it('reports the cover row and releases nothing from it', () => {
    // Given a Minderaufwand from the protected school equipment line
    const result = check({
      massnahmen: [newPosition('M1')],
      deckung: [{ massnahmeNr: 'M1', art: 'Minderaufwand', haushaltsstelle: '2.1.40.4200', betrag: 100000 }],
      planansaetze: YEARS.map((jahr) => ({
        haushaltsstelle: '2.1.40.4200',
        bezeichnung: 'Ausstattung Schulen (IT)',
        jahr,
        ansatz: 850000,
        geschuetzt: true,
        art: 'Sachaufwand' as const,
      })),
    });
    // Then COVER_PROTECTED points at the Haushaltsstelle of Deckung row 0
    const f = only(findingsOf(result, 'COVER_PROTECTED'));
    expect(f).toMatchObject({
      severity: 'error',
      measure: 'M1',
      ref: { table: 'Deckung', row: 0, field: 'haushaltsstelle' },
    });
    // and the row counts nothing, so the measure is short and not covered
    expect(result.measures[0].years.map((y) => amount(y.cover))).toEqual(Array(5).fill('0.00'));
    expect(result.measures[0].covered).toBe(false);
  });
});

describe('COVER_OCCUPIED: cover from an occupied position', () => {
  it('is an error for Stellenwegfall of an occupied position without a vacancy date: it releases nothing', () => {
    // Given an occupied position with neither "Frei ab" nor a dated kw note (v2: who leaves, and when?)
    const result = check({
      stellen: [free('P1', { besetzt: true })],
      massnahmen: [newPosition('M1')],
      deckung: [fromPosition('M1', 'P1', { art: 'Stellenwegfall' })],
    });
    const f = only(findingsOf(result, 'COVER_OCCUPIED'));
    expect(f).toMatchObject({
      severity: 'error',
      measure: 'M1',
      ref: { table: 'Deckung', row: 0, field: 'stellenNr' },
    });
    expect(f.message).toContain('Frei ab');
    expect(result.measures[0].years.map((y) => amount(y.cover))).toEqual(Array(5).fill('0.00'));
    expect(result.measures[0].covered).toBe(false);
  });

  it.each(['Nichtbesetzung', 'Verzicht auf geplante Stelle'] as const)(
    'is an error for %s of an occupied position (it needs a vacant one)',
    (art) => {
      const result = check({
        stellen: [free('P1', { besetzt: true, vermerk: 'kw', vermerkText: 'kw' })],
        massnahmen: [newPosition('M1')],
        deckung: [fromPosition('M1', 'P1', { art })],
      });
      const f = only(findingsOf(result, 'COVER_OCCUPIED'));
      expect(f).toMatchObject({
        severity: 'error',
        measure: 'M1',
        ref: { table: 'Deckung', row: 0, field: 'stellenNr' },
      });
      expect(result.measures[0].covered).toBe(false);
    },
  );

  it('is silent for an occupied position whose kw date lies before the horizon, and for vacant positions', () => {
    const result = check({
      stellen: [free('P1', { besetzt: true, vermerk: 'kw', vermerkText: 'kw 31.12.2026' }), free('P2')],
      massnahmen: [newPosition('M1'), newPosition('M2')],
      deckung: [
        fromPosition('M1', 'P1', { art: 'Stellenwegfall' }),
        fromPosition('M2', 'P2', { art: 'Nichtbesetzung' }),
      ],
    });
    expect(findingsOf(result, 'COVER_OCCUPIED')).toHaveLength(0);
    expect(result.measures.map((m) => m.covered)).toEqual([true, true]);
  });
});

describe('COVER_PERIOD: cover that ends before the measure leaves later years uncovered', () => {
  it('warns at the end date of a cover row that stops before an open-ended measure', () => {
    // Given extra revenue until 31.12.2028 for a permanent position
    const result = check({
      massnahmen: [newPosition('M1')],
      deckung: [
        { massnahmeNr: 'M1', art: 'Mehrertrag', quelle: 'Parkgebühren', betrag: 60000, ende: '2028-12-31' },
      ],
    });
    const f = only(findingsOf(result, 'COVER_PERIOD'));
    expect(f).toMatchObject({
      severity: 'warning',
      measure: 'M1',
      ref: { table: 'Deckung', row: 0, field: 'ende' },
    });
    expect(f.message).toContain('2029, 2030, 2031');
  });

  it('warns at the Stellen-Nr. when the position released as cover ends before the measure', () => {
    // Given a kw position ending 31.12.2028 released by Stellenwegfall for a permanent position
    const result = check({
      stellen: [
        free('P1', { besetzt: true, vermerk: 'kw', vermerkText: 'kw 31.12.2026', ende: '2028-12-31' }),
      ],
      massnahmen: [newPosition('M1')],
      deckung: [fromPosition('M1', 'P1', { art: 'Stellenwegfall' })],
    });
    const f = only(findingsOf(result, 'COVER_PERIOD'));
    expect(f).toMatchObject({ severity: 'warning', ref: { table: 'Deckung', row: 0, field: 'stellenNr' } });
  });

  it('is silent when the cover lasts as long as the measure', () => {
    const result = check({
      massnahmen: [newPosition('M1', { ende: '2028-12-31' })],
      deckung: [
        { massnahmeNr: 'M1', art: 'Mehrertrag', quelle: 'Parkgebühren', betrag: 60000, ende: '2028-12-31' },
      ],
    });
    expect(findingsOf(result, 'COVER_PERIOD')).toHaveLength(0);
  });
});

describe('POSITION_UNKNOWN: a named position must exist in Stellen', () => {
  it('reports a measure on a position that does not exist', () => {
    const result = check({ massnahmen: [{ nr: 'S1', art: 'Stelle streichen', stellenNr: '9.99' }] });
    expect(only(findingsOf(result, 'POSITION_UNKNOWN'))).toMatchObject({
      severity: 'error',
      measure: 'S1',
      ref: { table: 'Massnahmen', row: 0, field: 'stellenNr' },
    });
  });

  it('reports a measure without any Stellen-Nr. where one is needed', () => {
    const result = check({ massnahmen: [{ nr: 'H1', art: 'Höhergruppierung', gruppe: 'E10', stufe: 3 }] });
    expect(only(findingsOf(result, 'POSITION_UNKNOWN')).message).toContain('fehlt');
  });

  it('reports a cover row naming a position that does not exist, releasing nothing', () => {
    const result = check({ massnahmen: [newPosition('M1')], deckung: [fromPosition('M1', '9.99')] });
    expect(only(findingsOf(result, 'POSITION_UNKNOWN'))).toMatchObject({
      severity: 'error',
      measure: 'M1',
      ref: { table: 'Deckung', row: 0, field: 'stellenNr' },
    });
    expect(amount(result.measures[0].years[0].cover)).toBe('0.00');
  });
});

describe('MEASURE_UNKNOWN: a cover row must name an existing measure', () => {
  it('reports the Maßnahme-Nr. of the cover row', () => {
    const result = check({
      stellen: [free('P1')],
      massnahmen: [newPosition('M1')],
      deckung: [fromPosition('M1'), fromPosition('M9')],
    });
    const f = only(findingsOf(result, 'MEASURE_UNKNOWN'));
    expect(f).toMatchObject({ severity: 'error', ref: { table: 'Deckung', row: 1, field: 'massnahmeNr' } });
    expect(f.measure).toBeUndefined(); // there is no such measure to attach it to
    expect(f.message).toContain('M9');
  });
});

describe('BUDGET_LINE_UNKNOWN: a Minderaufwand must name a budget line of the Planansätze', () => {
  it.each([
    ['9.9.99.9999', 'an unknown line'],
    ['', 'no line at all'],
  ])('reports %p (%s) at the Haushaltsstelle of the cover row', (haushaltsstelle) => {
    const result = check({
      massnahmen: [newPosition('M1')],
      deckung: [{ massnahmeNr: 'M1', art: 'Minderaufwand', haushaltsstelle, betrag: 60000 }],
    });
    expect(only(findingsOf(result, 'BUDGET_LINE_UNKNOWN'))).toMatchObject({
      severity: 'error',
      measure: 'M1',
      ref: { table: 'Deckung', row: 0, field: 'haushaltsstelle' },
    });
    expect(amount(result.measures[0].years[0].cover)).toBe('0.00');
  });
});

describe('DUPLICATE_ID: numbers must be unique', () => {
  it('reports a position number used twice, at the second row', () => {
    const result = check({ stellen: [free('P1'), free('P2'), free('P1')] });
    expect(only(findingsOf(result, 'DUPLICATE_ID'))).toMatchObject({
      severity: 'error',
      ref: { table: 'Stellen', row: 2, field: 'nr' },
    });
  });

  it('reports a measure number used twice, at the second row', () => {
    const result = check({
      stellen: [free('P1')],
      massnahmen: [newPosition('M1'), newPosition('M1', { stellenNr: 'N-other' })],
      deckung: [fromPosition('M1')],
    });
    expect(only(findingsOf(result, 'DUPLICATE_ID'))).toMatchObject({
      severity: 'error',
      ref: { table: 'Massnahmen', row: 1, field: 'nr' },
    });
  });

  it('reports a budget line with the same year twice', () => {
    const result = check({
      planansaetze: [
        { haushaltsstelle: '1.1.10.4430', jahr: 2027, ansatz: 1000, art: 'Sachaufwand' },
        { haushaltsstelle: '1.1.10.4430', jahr: 2028, ansatz: 1000, art: 'Sachaufwand' },
        { haushaltsstelle: '1.1.10.4430', jahr: 2027, ansatz: 2000, art: 'Sachaufwand' },
      ],
    });
    expect(only(findingsOf(result, 'DUPLICATE_ID'))).toMatchObject({
      severity: 'error',
      ref: { table: 'Planansaetze', row: 2, field: 'haushaltsstelle' },
    });
  });

  it('reports a new position whose number is already in Stellen (unless already adopted)', () => {
    const result = check({
      stellen: [free('P1'), free('1.20')],
      massnahmen: [newPosition('M1', { stellenNr: '1.20' })],
      deckung: [fromPosition('M1')],
    });
    expect(only(findingsOf(result, 'DUPLICATE_ID'))).toMatchObject({
      severity: 'error',
      measure: 'M1',
      ref: { table: 'Massnahmen', row: 0, field: 'stellenNr' },
    });
    const adopted = check({
      stellen: [free('P1'), free('1.20')],
      massnahmen: [newPosition('M1', { stellenNr: '1.20', status: 'beschlossen' })],
      deckung: [fromPosition('M1')],
    });
    expect(findingsOf(adopted, 'DUPLICATE_ID')).toHaveLength(0);
  });
});

describe('INVALID_VALUE: values out of range at domain level', () => {
  it.each<[string, ModelInput, { table: string; row: number; field: string }, string | undefined]>([
    [
      'position ending before it starts',
      { stellen: [free('P1', { beginn: '2028-01-01', ende: '2027-06-30' })] },
      { table: 'Stellen', row: 0, field: 'ende' },
      undefined,
    ],
    [
      'position share above 1',
      { stellen: [free('P1', { anteil: '1.5' })] },
      { table: 'Stellen', row: 0, field: 'anteil' },
      undefined,
    ],
    [
      'position share below 0',
      { stellen: [free('P1', { anteil: '-0.5' })] },
      { table: 'Stellen', row: 0, field: 'anteil' },
      undefined,
    ],
    [
      'measure ending before it starts',
      {
        massnahmen: [
          { nr: 'M1', art: 'Sachaufwand', planansatz: 1000, beginn: '2028-01-01', ende: '2027-01-01' },
        ],
      },
      { table: 'Massnahmen', row: 0, field: 'ende' },
      'M1',
    ],
    [
      'new position with a share above 1',
      { massnahmen: [newPosition('M1', { anteil: '1.2' })] },
      { table: 'Massnahmen', row: 0, field: 'anteil' },
      'M1',
    ],
    [
      'Stellenanteil ändern to a negative share',
      {
        stellen: [free('P1')],
        massnahmen: [{ nr: 'M1', art: 'Stellenanteil ändern', stellenNr: 'P1', anteil: '-0.5' }],
      },
      { table: 'Massnahmen', row: 0, field: 'anteil' },
      'M1',
    ],
    [
      'Stellenanteil ändern without the new share',
      { stellen: [free('P1')], massnahmen: [{ nr: 'M1', art: 'Stellenanteil ändern', stellenNr: 'P1' }] },
      { table: 'Massnahmen', row: 0, field: 'anteil' },
      'M1',
    ],
    [
      'new position without grade',
      { massnahmen: [newPosition('M1', { gruppe: undefined })] },
      { table: 'Massnahmen', row: 0, field: 'gruppe' },
      'M1',
    ],
    [
      'new position without step',
      { massnahmen: [newPosition('M1', { stufe: undefined })] },
      { table: 'Massnahmen', row: 0, field: 'stufe' },
      'M1',
    ],
    [
      'Sachaufwand without Planansatz',
      { massnahmen: [{ nr: 'M1', art: 'Sachaufwand' }] },
      { table: 'Massnahmen', row: 0, field: 'planansatz' },
      'M1',
    ],
    [
      'Minderaufwand without Betrag',
      {
        massnahmen: [newPosition('M1')],
        deckung: [{ massnahmeNr: 'M1', art: 'Minderaufwand', haushaltsstelle: 'L1' }],
        planansaetze: [{ haushaltsstelle: 'L1', jahr: 2027, ansatz: 100000, art: 'Sachaufwand' }],
      },
      { table: 'Deckung', row: 0, field: 'betrag' },
      'M1',
    ],
  ])('reports a %s as an error at the cell', (_label, input, ref, measure) => {
    const found = findingsOf(check(input), 'INVALID_VALUE');
    expect(found).toHaveLength(1);
    expect(found[0].severity).toBe('error');
    expect(found[0].ref).toEqual(ref);
    expect(found[0].measure).toBe(measure);
  });

  it('a new position with an invalid share does not cost anything (no guessed figures)', () => {
    const result = check({ massnahmen: [newPosition('M1', { anteil: '1.2' })] });
    expect(result.measures[0].years.map((y) => amount(y.cost))).toEqual(Array(5).fill('0.00'));
  });
});

describe('PAYGRADE_UNKNOWN: grade and step must be in the pay table', () => {
  it('reports an unknown Entgeltgruppe of a position at the Entgeltgruppe cell', () => {
    const result = check({ stellen: [free('P1', { gruppe: 'E 16' })] });
    expect(only(findingsOf(result, 'PAYGRADE_UNKNOWN'))).toMatchObject({
      severity: 'error',
      ref: { table: 'Stellen', row: 0, field: 'gruppe' },
    });
  });
});

describe('PLANANSATZ_MISMATCH: the stated Planansatz against the computed annual cost', () => {
  // E9b/3 full time 2027: 69.761,34 €; tolerance 5 % = 3.488,067 €
  const withPlanansatz = (planansatz: number | string, extra: Partial<MassnahmeInput> = {}) =>
    check({
      massnahmen: [newPosition('M1', { gruppe: 'E9b', stufe: 3, planansatz, ...extra })],
      deckung: [{ massnahmeNr: 'M1', art: 'Mehrertrag', quelle: 'Gebühren', betrag: 100000 }],
    });

  it('warns beyond the tolerance, at the Planansatz cell', () => {
    const f = only(findingsOf(withPlanansatz(80000), 'PLANANSATZ_MISMATCH'));
    expect(f).toMatchObject({
      severity: 'warning',
      measure: 'M1',
      ref: { table: 'Massnahmen', row: 0, field: 'planansatz' },
    });
    expect(f.message).toContain('80.000,00 €');
    expect(f.message).toContain('69.761,34 €');
  });

  it('is silent within the tolerance (70.000 € vs 69.761,34 €)', () => {
    expect(findingsOf(withPlanansatz(70000), 'PLANANSATZ_MISMATCH')).toHaveLength(0);
  });

  it('has its boundary at exactly tolerance × computed cost', () => {
    // 69761.34 × 1.05 = 73249.407: 73.249,40 is inside, 73.249,41 outside
    expect(findingsOf(withPlanansatz('73249.40'), 'PLANANSATZ_MISMATCH')).toHaveLength(0);
    expect(findingsOf(withPlanansatz('73249.41'), 'PLANANSATZ_MISMATCH')).toHaveLength(1);
    // 69761.34 × 0.95 = 66273.273
    expect(findingsOf(withPlanansatz('66273.28'), 'PLANANSATZ_MISMATCH')).toHaveLength(0);
    expect(findingsOf(withPlanansatz('66273.27'), 'PLANANSATZ_MISMATCH')).toHaveLength(1);
  });

  it('compares with the annualised cost when the first year is partial', () => {
    // from 01.07.2027: 2027 costs half a year, the Planansatz is meant per year
    expect(findingsOf(withPlanansatz(70000, { beginn: '2027-07-01' }), 'PLANANSATZ_MISMATCH')).toHaveLength(
      0,
    );
    expect(findingsOf(withPlanansatz(35000, { beginn: '2027-07-01' }), 'PLANANSATZ_MISMATCH')).toHaveLength(
      1,
    );
  });

  it('uses the Toleranz Planansatz parameter', () => {
    // 70000 − 69761.34 = 238.66 €: inside 1 % (697.61 €), outside 0.3 % (209.28 €)
    const at = (toleranz: string) =>
      check({
        massnahmen: [newPosition('M1', { gruppe: 'E9b', stufe: 3, planansatz: 70000 })],
        parameter: { toleranz: dec(toleranz) },
      });
    expect(findingsOf(at('0.01'), 'PLANANSATZ_MISMATCH')).toHaveLength(0);
    expect(findingsOf(at('0.003'), 'PLANANSATZ_MISMATCH')).toHaveLength(1);
  });
});

describe('FIXED_TERM_REVIEW: a fixed-term position ending inside the horizon needs a decision', () => {
  it('reminds at the end date of a fixed-term new position', () => {
    const result = check({ massnahmen: [newPosition('M1', { ende: '2028-12-31' })] });
    const f = only(findingsOf(result, 'FIXED_TERM_REVIEW'));
    expect(f).toMatchObject({
      severity: 'info',
      measure: 'M1',
      ref: { table: 'Massnahmen', row: 0, field: 'ende' },
    });
    expect(f.message).toContain('31.12.2028');
  });

  it('reminds at the end date of a fixed-term position in Stellen', () => {
    const result = check({ stellen: [free('P1'), free('P2', { ende: '2029-06-30' })] });
    expect(only(findingsOf(result, 'FIXED_TERM_REVIEW'))).toMatchObject({
      severity: 'info',
      ref: { table: 'Stellen', row: 1, field: 'ende' },
    });
  });

  it('is silent for open-ended positions and ends beyond the horizon', () => {
    const result = check({
      stellen: [free('P1', { ende: '2033-12-31' })],
      massnahmen: [newPosition('M1'), newPosition('M2', { ende: '2032-01-31' })],
    });
    expect(findingsOf(result, 'FIXED_TERM_REVIEW')).toHaveLength(0);
  });
});

describe('TERM_OPEN: a measure without a fixed date is shown separately, not dated', () => {
  it('reports an info at the Beginn cell and counts no cost in any year', () => {
    const result = check({
      stellen: [free('P1')],
      massnahmen: [newPosition('M1', { beginn: undefined, terminOffen: true })],
    });
    const f = only(findingsOf(result, 'TERM_OPEN'));
    expect(f).toMatchObject({
      severity: 'info',
      measure: 'M1',
      ref: { table: 'Massnahmen', row: 0, field: 'beginn' },
    });
    expect(result.measures[0].years.map((y) => amount(y.cost))).toEqual(Array(5).fill('0.00'));
    expect(findingsOf(result, 'COVER_MISSING')).toHaveLength(0);
  });
});

describe('PROTECTED_REDUCED: a measure must not cut a protected budget line', () => {
  const lines = (geschuetzt: boolean) =>
    YEARS.map((jahr) => ({
      haushaltsstelle: 'S1',
      jahr,
      ansatz: 850000,
      geschuetzt,
      art: 'Sachaufwand' as const,
    }));

  it('reports a negative Sachaufwand on a protected line at its Haushaltsstelle', () => {
    const result = check({
      massnahmen: [{ nr: 'M1', art: 'Sachaufwand', planansatz: -50000, haushaltsstelle: 'S1' }],
      planansaetze: lines(true),
    });
    expect(only(findingsOf(result, 'PROTECTED_REDUCED'))).toMatchObject({
      severity: 'error',
      measure: 'M1',
      ref: { table: 'Massnahmen', row: 0, field: 'haushaltsstelle' },
    });
  });

  it('is silent for an increase of a protected line and for cuts of ordinary lines', () => {
    const up = check({
      massnahmen: [{ nr: 'M1', art: 'Sachaufwand', planansatz: 50000, haushaltsstelle: 'S1' }],
      deckung: [{ massnahmeNr: 'M1', art: 'Mehrertrag', quelle: 'Zuschuss Land', betrag: 50000 }],
      planansaetze: lines(true),
    });
    const cut = check({
      massnahmen: [{ nr: 'M1', art: 'Sachaufwand', planansatz: -50000, haushaltsstelle: 'S1' }],
      planansaetze: lines(false),
    });
    expect(findingsOf(up, 'PROTECTED_REDUCED')).toHaveLength(0);
    expect(findingsOf(cut, 'PROTECTED_REDUCED')).toHaveLength(0);
  });
});

describe('every finding is complete', () => {
  it('has a known code, a German and an English message and a cell reference', () => {
    const result = check({
      stellen: [free('P1', { besetzt: true }), free('P1'), free('P3', { gruppe: 'E77' })],
      massnahmen: [newPosition('M1', { planansatz: 1, ende: '2028-12-31' }), newPosition('M2')],
      deckung: [fromPosition('M1', 'P1', { art: 'Stellenwegfall' }), fromPosition('M9')],
    });
    expect(result.findings.length).toBeGreaterThanOrEqual(6);
    for (const f of result.findings) {
      expect(Object.keys(FINDING_CODES)).toContain(f.code);
      expect(['error', 'warning', 'info']).toContain(f.severity);
      expect(f.message.length).toBeGreaterThan(10);
      expect(f.messageEn.length).toBeGreaterThan(10);
      expect(f.ref).toBeDefined();
    }
  });
});
