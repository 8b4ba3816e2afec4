import Decimal from 'decimal.js';
import { checkCoverage } from '../../../src/domain/coverage';
import { DEFAULT_COVER_RULES } from '../../../src/domain/admissibility';
import { D } from '../../../src/domain/money';
import { buildModel, type ModelInput } from '../../support/fixtures';

/** Full-time E9b/3 from 01.05.2026 (4.203,56 €) with the default factors: 4203.56 × 12.85 × 1.2915. */
const E9B3_2027 = new D('4203.56').times('12.85').times('1.2915').toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

const codes = (input: ModelInput, code: string) =>
  checkCoverage(buildModel(input)).findings.filter((f) => f.code === code);

describe('BUDGET_SHORTFALL: personnel Ansatz against the positions charged to it', () => {
  const stellen = [
    { nr: '1', gruppe: 'E9b', stufe: 3, haushaltsstelle: 'P1', besetzt: true },
    { nr: '2', gruppe: 'E9b', stufe: 3, haushaltsstelle: 'P1', besetzt: true },
  ];

  it('reports the year whose Ansatz is below the cost, at the Ansatz cell of that year', () => {
    // Given two E9b/3 positions on line P1 and an Ansatz that fits 2027 but not 2028 (+3 % tariff)
    const enough2027 = E9B3_2027.times(2).plus(100);
    const model: ModelInput = {
      stellen,
      planansaetze: [
        { haushaltsstelle: 'P1', jahr: 2027, ansatz: enough2027.toString(), art: 'Personalaufwand' },
        { haushaltsstelle: 'P1', jahr: 2028, ansatz: enough2027.toString(), art: 'Personalaufwand' },
      ],
      parameter: { anzahlPlanjahre: 2 },
    };
    // When the workbook is checked
    const result = checkCoverage(buildModel(model));
    const found = result.findings.filter((f) => f.code === 'BUDGET_SHORTFALL');
    // Then exactly 2028 is short, as an error pointing at the 2028 Ansatz row
    expect(found).toHaveLength(1);
    expect(found[0].severity).toBe('error');
    expect(found[0].ref).toEqual({ table: 'Planansaetze', row: 1, field: 'ansatz' });
    // each position is rounded on its own: 2 × round(4203.56 × 12.85 × 1.2915 × 1.03)
    const each2028 = new D('4203.56')
      .times('12.85')
      .times('1.2915')
      .times('1.03')
      .toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    expect(result.budget[0].years[1].cost.toFixed(2)).toBe(each2028.times(2).toFixed(2));
    expect(result.budget[0].years[0].margin!.toFixed(2)).toBe('100.00');
    expect(found[0].message).toContain('2028');
  });

  it('is silent when the Ansatz suffices, and leaves lines without positions alone', () => {
    // Given a personnel line with enough money and a second personnel line without positions at 0 €
    const found = codes(
      {
        stellen,
        planansaetze: [
          { haushaltsstelle: 'P1', jahr: 2027, ansatz: 500000, art: 'Personalaufwand' },
          { haushaltsstelle: 'P9', jahr: 2027, ansatz: 0, art: 'Personalaufwand' },
        ],
        parameter: { anzahlPlanjahre: 1 },
      },
      'BUDGET_SHORTFALL',
    );
    // Then nothing is reported
    expect(found).toEqual([]);
  });

  it('counts an adopted new position that is not yet in the Stellenplan, minus the position cover it releases', () => {
    // Given line P1 that just pays the two positions, and an adopted new position on P1 covered by position 2
    const ansatz = E9B3_2027.times(2).toString();
    const input: ModelInput = {
      stellen: [stellen[0], { ...stellen[1], besetzt: false }],
      massnahmen: [
        {
          nr: 'M1',
          art: 'Neue Stelle',
          stellenNr: '9',
          gruppe: 'E9b',
          stufe: 3,
          haushaltsstelle: 'P1',
          status: 'beschlossen',
        },
      ],
      deckung: [{ massnahmeNr: 'M1', art: 'Nichtbesetzung', stellenNr: '2' }],
      planansaetze: [{ haushaltsstelle: 'P1', jahr: 2027, ansatz, art: 'Personalaufwand' }],
      parameter: { anzahlPlanjahre: 1 },
    };
    // Then the new cost and the released cost cancel: no shortfall
    expect(codes(input, 'BUDGET_SHORTFALL')).toEqual([]);
    // And without the cover row the line is short by exactly one position's cost
    const result = checkCoverage(buildModel({ ...input, deckung: [] }));
    expect(result.budget[0].years[0].margin!.toFixed(2)).toBe(E9B3_2027.neg().toFixed(2));
    expect(result.findings.some((f) => f.code === 'BUDGET_SHORTFALL')).toBe(true);
  });

  it('ignores a pending measure: its Ansätze move only when the council adopts it', () => {
    const found = codes(
      {
        stellen: [stellen[0]],
        massnahmen: [
          {
            nr: 'M1',
            art: 'Neue Stelle',
            stellenNr: '9',
            gruppe: 'E9b',
            stufe: 3,
            haushaltsstelle: 'P1',
            status: 'beantragt',
          },
        ],
        deckung: [{ massnahmeNr: 'M1', art: 'Mehrertrag', betrag: 80000, quelle: 'Gebühren' }],
        planansaetze: [
          { haushaltsstelle: 'P1', jahr: 2027, ansatz: E9B3_2027.toString(), art: 'Personalaufwand' },
        ],
        parameter: { anzahlPlanjahre: 1 },
      },
      'BUDGET_SHORTFALL',
    );
    expect(found).toEqual([]);
  });
});

describe('COVER_INADMISSIBLE: rules as data with their legal source', () => {
  const base = (
    deckung: ModelInput['deckung'],
    planansaetze: ModelInput['planansaetze'] = [],
    extra: Partial<ModelInput> = {},
  ): ModelInput => ({
    stellen: [{ nr: 'S1', gruppe: 'E9b', stufe: 3, besetzt: false }],
    massnahmen: [{ nr: 'M1', art: 'Neue Stelle', stellenNr: 'N1', gruppe: 'E9b', stufe: 3 }],
    deckung,
    planansaetze,
    parameter: { anzahlPlanjahre: 1 },
    ...extra,
  });

  it('every default rule names its source', () => {
    for (const rule of DEFAULT_COVER_RULES) expect(rule.source.length).toBeGreaterThan(20);
  });

  it('refuses an investment line as cover for personnel cost, and the measure is then not covered', () => {
    // Given a new position "covered" by lower investment spending
    const input = base(
      [
        {
          massnahmeNr: 'M1',
          art: 'Minderaufwand',
          haushaltsstelle: 'I1',
          betrag: 100000,
          quelle: 'Sanierung Turnhalle',
        },
      ],
      [
        {
          haushaltsstelle: 'I1',
          jahr: 2027,
          ansatz: 500000,
          art: 'Investition',
          bezeichnung: 'Sanierung Turnhalle',
        },
      ],
    );
    // When checked
    const result = checkCoverage(buildModel(input));
    const found = result.findings.filter((f) => f.code === 'COVER_INADMISSIBLE');
    // Then the cover row is an error at its Haushaltsstelle cell and releases nothing
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      severity: 'error',
      measure: 'M1',
      ref: { table: 'Deckung', row: 0, field: 'haushaltsstelle' },
    });
    expect(found[0].message).toContain('Investitionsmittel');
    expect(result.measures[0].years[0].cover.toFixed(2)).toBe('0.00');
    expect(result.measures[0].covered).toBe(false);
  });

  it('warns (v2: not an error) when general tax revenue is the Mehrertrag for a specific position', () => {
    const found = codes(
      base(
        [
          {
            massnahmeNr: 'M1',
            art: 'Mehrertrag',
            haushaltsstelle: 'E1',
            betrag: 100000,
            quelle: 'Mehrertrag',
          },
        ],
        [{ haushaltsstelle: 'E1', jahr: 2027, ansatz: 9000000, art: 'Ertrag', bezeichnung: 'Gewerbesteuer' }],
      ),
      'COVER_INADMISSIBLE',
    );
    expect(found).toHaveLength(1);
    expect(found[0].severity).toBe('warning');
    expect(found[0].message).toContain('allgemeine Deckungsmittel');
    expect(found[0].message).toContain('Muster-GeschO § 15 Abs. 2');
  });

  it('accepts a fee revenue as Mehrertrag', () => {
    const found = codes(
      base(
        [{ massnahmeNr: 'M1', art: 'Mehrertrag', haushaltsstelle: 'E2', betrag: 100000 }],
        [
          {
            haushaltsstelle: 'E2',
            jahr: 2027,
            ansatz: 200000,
            art: 'Ertrag',
            bezeichnung: 'Verwaltungsgebühren',
          },
        ],
      ),
      'COVER_INADMISSIBLE',
    );
    expect(found).toEqual([]);
  });

  it('lets a Beamte position cover an employee position, but not the other way round', () => {
    const withBesoldung = (model: ReturnType<typeof buildModel>) => {
      model.besoldungstabelle.rows.set('A11', { steps: new Map([[3, new D('4500')]]) });
      return model;
    };
    const employeeForCivilServant = withBesoldung(
      buildModel({
        stellen: [{ nr: 'S1', gruppe: 'E11', stufe: 3, besetzt: false }],
        massnahmen: [{ nr: 'M1', art: 'Neue Stelle', stellenNr: 'N1', gruppe: 'A11', stufe: 3 }],
        deckung: [{ massnahmeNr: 'M1', art: 'Nichtbesetzung', stellenNr: 'S1' }],
        parameter: { anzahlPlanjahre: 1 },
      }),
    );
    const bad = checkCoverage(employeeForCivilServant).findings.filter(
      (f) => f.code === 'COVER_INADMISSIBLE',
    );
    expect(bad).toHaveLength(1);
    expect(bad[0].ref).toEqual({ table: 'Deckung', row: 0, field: 'stellenNr' });
    // v2: a warning with the accrual-based source; the cover still counts
    expect(bad[0].severity).toBe('warning');
    expect(bad[0].message).toContain('§ 20 Abs. 1 LHO Hessen (doppisch)');

    const civilServantForEmployee = withBesoldung(
      buildModel({
        stellen: [{ nr: 'S1', gruppe: 'A11', stufe: 3, besetzt: false }],
        massnahmen: [{ nr: 'M1', art: 'Neue Stelle', stellenNr: 'N1', gruppe: 'E9b', stufe: 3 }],
        deckung: [{ massnahmeNr: 'M1', art: 'Nichtbesetzung', stellenNr: 'S1' }],
        parameter: { anzahlPlanjahre: 1 },
      }),
    );
    expect(
      checkCoverage(civilServantForEmployee).findings.filter((f) => f.code === 'COVER_INADMISSIBLE'),
    ).toEqual([]);
  });

  it('flags Minderaufwand from a revenue line and Mehrertrag from an expense line', () => {
    const lines: ModelInput['planansaetze'] = [
      { haushaltsstelle: 'E2', jahr: 2027, ansatz: 200000, art: 'Ertrag', bezeichnung: 'Gebühren' },
      { haushaltsstelle: 'A1', jahr: 2027, ansatz: 200000, art: 'Sachaufwand', bezeichnung: 'Beratung' },
    ];
    const found = codes(
      base(
        [
          { massnahmeNr: 'M1', art: 'Minderaufwand', haushaltsstelle: 'E2', betrag: 40000 },
          { massnahmeNr: 'M1', art: 'Mehrertrag', haushaltsstelle: 'A1', betrag: 40000 },
        ],
        lines,
      ),
      'COVER_INADMISSIBLE',
    );
    expect(found.map((f) => f.ref?.row)).toEqual([0, 1]);
  });

  it('a town can switch a rule off (rules are data)', () => {
    const model = buildModel(
      base(
        [{ massnahmeNr: 'M1', art: 'Minderaufwand', haushaltsstelle: 'I1', betrag: 100000 }],
        [{ haushaltsstelle: 'I1', jahr: 2027, ansatz: 500000, art: 'Investition' }],
      ),
    );
    model.coverRules = DEFAULT_COVER_RULES.map((r) => ({
      ...r,
      enabled: r.id !== 'investition-fuer-aufwand',
    }));
    expect(checkCoverage(model).findings.filter((f) => f.code === 'COVER_INADMISSIBLE')).toEqual([]);
  });
});
