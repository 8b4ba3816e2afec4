import { DEFAULT_BESOLDUNGSTABELLE, DEFAULT_ENTGELTTABELLE, DEFAULT_PARAMETER, clonePayTable } from '../defaults';
import { dec } from '../money';
import { normalizeGrade, dienstverhaeltnisOfGrade } from '../grades';
import type { Deckung, Massnahme, Parameter, Planansatz, Stelle, WorkbookModel } from '../model';

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
export interface DeckungInput extends Partial<Omit<Deckung, 'betrag' | 'ref'>> {
  massnahmeNr: string;
  art: Deckung['art'];
  betrag?: Num;
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
    ref: { table: 'Deckung', row },
  };
}

export function planansatz(input: PlanansatzInput, row = 0): Planansatz {
  return { bezeichnung: input.haushaltsstelle, geschuetzt: false, ...input, ansatz: dec(input.ansatz), ref: { table: 'Planansaetze', row } };
}

export interface ModelInput {
  stellen?: StelleInput[];
  massnahmen?: MassnahmeInput[];
  deckung?: DeckungInput[];
  planansaetze?: PlanansatzInput[];
  parameter?: Partial<Parameter>;
}

/** A whole model; rows are numbered in the order given (0-based, like the reader). */
export function buildModel(input: ModelInput = {}): WorkbookModel {
  return {
    stellen: (input.stellen ?? []).map((s, i) => stelle(s, i)),
    massnahmen: (input.massnahmen ?? []).map((m, i) => massnahme(m, i)),
    deckung: (input.deckung ?? []).map((d, i) => deckung(d, i)),
    planansaetze: (input.planansaetze ?? []).map((p, i) => planansatz(p, i)),
    parameter: { ...DEFAULT_PARAMETER, ...input.parameter },
    entgelttabelle: clonePayTable(DEFAULT_ENTGELTTABELLE),
    besoldungstabelle: clonePayTable(DEFAULT_BESOLDUNGSTABELLE),
  };
}

/** The Obertshausen motion (seed 003) as a model: one new FB1 position covered by two others. */
export function obertshausenModel(): WorkbookModel {
  return buildModel({
    stellen: [
      { nr: '1.01', oe: 'FB1', bezeichnung: 'Fachbereichsleitung Zentrale Dienste', gruppe: 'E13', stufe: 4, besetzt: true },
      { nr: '5.07', oe: 'FB5', dezernat: 'Dezernat II', bezeichnung: 'Supervision (zusätzlich, geplant)', gruppe: 'E10', stufe: 1, besetzt: false, beginn: '2027-01-01' },
      { nr: '6.12', oe: 'FB6', dezernat: 'Dezernat III', bezeichnung: 'Bauhof, Mitarbeiter/in (frei durch Umwidmung)', gruppe: 'E5', stufe: 3, besetzt: false },
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
      { massnahmeNr: 'M-2027-01', quelle: 'FB5 zusätzliche Stelle Supervision', art: 'Verzicht auf geplante Stelle', stellenNr: '5.07' },
      { massnahmeNr: 'M-2027-01', quelle: 'FB6 Nachbesetzung Bauhofstelle', art: 'Nichtbesetzung', stellenNr: '6.12' },
    ],
  });
}
