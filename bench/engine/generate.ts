import { D } from '../../src/domain/money';
import type { PayTable, WorkbookModel } from '../../src/domain/model';
import { DEFAULT_ENTGELTTABELLE } from '../../src/domain/defaults';
import {
  buildModel,
  type DeckungInput,
  type MassnahmeInput,
  type PlanansatzInput,
  type StelleInput,
} from '../../tests/support/fixtures';
import type { RowInput, TemplateData } from '../../src/workbook/template';
import { Rng } from '../common/prng';

/**
 * Deterministic benchmark data: a large town's Stellenplan with measures, cover rows and budget lines.
 * Scale 1 = 10.000 positions, 1.000 measures, 2.000 cover rows, 420 budget lines × 5 plan years;
 * scale 10 = ten times everything. The same seed gives the same data on every machine.
 *
 * The mix is meant to look like a real plan, including its flaws: a few vacant positions are named as
 * cover twice, some cover rows end early, some measures are not fully covered. So the check has real
 * findings to produce, not just the happy path.
 */

export interface BenchData {
  stellen: StelleInput[];
  massnahmen: MassnahmeInput[];
  deckung: DeckungInput[];
  planansaetze: PlanansatzInput[];
  /** Besoldungstabelle rows (grade → monthly € for steps 1..8). Synthetic figures, not a real HBesG table. */
  besoldung: [string, number[]][];
}

export interface BenchSizes {
  positions: number;
  measures: number;
  covers: number;
  /** Organisationseinheiten; each has a personnel and a Sachaufwand budget line, every 10th an Ertrag line. */
  units: number;
}

export function sizesFor(scale: number): BenchSizes {
  return { positions: 10_000 * scale, measures: 1_000 * scale, covers: 2_000 * scale, units: 200 * scale };
}

export const FIRST_YEAR = 2027;
export const PLAN_YEARS = 5;

const DEZERNATE = ['Dezernat I', 'Dezernat II', 'Dezernat III', 'Dezernat IV', 'Dezernat V'];
const E_GRADES = [
  'E2',
  'E2Ü',
  'E3',
  'E4',
  'E5',
  'E6',
  'E7',
  'E8',
  'E9a',
  'E9b',
  'E9c',
  'E10',
  'E11',
  'E12',
  'E13',
  'E14',
  'E15',
  'E15Ü',
];
const A_GRADES = ['A5', 'A6', 'A7', 'A8', 'A9', 'A10', 'A11', 'A12', 'A13', 'A14', 'A15', 'A16'];
const TITLES = [
  'Sachbearbeitung',
  'Verwaltungsfachkraft',
  'Sachgebietsleitung',
  'Erzieher/in',
  'Ingenieur/in',
  'Bauhof',
  'IT-Administration',
  'Sekretariat',
];
const VARIANTS = ['Variante A', 'Variante B', 'Variante C'];

/** Synthetic Besoldung figures (plausible magnitude only): A5 step 1 = 2.900 €, +7 % per grade, +3 % per step. */
function besoldungTable(): [string, number[]][] {
  return A_GRADES.map((g, gi) => [
    g,
    Array.from({ length: 8 }, (_, si) => Math.round(2900 * 1.07 ** gi * 1.03 ** si * 100) / 100),
  ]);
}

function iso(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function monthEnd(year: number, month: number): string {
  return iso(year, month, new Date(Date.UTC(year, month, 0)).getUTCDate());
}

/** A step that exists in the pay table for this grade (E15Ü has no step 1, E2 no step 6). */
function validStep(rng: Rng, grade: string): number {
  if (grade.startsWith('A')) return rng.int(1, 8);
  const steps = DEFAULT_ENTGELTTABELLE.rows.get(grade)!.steps;
  const available = [1, 2, 3, 4, 5, 6].filter((s) => steps.has(s));
  return rng.pick(available);
}

/** Rough monthly pay as a float, only to state plausible Planansätze in the generated motions. */
function roughMonthly(grade: string, step: number, besoldung: Map<string, number[]>): number {
  if (grade.startsWith('A')) return besoldung.get(grade)![step - 1];
  return DEFAULT_ENTGELTTABELLE.rows.get(grade)!.steps.get(step)!.toNumber();
}

export function generate(scale = 1, seed = 20270101): BenchData {
  const rng = new Rng(seed);
  const sizes = sizesFor(scale);
  const besoldung = besoldungTable();
  const besoldungMap = new Map(besoldung);

  const personnelLine = (u: number) => `${(u % 9) + 1}.${String(u + 1).padStart(4, '0')}.5011`;
  const sachLine = (u: number) => `${(u % 9) + 1}.${String(u + 1).padStart(4, '0')}.5241`;
  const ertragLine = (u: number) => `${(u % 9) + 1}.${String(u + 1).padStart(4, '0')}.4321`;
  // ---- Positions: ~50 per unit
  const stellen: StelleInput[] = [];
  const unitCost = new Array<number>(sizes.units).fill(0);
  const perUnit = Math.ceil(sizes.positions / sizes.units);
  const vacant: number[] = [];
  const planned: number[] = [];
  const kw: number[] = [];
  for (let i = 0; i < sizes.positions; i++) {
    const u = Math.floor(i / perUnit);
    const beamte = rng.chance(0.15);
    const gruppe = beamte ? rng.pick(A_GRADES) : rng.pick(E_GRADES);
    const stufe = validStep(rng, gruppe);
    const isPlanned = rng.chance(0.04);
    const besetzt = !isPlanned && rng.chance(0.88);
    const vermerk = besetzt
      ? rng.weighted([
          ['', 0.95],
          ['kw', 0.035],
          ['ku', 0.015],
        ] as const)
      : '';
    const fixedTerm = rng.chance(0.06);
    const beginn = isPlanned ? iso(rng.int(FIRST_YEAR, FIRST_YEAR + 3), rng.int(1, 12), 1) : undefined;
    const ende = fixedTerm ? monthEnd(rng.int(FIRST_YEAR, FIRST_YEAR + 6), rng.int(1, 12)) : undefined;
    stellen.push({
      nr: `${u + 1}.${String((i % perUnit) + 1).padStart(3, '0')}`,
      dezernat: DEZERNATE[u % DEZERNATE.length],
      oe: `OE ${u + 1}`,
      bezeichnung: `${rng.pick(TITLES)} ${i + 1}`,
      dienstverhaeltnis: beamte ? 'Beamte' : 'Beschäftigte',
      gruppe,
      stufe,
      anteil: rng.weighted([
        [1, 0.75],
        [0.5, 0.1],
        [0.75, 0.06],
        [0.8, 0.05],
        [0.6, 0.04],
      ] as const),
      besetzt,
      vermerk,
      // v2: most kw notes carry the date the holder leaves, ku notes the lower grade; some have Frei ab
      vermerkText:
        vermerk === 'kw' && rng.chance(0.7)
          ? `kw 31.12.${rng.int(FIRST_YEAR - 1, FIRST_YEAR + 3)}`
          : vermerk === 'ku'
            ? `ku ${beamte ? 'A 9' : 'E8'}`
            : vermerk,
      freiAb:
        besetzt && rng.chance(0.05) ? iso(rng.int(FIRST_YEAR, FIRST_YEAR + 4), rng.int(1, 12), 1) : undefined,
      beginn: beginn && ende && ende < beginn ? undefined : beginn,
      ende,
      haushaltsstelle: personnelLine(u),
    });
    const anteil = stellen[i].anteil as number;
    unitCost[u] += roughMonthly(gruppe, stufe, besoldungMap) * (beamte ? 12 * 1.37 : 12.85 * 1.2915) * anteil;
    if (isPlanned) planned.push(i);
    else if (!besetzt) vacant.push(i);
    if (vermerk === 'kw') kw.push(i);
  }

  // ---- Budget lines: per unit a personnel and a Sachaufwand line, every 10th unit an Ertrag line
  const planansaetze: PlanansatzInput[] = [];
  const sachLines: string[] = [];
  const protectedLines: string[] = [];
  const ertragLines: string[] = [];
  for (let u = 0; u < sizes.units; u++) {
    const prot = u % 50 === 7; // e.g. school equipment: may never serve as cover
    const lines: [string, string, 'Personalaufwand' | 'Sachaufwand' | 'Ertrag', number, boolean][] = [
      // the personnel line mostly covers the unit's positions; now and then it is short (BUDGET_SHORTFALL)
      [
        personnelLine(u),
        `Personalaufwand OE ${u + 1}`,
        'Personalaufwand',
        Math.round((unitCost[u] * rng.pick([0.97, 1.04, 1.06, 1.08, 1.1])) / 1000) * 1000,
        false,
      ],
      [
        sachLine(u),
        prot ? `Schulausstattung OE ${u + 1}` : `Sachaufwand OE ${u + 1}`,
        'Sachaufwand',
        rng.int(50, 500) * 1000,
        prot,
      ],
    ];
    if (u % 10 === 0)
      lines.push([ertragLine(u), `Gebühren OE ${u + 1}`, 'Ertrag', rng.int(100, 900) * 1000, false]);
    (prot ? protectedLines : sachLines).push(sachLine(u));
    if (u % 10 === 0) ertragLines.push(ertragLine(u));
    for (const [hst, bezeichnung, art, base, geschuetzt] of lines)
      for (let y = 0; y < PLAN_YEARS; y++)
        planansaetze.push({
          haushaltsstelle: hst,
          bezeichnung,
          jahr: FIRST_YEAR + y,
          ansatz: Math.round(base * (art === 'Personalaufwand' ? 1.03 : 1.02) ** y),
          geschuetzt,
          art,
        });
  }

  // ---- Measures
  const massnahmen: MassnahmeInput[] = [];
  const costing: number[] = []; // indices of measures that cost money and need cover
  const takenForMeasure = new Set<number>();
  const existing = (): StelleInput => {
    // a position not yet touched by another measure (measures on the same position would be odd)
    for (;;) {
      const i = rng.int(0, stellen.length - 1);
      if (!takenForMeasure.has(i)) {
        takenForMeasure.add(i);
        return stellen[i];
      }
    }
  };
  for (let k = 0; k < sizes.measures; k++) {
    const art = rng.weighted([
      ['Neue Stelle', 0.3],
      ['Stelle streichen', 0.1],
      ['Stellenanteil ändern', 0.12],
      ['Höhergruppierung', 0.2],
      ['Umsetzung', 0.1],
      ['Sachaufwand', 0.18],
    ] as const);
    const startYear = rng.int(FIRST_YEAR, FIRST_YEAR + 2);
    const beginn = iso(startYear, rng.pick([1, 1, 1, 4, 7, 10]), 1);
    const szenario = rng.chance(0.2) ? rng.pick(VARIANTS) : 'Basis';
    const status = rng.weighted([
      ['Entwurf', 0.5],
      ['beantragt', 0.35],
      ['beschlossen', 0.1],
      ['abgelehnt', 0.05],
    ] as const);
    const nr = `M-${String(k + 1).padStart(6, '0')}`;
    const base: MassnahmeInput = { nr, art, bezeichnung: `${art} ${k + 1}`, szenario, status, beginn };
    const u = rng.int(0, sizes.units - 1);
    switch (art) {
      case 'Neue Stelle': {
        const beamte = rng.chance(0.1);
        const gruppe = beamte ? rng.pick(A_GRADES) : rng.pick(E_GRADES);
        const stufe = validStep(rng, gruppe);
        const anteil = rng.weighted([
          [1, 0.8],
          [0.5, 0.2],
        ] as const);
        const factor = beamte ? 12 * 1.37 : 12.85 * 1.2915;
        const noise = rng.weighted([
          [1, 0.6],
          [1.03, 0.2],
          [1.12, 0.2],
        ] as const);
        Object.assign(base, {
          stellenNr: `N.${k + 1}`,
          oe: `OE ${u + 1}`,
          dezernat: DEZERNATE[u % DEZERNATE.length],
          gruppe,
          stufe,
          anteil,
          ende: rng.chance(0.4)
            ? monthEnd(startYear + 2, 1 + ((Number(beginn.slice(5, 7)) + 10) % 12))
            : undefined,
          planansatz:
            Math.round((roughMonthly(gruppe, stufe, besoldungMap) * factor * anteil * noise) / 100) * 100,
          haushaltsstelle: personnelLine(u),
          auflagen: rng.chance(0.3) ? 'Stellenbeschreibung vor Ausschreibung an den HFW' : '',
        });
        costing.push(k);
        break;
      }
      case 'Stelle streichen':
        base.stellenNr = existing().nr;
        break;
      case 'Stellenanteil ändern': {
        const s = existing();
        base.stellenNr = s.nr;
        base.anteil = Number(s.anteil) >= 1 ? rng.pick([0.5, 0.75]) : 1;
        if (Number(base.anteil) > Number(s.anteil)) costing.push(k);
        break;
      }
      case 'Höhergruppierung': {
        let s = existing();
        while (String(s.gruppe).startsWith('A') || s.gruppe === 'E15Ü') s = existing();
        const next = E_GRADES[E_GRADES.indexOf(String(s.gruppe)) + 1];
        base.stellenNr = s.nr;
        base.gruppe = next;
        base.stufe = DEFAULT_ENTGELTTABELLE.rows.get(next)!.steps.has(s.stufe!)
          ? s.stufe
          : validStep(rng, next);
        costing.push(k);
        break;
      }
      case 'Umsetzung':
        base.stellenNr = existing().nr;
        base.oe = `OE ${u + 1}`;
        if (rng.chance(0.1)) base.terminOffen = true;
        break;
      case 'Sachaufwand':
        base.planansatz = rng.int(5, 80) * 1000;
        base.haushaltsstelle = sachLine(u);
        costing.push(k);
        break;
    }
    massnahmen.push(base);
  }

  // ---- Cover rows: every costing measure gets one, the rest are spread at random
  const deckung: DeckungInput[] = [];
  rng.shuffle(vacant);
  rng.shuffle(planned);
  const pools = { vacant, planned, kw };
  const cursor = { vacant: 0, planned: 0, kw: 0 };
  const take = (pool: keyof typeof pools): StelleInput => {
    const list = pools[pool].length > 0 ? pools[pool] : vacant;
    const i = cursor[pool]++ % list.length; // wraps around when exhausted: double use, as in real life
    // now and then someone names a position that is already taken (COVER_OVERUSED)
    return stellen[rng.chance(0.01) ? list[rng.int(0, list.length - 1)] : list[i]];
  };
  for (let c = 0; c < sizes.covers; c++) {
    const k = c < costing.length ? costing[c] : rng.pick(costing);
    const m = massnahmen[k];
    const art = rng.weighted([
      ['Stellenwegfall', 0.25],
      ['Nichtbesetzung', 0.25],
      ['Verzicht auf geplante Stelle', 0.15],
      ['Minderaufwand', 0.25],
      ['Mehrertrag', 0.05],
      ['Förderung', 0.05],
    ] as const);
    const row: DeckungInput = { massnahmeNr: m.nr, art };
    switch (art) {
      case 'Stellenwegfall': {
        const s = rng.chance(0.4) ? take('kw') : stellen[rng.int(0, stellen.length - 1)];
        Object.assign(row, { stellenNr: s.nr, quelle: `Wegfall ${s.bezeichnung}` });
        break;
      }
      case 'Nichtbesetzung': {
        const s = take('vacant');
        Object.assign(row, { stellenNr: s.nr, quelle: `Nichtbesetzung ${s.nr}` });
        break;
      }
      case 'Verzicht auf geplante Stelle': {
        const s = take(rng.chance(0.7) ? 'planned' : 'vacant');
        Object.assign(row, { stellenNr: s.nr, quelle: `Verzicht ${s.nr}` });
        break;
      }
      case 'Minderaufwand':
        Object.assign(row, {
          haushaltsstelle:
            rng.chance(0.01) && protectedLines.length > 0 ? rng.pick(protectedLines) : rng.pick(sachLines),
          betrag: rng.int(2, 40) * 1000,
          quelle: 'Minderaufwand Sachkosten',
        });
        break;
      case 'Förderung':
        Object.assign(row, {
          quelle: 'Förderprogramm',
          quote: rng.pick([0.5, 0.75, 0.9]),
          betrag: rng.chance(0.5) ? rng.int(10, 60) * 1000 : undefined,
        });
        break;
      case 'Mehrertrag':
        Object.assign(row, {
          haushaltsstelle: rng.pick(ertragLines),
          betrag: rng.int(1, 30) * 1000,
          quelle: 'Gebührenanpassung',
        });
        break;
    }
    // a position source with a partial amount instead of the whole position's cost
    if (row.stellenNr && rng.chance(0.2)) row.betrag = rng.int(10, 40) * 1000;
    // cover that ends before the measure (COVER_PERIOD)
    if (rng.chance(0.1)) row.ende = monthEnd(FIRST_YEAR + rng.int(1, 3), 12);
    deckung.push(row);
  }

  return { stellen, massnahmen, deckung, planansaetze, besoldung };
}

function besoldungPayTable(rows: [string, number[]][]): PayTable {
  return {
    kind: 'Besoldung',
    source: 'Benchmark: synthetische Besoldungstabelle',
    rows: new Map(
      rows.map(([g, steps]) => [g, { steps: new Map(steps.map((v, i) => [i + 1, new D(String(v))])) }]),
    ),
  };
}

/** The domain model, as the reader would produce it from the workbook. */
export function toModel(data: BenchData): WorkbookModel {
  const model = buildModel({
    stellen: data.stellen,
    massnahmen: data.massnahmen,
    deckung: data.deckung,
    planansaetze: data.planansaetze,
    parameter: { erstesPlanjahr: FIRST_YEAR, anzahlPlanjahre: PLAN_YEARS },
  });
  model.besoldungstabelle = besoldungPayTable(data.besoldung);
  return model;
}

const yesNo = (b: boolean | undefined) => (b ? 'Ja' : 'Nein');

/** Rows by German header text for the workbook template (src/workbook/template.ts). */
export function toTemplateData(data: BenchData): TemplateData {
  const stellen: RowInput[] = data.stellen.map((s) => ({
    'Stellen-Nr.': s.nr,
    Dezernat: s.dezernat,
    Organisationseinheit: s.oe,
    Bezeichnung: s.bezeichnung,
    Dienstverhältnis: s.dienstverhaeltnis,
    Entgeltgruppe: s.gruppe,
    Stufe: s.stufe,
    Stellenanteil: Number(s.anteil ?? 1),
    Besetzt: yesNo(s.besetzt),
    Vermerk: s.vermerkText || undefined,
    Beginn: s.beginn,
    Ende: s.ende,
    Haushaltsstelle: s.haushaltsstelle,
    'Frei ab': s.freiAb,
  }));
  const massnahmen: RowInput[] = data.massnahmen.map((m) => ({
    'Maßnahme-Nr.': m.nr,
    Bezeichnung: m.bezeichnung,
    Art: m.art,
    'Stellen-Nr.': m.stellenNr,
    Dezernat: m.dezernat,
    Organisationseinheit: m.oe,
    Entgeltgruppe: m.gruppe,
    Stufe: m.stufe,
    Stellenanteil: m.anteil === undefined ? undefined : Number(m.anteil),
    Beginn: m.terminOffen ? 'offen' : m.beginn,
    Ende: m.ende,
    Planansatz: m.planansatz === undefined ? undefined : Number(m.planansatz),
    Haushaltsstelle: m.haushaltsstelle,
    Szenario: m.szenario,
    Auflagen: m.auflagen,
    Status: m.status,
  }));
  const deckung: RowInput[] = data.deckung.map((d) => ({
    'Maßnahme-Nr.': d.massnahmeNr,
    Quelle: d.quelle,
    Art: d.art,
    'Stellen-Nr.': d.stellenNr,
    Haushaltsstelle: d.haushaltsstelle,
    Betrag: d.betrag === undefined ? undefined : Number(d.betrag),
    Beginn: d.beginn,
    Ende: d.ende,
    Quote: d.quote === undefined ? undefined : Number(d.quote),
  }));
  const planansaetze: RowInput[] = data.planansaetze.map((p) => ({
    Haushaltsstelle: p.haushaltsstelle,
    Bezeichnung: p.bezeichnung,
    Jahr: p.jahr,
    Ansatz: Number(p.ansatz),
    Geschützt: yesNo(p.geschuetzt),
    Art: p.art,
  }));
  return {
    stellen,
    massnahmen,
    deckung,
    planansaetze,
    parameter: { 'Erstes Planjahr': FIRST_YEAR, 'Anzahl Planjahre': PLAN_YEARS },
  };
}
