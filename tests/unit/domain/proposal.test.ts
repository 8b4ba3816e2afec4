import Decimal from 'decimal.js';
import { checkCoverage } from '../../../src/domain/coverage';
import { D } from '../../../src/domain/money';
import { coverSources, nextNumber, previewMeasure } from '../../../src/domain/proposal';
import { massnahme, obertshausenModel } from '../../support/fixtures';

/** The wizard's engine side: free capacity of cover sources, a live preview, the next free numbers. */
const round = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

describe('coverSources', () => {
  it('lists unoccupied positions with what Basis measures have not claimed yet', () => {
    // Given the Obertshausen motion (2027–2028) covered by 5.07 and 6.12
    const result = checkCoverage(obertshausenModel());
    const sources = coverSources(result);
    // Then occupied 1.01 is no source, and 5.07 / 6.12 are fully used in 2027–2028 but free from 2029
    expect(sources.map((s) => s.id)).toEqual(['5.07', '6.12']);
    const supervision = sources[0];
    expect(supervision.art).toBe('Verzicht auf geplante Stelle');
    expect(supervision.years.slice(0, 2).map((y) => y.free.toFixed(2))).toEqual(['0.00', '0.00']);
    // E10 Stufe 1 from 1.5.2026 (4.124,53 €) in 2029: × 12,85 × 1,2915 × 1,03²
    const cost2029 = round(new D('4124.53').times('12.85').times('1.2915').times(new D('1.03').pow(2)));
    expect(supervision.years[2].free.toFixed(2)).toBe(cost2029.toFixed(2));
  });

  it('offers unprotected expense lines but never protected, revenue, investment or personnel lines', () => {
    const model = obertshausenModel();
    const line = (
      haushaltsstelle: string,
      art: 'Sachaufwand' | 'Ertrag' | 'Investition' | 'Personalaufwand',
      geschuetzt = false,
    ) => ({
      haushaltsstelle,
      bezeichnung: haushaltsstelle,
      jahr: 2027,
      ansatz: new D(50000),
      geschuetzt,
      art,
      ref: { table: 'Planansaetze' as const, row: 0 },
    });
    model.planansaetze = [
      line('S1', 'Sachaufwand'),
      line('S2', 'Sachaufwand', true),
      line('E1', 'Ertrag'),
      line('I1', 'Investition'),
      line('P1', 'Personalaufwand'),
    ];
    const ids = coverSources(checkCoverage(model))
      .filter((s) => s.kind === 'budget')
      .map((s) => s.id);
    expect(ids).toEqual(['S1']);
  });
});

describe('previewMeasure', () => {
  it('computes the new measure with its cover together with the workbook, without changing the model', () => {
    const model = obertshausenModel();
    const before = model.massnahmen.length;
    const neu = massnahme({
      nr: 'M-NEU',
      art: 'Neue Stelle',
      stellenNr: 'N-01',
      gruppe: 'E9b',
      stufe: 3,
      beginn: '2029-01-01',
    });
    const uncovered = previewMeasure(model, neu, []);
    expect(uncovered.findings.map((f) => f.code)).toContain('COVER_MISSING');
    const covered = previewMeasure(model, neu, [
      {
        massnahmeNr: 'M-NEU',
        quelle: '',
        art: 'Nichtbesetzung',
        stellenNr: '6.12',
        haushaltsstelle: '',
        ref: { table: 'Deckung', row: 0 },
      },
      {
        massnahmeNr: 'M-NEU',
        quelle: '',
        art: 'Verzicht auf geplante Stelle',
        stellenNr: '5.07',
        haushaltsstelle: '',
        ref: { table: 'Deckung', row: 0 },
      },
    ]);
    expect(covered.measure!.covered).toBe(true);
    expect(covered.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(model.massnahmen).toHaveLength(before);
  });

  it('reports a double use with the existing motion when the new measure starts too early', () => {
    const model = obertshausenModel();
    const neu = massnahme({
      nr: 'M-NEU',
      art: 'Neue Stelle',
      stellenNr: 'N-01',
      gruppe: 'E5',
      stufe: 1,
      beginn: '2027-01-01',
    });
    const preview = previewMeasure(model, neu, [
      {
        massnahmeNr: 'M-NEU',
        quelle: '',
        art: 'Nichtbesetzung',
        stellenNr: '6.12',
        haushaltsstelle: '',
        ref: { table: 'Deckung', row: 0 },
      },
    ]);
    expect(preview.findings.map((f) => f.code)).toContain('COVER_OVERUSED');
  });
});

test('nextNumber continues a series with the same width', () => {
  expect(nextNumber(['M-2027-01', 'M-2027-09', 'K-01'], 'M-2027-')).toBe('M-2027-10');
  expect(nextNumber([], 'N-')).toBe('N-01');
  expect(nextNumber(['N-007'], 'N-')).toBe('N-008');
});
