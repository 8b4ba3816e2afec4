import {
  DEFAULT_BESOLDUNGSTABELLE,
  DEFAULT_ENTGELTTABELLE,
  DEFAULT_PARAMETER,
  clonePayTable,
} from '../../src/domain/defaults';
import { dec, type Dec } from '../../src/domain/money';
import { normalizeGrade, dienstverhaeltnisOfGrade } from '../../src/domain/grades';
import type {
  Deckung,
  Massnahme,
  Parameter,
  PayTable,
  Planansatz,
  Stelle,
  WorkbookModel,
} from '../../src/domain/model';

/**
 * Builds domain models in code for tests: sensible defaults, refs numbered by row like the reader does.
 * Amounts may be given as numbers or strings; they become decimals.
 */
type Num = number | string;

export interface StelleInput extends Partial<Omit<Stelle, 'anteil' | 'ref' | 'vorjahr' | 'besetzt306'>> {
  nr: string;
  anteil?: Num;
}
export interface MassnahmeInput extends Partial<Omit<Massnahme, 'anteil' | 'planansatz' | 'ref'>> {
  nr: string;
  art: Massnahme['art'];
  anteil?: Num;
  planansatz?: Num;
}
export interface DeckungInput extends Partial<Omit<Deckung, 'betrag' | 'quote' | 'ref'>> {
  massnahmeNr: string;
  art: Deckung['art'];
  betrag?: Num;
  quote?: Num;
}
export interface PlanansatzInput extends Partial<Omit<Planansatz, 'ansatz' | 'ref'>> {
  haushaltsstelle: string;
  jahr: number;
  ansatz: Num;
}

export function stelle(input: StelleInput, row = 0): Stelle {
  const gruppe = normalizeGrade(input.gruppe ?? 'E9b');
  return {
    dezernat: 'Dezernat I',
    oe: 'FB1',
    bezeichnung: `Stelle ${input.nr}`,
    dienstverhaeltnis: dienstverhaeltnisOfGrade(gruppe),
    stufe: 3,
    besetzt: false,
    vermerk: '',
    vermerkText: '',
    haushaltsstelle: '',
    ...input,
    gruppe,
    anteil: dec(input.anteil ?? 1),
    ref: { table: 'Stellen', row },
  };
}

export function massnahme(input: MassnahmeInput, row = 0): Massnahme {
  return {
    bezeichnung: `Maßnahme ${input.nr}`,
    stellenNr: '',
    oe: '',
    terminOffen: false,
    haushaltsstelle: '',
    szenario: 'Basis',
    auflagen: '',
    status: 'Entwurf',
    ...input,
    gruppe: input.gruppe ? normalizeGrade(input.gruppe) : undefined,
    anteil: input.anteil === undefined ? undefined : dec(input.anteil),
    planansatz: input.planansatz === undefined ? undefined : dec(input.planansatz),
    ref: { table: 'Massnahmen', row },
  };
}

export function deckung(input: DeckungInput, row = 0): Deckung {
  return {
    quelle: '',
    stellenNr: '',
    haushaltsstelle: '',
    ...input,
    betrag: input.betrag === undefined ? undefined : dec(input.betrag),
    quote: input.quote === undefined ? undefined : dec(input.quote),
    ref: { table: 'Deckung', row },
  };
}

export function planansatz(input: PlanansatzInput, row = 0): Planansatz {
  return {
    bezeichnung: input.haushaltsstelle,
    geschuetzt: false,
    ...input,
    ansatz: dec(input.ansatz),
    ref: { table: 'Planansaetze', row },
  };
}

/** A new E5/1 position from 01.01.2027, open-ended (51.846,… € in 2027). */
export const newPosition = (nr: string, extra: Partial<MassnahmeInput> = {}): MassnahmeInput => ({
  nr,
  art: 'Neue Stelle',
  stellenNr: `N-${nr}`,
  gruppe: 'E5',
  stufe: 1,
  beginn: '2027-01-01',
  ...extra,
});

export interface ModelInput {
  stellen?: StelleInput[];
  massnahmen?: MassnahmeInput[];
  deckung?: DeckungInput[];
  planansaetze?: PlanansatzInput[];
  parameter?: Partial<Parameter>;
  /** Replaces the default TVöD table (e.g. a small table built in a test). */
  entgelttabelle?: PayTable;
  /** Replaces the default Besoldungstabelle (which is empty on purpose). */
  besoldungstabelle?: PayTable;
}

/**
 * A pay table from literal rows: grade → monthly € per step (index 0 = Stufe 1, null = no such step).
 * Grades are normalised like the reader does ("A 11" → "A11").
 */
export function payTable(
  kind: PayTable['kind'],
  rows: Record<string, (Num | null)[]>,
  source = 'Testtabelle',
): PayTable {
  const map: PayTable['rows'] = new Map();
  for (const [grade, steps] of Object.entries(rows)) {
    const bySteps = new Map<number, Dec>();
    steps.forEach((v, i) => {
      if (v !== null) bySteps.set(i + 1, dec(v));
    });
    map.set(normalizeGrade(grade), { steps: bySteps });
  }
  return { kind, rows: map, source };
}

/** A whole model; rows are numbered in the order given (0-based, like the reader). */
export function buildModel(input: ModelInput = {}): WorkbookModel {
  return {
    stellen: (input.stellen ?? []).map((s, i) => stelle(s, i)),
    massnahmen: (input.massnahmen ?? []).map((m, i) => massnahme(m, i)),
    deckung: (input.deckung ?? []).map((d, i) => deckung(d, i)),
    planansaetze: (input.planansaetze ?? []).map((p, i) => planansatz(p, i)),
    parameter: { ...DEFAULT_PARAMETER, ...input.parameter },
    entgelttabelle: clonePayTable(input.entgelttabelle ?? DEFAULT_ENTGELTTABELLE),
    besoldungstabelle: clonePayTable(input.besoldungstabelle ?? DEFAULT_BESOLDUNGSTABELLE),
  };
}

/** The budget line `funded` charges positions to: its Ansatz is far above any test's positions. */
export const FUNDED_LINE = 'TEST.PERSONAL';

/**
 * Positions without a budget line are charged to one generous personnel line, so that a test about
 * another rule is not about COVER_UNFUNDED (DESIGN.md v2: only budgeted money can be given up).
 */
export function funded(input: ModelInput): ModelInput {
  const first = input.parameter?.erstesPlanjahr ?? DEFAULT_PARAMETER.erstesPlanjahr;
  const n = input.parameter?.anzahlPlanjahre ?? DEFAULT_PARAMETER.anzahlPlanjahre;
  return {
    ...input,
    stellen: (input.stellen ?? []).map((s) => ({ ...s, haushaltsstelle: s.haushaltsstelle || FUNDED_LINE })),
    planansaetze: [
      ...(input.planansaetze ?? []),
      ...Array.from({ length: n }, (_, i) => ({
        haushaltsstelle: FUNDED_LINE,
        bezeichnung: 'Personalaufwand (Test)',
        jahr: first + i,
        ansatz: 100_000_000,
        art: 'Personalaufwand' as const,
      })),
    ],
  };
}

/**
 * Appends rows to a copy of a model; new rows are numbered after the existing rows of their table,
 * as the reader would number rows added at the bottom of a sheet.
 */
export function extendModel(
  model: WorkbookModel,
  input: Pick<ModelInput, 'stellen' | 'massnahmen' | 'deckung' | 'planansaetze'>,
): WorkbookModel {
  return {
    ...model,
    stellen: [...model.stellen, ...(input.stellen ?? []).map((s, i) => stelle(s, model.stellen.length + i))],
    massnahmen: [
      ...model.massnahmen,
      ...(input.massnahmen ?? []).map((m, i) => massnahme(m, model.massnahmen.length + i)),
    ],
    deckung: [...model.deckung, ...(input.deckung ?? []).map((d, i) => deckung(d, model.deckung.length + i))],
    planansaetze: [
      ...model.planansaetze,
      ...(input.planansaetze ?? []).map((p, i) => planansatz(p, model.planansaetze.length + i)),
    ],
  };
}

/** The Obertshausen motion (seed 003) as a model: one new FB1 position covered by two others. */
export function obertshausenModel(): WorkbookModel {
  return buildModel({
    stellen: [
      {
        nr: '1.01',
        oe: 'FB1',
        bezeichnung: 'Fachbereichsleitung Zentrale Dienste',
        gruppe: 'E13',
        stufe: 4,
        besetzt: true,
        haushaltsstelle: '1.1.01.5011',
      },
      {
        nr: '5.07',
        oe: 'FB5',
        dezernat: 'Dezernat II',
        bezeichnung: 'Supervision (zusätzlich, geplant)',
        gruppe: 'E10',
        stufe: 1,
        besetzt: false,
        beginn: '2027-01-01',
        haushaltsstelle: '3.6.01.5011',
      },
      {
        nr: '6.12',
        oe: 'FB6',
        dezernat: 'Dezernat III',
        bezeichnung: 'Bauhof, Mitarbeiter/in (frei durch Umwidmung)',
        gruppe: 'E5',
        stufe: 3,
        besetzt: false,
        haushaltsstelle: '5.4.01.5011',
      },
    ],
    massnahmen: [
      {
        nr: 'M-2027-01',
        bezeichnung: 'Organisator/in Prozessoptimierung und -digitalisierung',
        art: 'Neue Stelle',
        stellenNr: '1.20',
        oe: 'FB1',
        gruppe: 'E9b',
        stufe: 3,
        anteil: 1,
        beginn: '2027-01-01',
        ende: '2028-12-31',
        planansatz: 70000,
        auflagen: 'Stellenbeschreibung vor Ausschreibung an den HFW',
      },
    ],
    deckung: [
      {
        massnahmeNr: 'M-2027-01',
        quelle: 'FB5 zusätzliche Stelle Supervision',
        art: 'Verzicht auf geplante Stelle',
        stellenNr: '5.07',
      },
      {
        massnahmeNr: 'M-2027-01',
        quelle: 'FB6 Nachbesetzung Bauhofstelle',
        art: 'Nichtbesetzung',
        stellenNr: '6.12',
      },
    ],
    // The personnel lines of the positions given up (as in examples/data.ts): they are budgeted.
    planansaetze: [2027, 2028, 2029, 2030, 2031].flatMap((jahr) => [
      {
        haushaltsstelle: '1.1.01.5011',
        bezeichnung: 'FB1 – Personalaufwand',
        jahr,
        ansatz: 260000 + (jahr - 2027) * 8000,
        art: 'Personalaufwand' as const,
      },
      {
        haushaltsstelle: '3.6.01.5011',
        bezeichnung: 'FB5 – Personalaufwand',
        jahr,
        ansatz: 170000 + (jahr - 2027) * 5000,
        art: 'Personalaufwand' as const,
      },
      {
        haushaltsstelle: '5.4.01.5011',
        bezeichnung: 'FB6 Bauhof – Personalaufwand',
        jahr,
        ansatz: 262000 + (jahr - 2027) * 8000,
        art: 'Personalaufwand' as const,
      },
    ]),
  });
}

/**
 * The Konstanz reorganisation (seed 000) as a model: a new Amtsleitung for the Amt für Digitalisierung
 * (E15 from 01.07.2027, adopted), the transfers into the new office with "Termin offen" (cost-neutral),
 * the protected school IT equipment line, and a variant with an extra position for information security.
 */
export function konstanzModel(): WorkbookModel {
  const years = [2027, 2028, 2029, 2030, 2031];
  const transfer = (nr: string, stellenNr: string, bezeichnung: string): MassnahmeInput => ({
    nr,
    bezeichnung,
    art: 'Umsetzung',
    stellenNr,
    dezernat: 'Dezernat I',
    oe: 'Amt für Digitalisierung',
    terminOffen: true,
    status: 'beschlossen',
    auflagen: 'Zeitpunkt wird noch festgelegt; nicht zu Lasten der Ausstattung der Schulen',
  });
  return buildModel({
    stellen: [
      {
        nr: '10.01',
        oe: 'Hauptamt',
        bezeichnung: 'Amtsleitung Hauptamt',
        gruppe: 'E15',
        stufe: 4,
        besetzt: true,
      },
      {
        nr: '10.14',
        oe: 'Hauptamt',
        bezeichnung: 'E-Government und Online-Dienste (OZG)',
        gruppe: 'E11',
        stufe: 3,
        besetzt: true,
      },
      {
        nr: '10.15',
        oe: 'Hauptamt',
        bezeichnung: 'Digitale Verwaltungsprozesse',
        gruppe: 'E10',
        stufe: 4,
        besetzt: true,
      },
      {
        nr: '40.21',
        dezernat: 'Dezernat II',
        oe: 'Amt für Bildung und Sport',
        bezeichnung: 'Schul-IT, Koordination',
        gruppe: 'E11',
        stufe: 4,
        besetzt: true,
      },
      {
        nr: '40.22',
        dezernat: 'Dezernat II',
        oe: 'Amt für Bildung und Sport',
        bezeichnung: 'Schul-IT, Systembetreuung',
        gruppe: 'E9b',
        stufe: 3,
        besetzt: true,
      },
      {
        nr: '40.23',
        dezernat: 'Dezernat II',
        oe: 'Amt für Bildung und Sport',
        bezeichnung: 'Schul-IT, Systembetreuung',
        gruppe: 'E9b',
        stufe: 2,
        anteil: '0.5',
        besetzt: true,
      },
    ],
    massnahmen: [
      {
        nr: 'K-01',
        bezeichnung: 'Amtsleitung Amt für Digitalisierung',
        art: 'Neue Stelle',
        stellenNr: '15.01',
        dezernat: 'Dezernat I',
        oe: 'Amt für Digitalisierung',
        gruppe: 'E15',
        stufe: 3,
        anteil: 1,
        beginn: '2027-07-01',
        planansatz: 115000,
        status: 'beschlossen',
        auflagen: 'Formale Amtsgründung erst nach Amtsantritt der Amtsleitung',
      },
      transfer('K-02', '10.14', 'Umsetzung E-Government / OZG in das Amt für Digitalisierung'),
      transfer('K-03', '10.15', 'Umsetzung Digitale Verwaltungsprozesse in das Amt für Digitalisierung'),
      transfer('K-04', '40.21', 'Schul-IT: Koordination von Dezernat II in Dezernat I'),
      transfer('K-05', '40.22', 'Schul-IT: Systembetreuung von Dezernat II in Dezernat I'),
      transfer('K-06', '40.23', 'Schul-IT: Systembetreuung (Teilzeit) von Dezernat II in Dezernat I'),
      {
        nr: 'K-07',
        bezeichnung: 'Variante: zusätzliche Stelle Informationssicherheit im neuen Amt',
        art: 'Neue Stelle',
        stellenNr: '15.02',
        oe: 'Amt für Digitalisierung',
        gruppe: 'E11',
        stufe: 2,
        beginn: '2028-01-01',
        planansatz: 82000,
        szenario: 'Variante Informationssicherheit',
      },
    ],
    deckung: [
      {
        massnahmeNr: 'K-01',
        quelle: 'Minderaufwand externe IT-Beratung',
        art: 'Minderaufwand',
        haushaltsstelle: '1.1.10.4430',
        betrag: 130000,
      },
      {
        massnahmeNr: 'K-07',
        quelle: 'Minderaufwand Lizenzen nach Konsolidierung',
        art: 'Minderaufwand',
        haushaltsstelle: '1.1.10.4431',
        betrag: 90000,
        beginn: '2028-01-01',
      },
    ],
    planansaetze: years.flatMap((jahr) => [
      {
        haushaltsstelle: '1.1.10.4430',
        bezeichnung: 'Externe IT-Beratung',
        jahr,
        ansatz: 180000,
        art: 'Sachaufwand' as const,
      },
      {
        haushaltsstelle: '1.1.10.4431',
        bezeichnung: 'Softwarelizenzen Verwaltung',
        jahr,
        ansatz: 90000,
        art: 'Sachaufwand' as const,
      },
      {
        haushaltsstelle: '2.1.40.4200',
        bezeichnung: 'Ausstattung Schulen (IT)',
        jahr,
        ansatz: 850000,
        geschuetzt: true,
        art: 'Sachaufwand' as const,
      },
    ]),
  });
}
