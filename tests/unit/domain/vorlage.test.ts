import { checkCoverage } from '../../../src/domain/coverage';
import { inputChecksum } from '../../../src/domain/checksum';
import { stellenplanView } from '../../../src/domain/stellenplan';
import { beschlussvorlage } from '../../../src/domain/vorlage';
import { konstanzModel, obertshausenModel } from '../../support/fixtures';

/** The committee texts: the draft resolution (snapshot) and the legal Stellenplan views. */
test('the Obertshausen draft resolution reads as the motion, with cost and cover per year', () => {
  const model = obertshausenModel();
  const text = beschlussvorlage(checkCoverage(model), 'M-2027-01', {
    stand: '2026-11-24',
    checksum: inputChecksum(model),
  });
  expect(text).toContain('eine befristete Stelle „Organisator/in Prozessoptimierung und -digitalisierung“');
  expect(text).toContain('| Kosten | 69.761,34 € | 71.854,18 € | 0,00 € | 0,00 € | 0,00 € |');
  expect(text).toContain('Die Maßnahme ist in allen Planjahren gedeckt.');
  expect(text).toMatchSnapshot();
});

test('the Konstanz transfer with an open date is proposed "zu einem noch festzulegenden Zeitpunkt", cost-neutral', () => {
  const model = konstanzModel();
  const result = checkCoverage(model);
  const k = result.measures.find((m) => m.massnahme.art === 'Umsetzung' && m.massnahme.terminOffen)!;
  const text = beschlussvorlage(result, k.massnahme.nr, {
    stand: '2026-11-24',
    checksum: inputChecksum(model),
  });
  expect(text).toContain('zu einem noch festzulegenden Zeitpunkt');
  expect(text).toContain('(kostenneutral)');
  expect(text).toContain('Termin offen');
  expect(text).toMatchSnapshot();
});

test('Stellenplan: the view after the measures adds the new position; undated transfers are listed apart', () => {
  const result = checkCoverage(obertshausenModel());
  const plan = stellenplanView(result);
  const after = stellenplanView(result, { scenario: 'Basis' });
  // 1.01 (E13), 5.07 (planned from 2027), 6.12: three positions of 1,0 in the plan year; after the
  // measures 1.20 comes in, 5.07 (Verzicht as cover) goes out, 6.12 (Nichtbesetzung) stays
  expect(plan.totals.all.toFixed(3)).toBe('3.000');
  expect(after.totals.all.toFixed(3)).toBe('3.000');
  expect(after.groups.flatMap((g) => g.positions).sort()).toEqual(['1.01', '1.20', '6.12']);
  const e9b = after.groups.find((g) => g.gruppe === 'E9b')!;
  expect(e9b.positions).toEqual(['1.20']);
  expect(e9b.vermerke).toEqual(['1.20 kw 31.12.2028']);

  const konstanz = checkCoverage(konstanzModel());
  const view = stellenplanView(konstanz, { scenario: 'Basis' });
  expect(view.termOpen.length).toBeGreaterThan(0);
  expect(view.termOpen.every((t) => t.art === 'Umsetzung')).toBe(true);
  // undated transfers are not silently dated: the positions stay where they are
  const before = stellenplanView(konstanz);
  for (const t of view.termOpen) {
    const where = (v: typeof view) => v.groups.find((g) => g.positions.includes(t.stellenNr))?.oe;
    expect(where(view)).toBe(where(before));
  }
});

test('user text with a table separator stays in its cell; the cover table ends with its total per year', () => {
  const model = obertshausenModel();
  model.deckung[0].quelle = 'FB5 | Supervision';
  const text = beschlussvorlage(checkCoverage(model), 'M-2027-01', { stand: '2026-11-24', checksum: 'X' });
  const row = text.split('\n').find((l) => l.startsWith('| FB5'))!;
  expect(row.startsWith('| FB5 \\| Supervision | Verzicht auf geplante Stelle |')).toBe(true);
  // the escaped bar does not add a cell: label, Art and one cell per plan year
  expect(row.split(/(?<!\\)\|/).length - 2).toBe(2 + 5);
  expect(text).toMatch(/\| \*\*Deckung insgesamt\*\* \| \| \*\*125\.689,43 €\*\* \|/);
});
