/**
 * The two seed cases (shared/seeds) modelled in code, checked end to end through the domain engine.
 * Expected figures are derived here from the published TVöD table (2025 × 1,028) and DESIGN.md's formula.
 */
import { checkCoverage, toAmountString } from '../../../src/domain';
import { extendModel, konstanzModel, obertshausenModel } from '../../support/fixtures';
import { TVOED_2025, X, amount, euroDe, exactLine, expectedLine, findingsOf, tvoed2026 } from './support';

const YEARS = [2027, 2028, 2029, 2030, 2031];

describe('Obertshausen: fixed-term FB1 position covered by two positions given up', () => {
  const E9B_3 = tvoed2026(TVOED_2025.E9b_3).toString(); // 4203.56
  const E10_1 = tvoed2026(TVOED_2025.E10_1).toString(); // 4124.53 (FB5 Supervision, planned)
  const E5_3 = tvoed2026(TVOED_2025.E5_3).toString(); // 3449.05 (FB6 Bauhof, vacant)
  const active = (year: number) => year <= 2028; // 01.01.2027–31.12.2028

  const expectedCost = YEARS.map((year) =>
    active(year) ? expectedLine({ monthly: E9B_3, year }) : new X(0),
  );
  const expectedCover = YEARS.map((year) =>
    active(year)
      ? expectedLine({ monthly: E10_1, year }).plus(expectedLine({ monthly: E5_3, year }))
      : new X(0),
  );

  it('costs 69.761,34 € in 2027 and 71.854,18 € in 2028, nothing after the fixed term', () => {
    const result = checkCoverage(obertshausenModel());
    const m = result.measures[0];
    expect(m.massnahme.nr).toBe('M-2027-01');
    // 4203.56 × 12.85 × 1.2915 = 69761.34; × 1.03 = 71854.18
    expect(m.years.map((y) => amount(y.cost))).toEqual(['69761.34', '71854.18', '0.00', '0.00', '0.00']);
    expect(m.years.map((y) => amount(y.cost))).toEqual(expectedCost.map((v) => v.toFixed(2)));
  });

  it('is covered by Supervision (E10/1) and Bauhof (E5/3) in both years, balance per year', () => {
    const result = checkCoverage(obertshausenModel());
    const m = result.measures[0];
    // 2027: 68449.77 + 57239.66 = 125689.43
    expect(amount(m.years[0].cover)).toBe('125689.43');
    expect(m.years.map((y) => amount(y.cover))).toEqual(expectedCover.map((v) => v.toFixed(2)));
    expect(m.years.map((y) => amount(y.balance))).toEqual(
      YEARS.map((_, i) => expectedCover[i].minus(expectedCost[i]).toFixed(2)),
    );
    // the JSON form of the command line: every plan year, two decimals
    expect(m.years.map((y) => y.year)).toEqual(YEARS);
    // 2027: 125689.43 − 69761.34 = 55928.09; 2028: (70503.27 + 58956.85) − 71854.18 = 57605.94
    expect(m.years.map((y) => toAmountString(y.balance))).toEqual([
      '55928.09',
      '57605.94',
      '0.00',
      '0.00',
      '0.00',
    ]);
    expect(m.covered).toBe(true);
  });

  it('has no errors or warnings; the fixed term asks for a decision on making the position permanent', () => {
    const result = checkCoverage(obertshausenModel());
    expect(result.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    const review = findingsOf(result, 'FIXED_TERM_REVIEW');
    expect(review).toHaveLength(1);
    expect(review[0]).toMatchObject({
      severity: 'info',
      measure: 'M-2027-01',
      ref: { table: 'Massnahmen', row: 0, field: 'ende' },
    });
    expect(review[0].message).toContain('31.12.2028');
    // both cover positions are vacant: no COVER_OCCUPIED
    expect(findingsOf(result, 'COVER_OCCUPIED')).toEqual([]);
  });

  it('the stated Planansatz of 70.000 € is within 5 % of 69.761,34 € (no PLANANSATZ_MISMATCH)', () => {
    const computed = expectedLine({ monthly: E9B_3, year: 2027 });
    // |70000 − 69761.34| = 238.66 ≤ 0.05 × 69761.34 = 3488.07
    expect(new X(70000).minus(computed).abs().lte(computed.times('0.05'))).toBe(true);
    const result = checkCoverage(obertshausenModel());
    expect(findingsOf(result, 'PLANANSATZ_MISMATCH')).toEqual([]);
    expect(result.measures[0].massnahme.planansatz!.toString()).toBe('70000');
    expect(result.measures[0].massnahme.auflagen).toContain('HFW');
  });

  it('a variant making the position permanent from 2029 may reuse the same cover after 2028', () => {
    // Given the Basis motion plus the variant "Verstetigung ab 2029" (E9b/4, open-ended), covered by the
    // same two positions, which Basis only uses until 31.12.2028
    const model = extendModel(obertshausenModel(), {
      massnahmen: [
        {
          nr: 'M-2029-01',
          art: 'Neue Stelle',
          stellenNr: '1.20',
          oe: 'FB1',
          gruppe: 'E9b',
          stufe: 4,
          beginn: '2029-01-01',
          planansatz: 80000,
          szenario: 'Verstetigung ab 2029',
        },
      ],
      deckung: [
        { massnahmeNr: 'M-2029-01', art: 'Verzicht auf geplante Stelle', stellenNr: '5.07' },
        { massnahmeNr: 'M-2029-01', art: 'Nichtbesetzung', stellenNr: '6.12' },
      ],
    });
    const result = checkCoverage(model);
    // Then the periods do not overlap: no double use, both measures covered
    expect(findingsOf(result, 'COVER_OVERUSED')).toEqual([]);
    expect(result.measures.map((m) => m.covered)).toEqual([true, true]);
    const variant = result.scenarios.find((s) => s.name === 'Verstetigung ab 2029')!;
    const E9B_4 = tvoed2026('4562.79').toString(); // 4690.55
    expect(variant.totals.map((t) => amount(t.cost))).toEqual(
      YEARS.map((year, i) =>
        (active(year) ? expectedCost[i] : expectedLine({ monthly: E9B_4, year })).toFixed(2),
      ),
    );
  });
});

describe('Konstanz: Amt für Digitalisierung, transfers with open date, protected school IT budget', () => {
  const E15_3 = tvoed2026(TVOED_2025.E15_3).toString(); // 6453.36 × 1.028 = 6634.05
  const E11_2 = tvoed2026(TVOED_2025.E11_2).toString(); // 4542.72 × 1.028 = 4669.92

  it('the new Amtsleitung (E15/3 from 01.07.2027) costs half a year in 2027, then full years', () => {
    const result = checkCoverage(konstanzModel());
    const k01 = result.measures.find((m) => m.massnahme.nr === 'K-01')!;
    // 2027: 6634.05 × 16.595775 × 6/12 = 55048.60
    expect(amount(k01.years[0].cost)).toBe('55048.60');
    expect(k01.years.map((y) => amount(y.cost))).toEqual(
      YEARS.map((year) =>
        expectedLine({ monthly: E15_3, year, months: year === 2027 ? [6, 1] : [12, 1] }).toFixed(2),
      ),
    );
    // covered by 130.000 €/year less external IT consulting, pro rata from 01.07.2027
    expect(k01.years.map((y) => amount(y.cover))).toEqual([
      '65000.00',
      ...Array<string>(4).fill('130000.00'),
    ]);
    expect(k01.covered).toBe(true);
    // adopted: counted in Basis
    expect(k01.scenario).toBe('Basis');
    // 115.000 € stated vs 110.097,20 € per year: within 5 %
    const annual = exactLine({ monthly: E15_3, year: 2027 });
    expect(new X(115000).minus(annual).abs().lte(annual.times('0.05'))).toBe(true);
    expect(findingsOf(result, 'PLANANSATZ_MISMATCH')).toEqual([]);
  });

  it('the transfers (Umsetzung, Termin offen) are cost-neutral in every year and reported as TERM_OPEN', () => {
    const result = checkCoverage(konstanzModel());
    const transfers = result.measures.filter((m) => m.massnahme.art === 'Umsetzung');
    expect(transfers.map((m) => m.massnahme.nr)).toEqual(['K-02', 'K-03', 'K-04', 'K-05', 'K-06']);
    for (const m of transfers) {
      expect(m.years.map((y) => [y.year, amount(y.cost), amount(y.cover)])).toEqual(
        YEARS.map((year) => [year, '0.00', '0.00']),
      );
      expect(m.covered).toBe(true);
    }
    const open = findingsOf(result, 'TERM_OPEN');
    expect(open.map((f) => f.measure)).toEqual(['K-02', 'K-03', 'K-04', 'K-05', 'K-06']);
    expect(open.every((f) => f.severity === 'info' && f.ref?.field === 'beginn')).toBe(true);
  });

  it('Basis has no errors or warnings; the protected school line is untouched', () => {
    const result = checkCoverage(konstanzModel());
    expect(result.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    // no cover row of Basis draws on the school line, and the transfers add nothing: Basis = K-01 alone
    const basis = result.scenarios.find((s) => s.name === 'Basis')!;
    expect(basis.measures.flatMap((m) => m.cover.map((c) => c.deckung.haushaltsstelle))).not.toContain(
      '2.1.40.4200',
    );
    expect(basis.totals.map((t) => amount(t.cost))).toEqual(
      YEARS.map((year) =>
        expectedLine({ monthly: E15_3, year, months: year === 2027 ? [6, 1] : [12, 1] }).toFixed(2),
      ),
    );
  });

  it('the variant "Informationssicherheit" is Basis plus its own measure, covered from 2028', () => {
    const result = checkCoverage(konstanzModel());
    const variant = result.scenarios.find((s) => s.name === 'Variante Informationssicherheit')!;
    const basis = result.scenarios.find((s) => s.name === 'Basis')!;
    const k07 = YEARS.map((year) => (year < 2028 ? new X(0) : expectedLine({ monthly: E11_2, year })));
    expect(variant.totals.map((t) => amount(t.cost))).toEqual(
      basis.totals.map((t, i) => new X(t.cost.toString()).plus(k07[i]).toFixed(2)),
    );
    expect(result.measures.find((m) => m.massnahme.nr === 'K-07')!.covered).toBe(true);
  });

  it('a variant that takes the protected school equipment line as cover gets COVER_PROTECTED', () => {
    // Given a variant pooling the school IT staff into a new position "paid" from the school equipment line
    const model = extendModel(konstanzModel(), {
      massnahmen: [
        {
          nr: 'K-08',
          bezeichnung: 'Variante: Schul-IT-Pool, zusätzliche Systembetreuung',
          art: 'Neue Stelle',
          stellenNr: '15.03',
          oe: 'Amt für Digitalisierung',
          gruppe: 'E9b',
          stufe: 3,
          beginn: '2028-01-01',
          szenario: 'Variante Schul-IT-Pool',
        },
      ],
      deckung: [
        {
          massnahmeNr: 'K-08',
          quelle: 'Kürzung Ausstattung Schulen (IT)',
          art: 'Minderaufwand',
          haushaltsstelle: '2.1.40.4200',
          betrag: 75000,
        },
      ],
    });
    const result = checkCoverage(model);
    // Then the cover row is rejected as an error in that variant, at its Haushaltsstelle cell
    const protectedCover = findingsOf(result, 'COVER_PROTECTED');
    expect(protectedCover).toHaveLength(1);
    expect(protectedCover[0]).toMatchObject({
      severity: 'error',
      measure: 'K-08',
      scenario: 'Variante Schul-IT-Pool',
      ref: { table: 'Deckung', row: 2, field: 'haushaltsstelle' },
    });
    // nothing is released from the protected line, so the measure is short by its full cost
    const k08 = result.measures.find((m) => m.massnahme.nr === 'K-08')!;
    expect(k08.covered).toBe(false);
    expect(k08.years.map((y) => amount(y.cover))).toEqual(Array(5).fill('0.00'));
    const E9B_3 = tvoed2026(TVOED_2025.E9b_3).toString();
    expect(findingsOf(result, 'COVER_SHORTFALL')[0].message).toContain(
      `2028 fehlen ${euroDe(expectedLine({ monthly: E9B_3, year: 2028 }))}`,
    );
    // Basis stays clean
    const basis = result.scenarios.find((s) => s.name === 'Basis')!;
    expect(basis.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('a variant cutting the school equipment line to pay for pooling gets PROTECTED_REDUCED', () => {
    const model = extendModel(konstanzModel(), {
      massnahmen: [
        {
          nr: 'K-09',
          art: 'Sachaufwand',
          planansatz: -100000,
          haushaltsstelle: '2.1.40.4200',
          szenario: 'Variante Kürzung Schulausstattung',
        },
      ],
    });
    const found = findingsOf(checkCoverage(model), 'PROTECTED_REDUCED');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      severity: 'error',
      measure: 'K-09',
      ref: { table: 'Massnahmen', row: 7, field: 'haushaltsstelle' },
    });
  });
});
