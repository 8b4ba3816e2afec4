import { checkCoverage } from '../../../src/domain/coverage';
import { D } from '../../../src/domain/money';
import { laufbahngruppe, legalStellenplan } from '../../../src/domain/stellenplan';
import { buildModel } from '../../support/fixtures';

/**
 * The legal Stellenplan (§ 5 GemHVO Hessen): Teil A/B with group totals, the previous year from the
 * positions that existed on 31.12., occupied on 30.06., and the plan after the measures: new positions
 * in, positions given up as cover out (from their date), not refilled ones kept with a note.
 */
function town() {
  const model = buildModel({
    parameter: { erstesPlanjahr: 2027, anzahlPlanjahre: 3 },
    stellen: [
      // Teil A: two Beamte, gehobener and höherer Dienst
      { nr: 'A1', oe: 'Hauptamt', dezernat: 'Dezernat I', gruppe: 'A 11', stufe: 5, besetzt: true },
      { nr: 'A2', oe: 'Hauptamt', dezernat: 'Dezernat I', gruppe: 'A 13', stufe: 5, besetzt: true },
      // Teil B
      { nr: 'B1', oe: 'Hauptamt', dezernat: 'Dezernat I', gruppe: 'E9b', besetzt: true, anteil: 0.5 },
      { nr: 'B2', oe: 'Bauhof', dezernat: 'Dezernat II', gruppe: 'E5', besetzt: false },
      { nr: 'B3', oe: 'Bauhof', dezernat: 'Dezernat II', gruppe: 'E5', besetzt: true },
      // planned from 2027, given up as cover: not in the plan after the measures
      {
        nr: 'B4',
        oe: 'Soziales',
        dezernat: 'Dezernat II',
        gruppe: 'S 12',
        besetzt: false,
        beginn: '2027-01-01',
      },
      // ended during 2026: still counts in the Vorjahr column and as occupied on 30.06.2026
      { nr: 'B5', oe: 'Bauhof', dezernat: 'Dezernat II', gruppe: 'E5', besetzt: true, ende: '2026-12-31' },
      // falls away as cover from 1 July 2027: stays in 2027 with a kw note
      {
        nr: 'B6',
        oe: 'Hauptamt',
        dezernat: 'Dezernat I',
        gruppe: 'E8',
        besetzt: true,
        vermerkText: 'kw',
        vermerk: 'kw',
        ende: '2030-06-30',
        // its holder leaves on 30.06.2027: without a day the engine releases nothing and the paper keeps it
        freiAb: '2027-07-01',
      },
      // a trainee: listed apart, not in Teil B
      {
        nr: 'N1',
        oe: 'Hauptamt',
        dezernat: 'Dezernat I',
        gruppe: 'E5',
        besetzt: true,
        nachwuchs: 'Auszubildende',
      },
    ],
    massnahmen: [
      // a new position naming no Dezernat: it takes the Dezernat of its Organisationseinheit
      {
        nr: 'M1',
        art: 'Neue Stelle',
        stellenNr: 'B9',
        oe: 'Hauptamt',
        gruppe: 'E11',
        stufe: 3,
        beginn: '2027-01-01',
        ende: '2028-12-31',
        planansatz: 80000,
      },
    ],
    deckung: [
      { massnahmeNr: 'M1', art: 'Verzicht auf geplante Stelle', stellenNr: 'B4' },
      { massnahmeNr: 'M1', art: 'Nichtbesetzung', stellenNr: 'B2' },
      { massnahmeNr: 'M1', art: 'Stellenwegfall', stellenNr: 'B6', beginn: '2027-07-01' },
    ],
  });
  return checkCoverage(model);
}

const n = (d: { toFixed(n: number): string }) => d.toFixed(3);

test('after the measures: plan − the waived position + the new one; Nichtbesetzung stays, mid-year Wegfall noted', () => {
  const result = town();
  const plan = legalStellenplan(result);
  const after = legalStellenplan(result, { scenario: 'Basis' });
  // A1, A2, B1 (0,5), B2, B3, B4, B6 = 6,5 (N1 is a trainee, B5 ended)
  expect(n(plan.total.stellen)).toBe('6.500');
  expect(n(after.total.stellen)).toBe(new D('6.5').minus(1).plus(1).toFixed(3));
  expect(n(after.total.veraenderung)).toBe('0.000');
  const line = (teil: 0 | 1, gruppe: string) =>
    after.teile[teil].groups.flatMap((g) => g.lines).find((l) => l.gruppe === gruppe)!;
  expect(n(line(1, 'S12').stellen)).toBe('0.000');
  expect(n(line(1, 'S12').veraenderung)).toBe('-1.000');
  expect(line(1, 'S12').erlaeuterungen.join()).toContain('Verzicht als Deckung für M1');
  expect(n(line(1, 'E11').veraenderung)).toBe('1.000');
  expect(line(1, 'E11').vermerke).toEqual(['B9 kw 31.12.2028']);
  expect(line(1, 'E5').vermerke).toContain('B2 nicht wiederzubesetzen (Deckung M1)');
  expect(line(1, 'E8').vermerke).toEqual(['B6 kw 30.06.2030', 'B6 kw 30.06.2027 (Deckung M1)']);
  expect(n(line(1, 'E8').stellen)).toBe('1.000');
});

test('Teil A by Laufbahngruppe and Besoldungsgruppe, Teil B by Entgeltordnung, totals per group and Teil', () => {
  const after = legalStellenplan(town(), { scenario: 'Basis' });
  const [a, b] = after.teile;
  expect(a.groups.map((g) => [g.name, g.lines.map((l) => l.gruppe), n(g.stellen)])).toEqual([
    ['Höherer Dienst', ['A 13'], '1.000'],
    ['Gehobener Dienst', ['A 11'], '1.000'],
  ]);
  expect(n(a.stellen)).toBe('2.000');
  expect(b.groups.map((g) => [g.name, n(g.stellen)])).toEqual([
    ['Entgeltgruppen TVöD (E)', '4.500'],
    ['Sozial- und Erziehungsdienst (S)', '0.000'],
  ]);
  expect(b.groups[0].lines.map((l) => l.gruppe)).toEqual(['E11', 'E9b', 'E8', 'E5']);
  expect(n(b.stellen)).toBe('4.500');
  expect(n(after.total.stellen)).toBe(n(a.stellen.plus(b.stellen)));
  expect(laufbahngruppe('A 9')).toBe('Gehobener Dienst');
  expect(laufbahngruppe('A 8')).toBe('Mittlerer Dienst');
  expect(laufbahngruppe('A 5')).toBe('Einfacher Dienst');
});

test('Vorjahr from the positions of 31.12. (ended ones too), besetzt on 30.06. from Besetzt; derived = footnote', () => {
  const after = legalStellenplan(town(), { scenario: 'Basis' });
  // 31.12.2026: A1, A2, B1 0,5, B2, B3, B5 (ends that day), B6 = 6,5; B4 and B9 are new in 2027
  expect(n(after.total.vorjahr)).toBe('6.500');
  // occupied on 30.06.2026: A1, A2, B1 0,5, B3, B5, B6 = 5,5 (B2 vacant)
  expect(n(after.total.besetzt)).toBe('5.500');
  const e5 = after.teile[1].groups[0].lines.find((l) => l.gruppe === 'E5')!;
  expect([n(e5.stellen), n(e5.vorjahr), n(e5.besetzt)]).toEqual(['2.000', '3.000', '2.000']);
  expect(after.derived).toEqual({ vorjahr: true, besetzt: true });
});

test('stated columns win over the derivation, and the footnote goes away', () => {
  const result = town();
  result.model.stellen.forEach((s) => {
    s.vorjahr = new D(1);
    s.besetzt306 = new D(0);
  });
  const after = legalStellenplan(result, { scenario: 'Basis' });
  expect(after.derived).toEqual({ vorjahr: false, besetzt: false });
  expect(n(after.total.vorjahr)).toBe('8.000'); // 9 rows with 1 each, N1 apart
  expect(n(after.total.besetzt)).toBe('0.000');
});

test('a measure without Dezernat lands in the Dezernat of its Organisationseinheit; trainees apart', () => {
  const after = legalStellenplan(town(), { scenario: 'Basis' });
  const hauptamt = after.units.find((u) => u.oe === 'Hauptamt')!;
  expect(hauptamt.dezernat).toBe('Dezernat I');
  expect(hauptamt.lines.find((l) => l.gruppe === 'E11')?.positions).toEqual(['B9']);
  expect(after.units.some((u) => u.dezernat === '')).toBe(false);
  expect(after.nachwuchs).toEqual([
    expect.objectContaining({ art: 'Auszubildende', gruppe: 'E5', positions: ['N1'] }),
  ]);
});

test('a position given up as cover leaves the plan when it falls vacant (Frei ab), not at the cover start', () => {
  // B7 is occupied until its holder retires: Frei ab 01.10.2028; the cover runs from 01.01.2027
  const result = checkCoverage(
    buildModel({
      parameter: { erstesPlanjahr: 2027, anzahlPlanjahre: 3 },
      stellen: [
        {
          nr: 'B7',
          oe: 'Bauhof',
          dezernat: 'Dezernat II',
          gruppe: 'E5',
          besetzt: true,
          freiAb: '2028-10-01',
        },
      ],
      massnahmen: [
        { nr: 'M1', art: 'Neue Stelle', stellenNr: 'B9', oe: 'Bauhof', gruppe: 'E5', beginn: '2027-01-01' },
      ],
      deckung: [{ massnahmeNr: 'M1', art: 'Stellenwegfall', stellenNr: 'B7', beginn: '2027-01-01' }],
    }),
  );
  const e5 = (year: number) =>
    legalStellenplan(result, { scenario: 'Basis', year }).teile[1].groups[0].lines.find(
      (l) => l.gruppe === 'E5',
    )!;
  // 2027: still in the plan (before: gone from 2027); 2028: still in, its last day noted
  expect(n(e5(2027).stellen)).toBe('2.000');
  expect(n(e5(2028).stellen)).toBe('2.000');
  expect(e5(2028).vermerke).toEqual(['B7 kw 30.09.2028 (Deckung M1)']);
  // 2029: gone
  expect(n(e5(2029).stellen)).toBe('1.000');
});
