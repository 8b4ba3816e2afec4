import type { CoverRule } from './admissibility';
import type { Dec } from './money';
import type { IsoDate } from './dates';

/**
 * The domain model as read from the workbook. Every entity carries a reference to the row it came
 * from so that findings can point at a cell; the workbook layer turns (table, row, column) into "B7".
 */

/** Logical tables of the schema (DESIGN.md); the workbook layer maps them to German sheet/table names. */
export type TableKey =
  | 'Stellen'
  | 'Massnahmen'
  | 'Deckung'
  | 'Planansaetze'
  | 'Parameter'
  | 'Entgelttabelle'
  | 'Besoldungstabelle'
  | 'Deckungsregeln'
  | 'Protokoll';

/** Where a value came from: table, 0-based data row (header excluded) and the field key of the column. */
export interface SourceRef {
  table: TableKey;
  row: number;
  field?: string;
}

export type Dienstverhaeltnis = 'Beschäftigte' | 'Beamte';
export type Vermerk = '' | 'kw' | 'ku';

export interface Stelle {
  nr: string;
  dezernat: string;
  oe: string;
  bezeichnung: string;
  dienstverhaeltnis: Dienstverhaeltnis;
  /** Entgeltgruppe (E9b, S 12) or Besoldungsgruppe (A 11) as written, normalised by normalizeGrade. */
  gruppe: string;
  stufe: number;
  /** FTE share 0..1 */
  anteil: Dec;
  besetzt: boolean;
  vermerk: Vermerk;
  /** The Vermerk cell as written, e.g. "kw 30.06.2029". */
  vermerkText: string;
  beginn?: IsoDate;
  ende?: IsoDate;
  haushaltsstelle: string;
  /** Optional: the day the holder leaves (retirement, end of contract); the position is vacant from then. */
  freiAb?: IsoDate;
  /** Optional columns for the legal Stellenplan (issue 6): count last year, occupied on 30 June last year. */
  vorjahr?: Dec;
  besetzt306?: Dec;
  /** Stufe seit (contract v2): the step rises from this date by the step table (TVöD § 16 (3)). */
  stufeSeit?: IsoDate;
  /** Training position (optional column "Nachwuchs" or Dienstverhältnis "Auszubildende"/"Anwärter"). */
  nachwuchs?: string;
  ref: SourceRef;
}

export const MASSNAHME_ARTEN = [
  'Neue Stelle',
  'Stelle streichen',
  'Stellenanteil ändern',
  'Höhergruppierung',
  'Umsetzung',
  'Sachaufwand',
] as const;
export type MassnahmeArt = (typeof MASSNAHME_ARTEN)[number];

export const MASSNAHME_STATUS = ['Entwurf', 'beantragt', 'beschlossen', 'abgelehnt'] as const;
export type MassnahmeStatus = (typeof MASSNAHME_STATUS)[number];

export const BASIS = 'Basis';

export interface Massnahme {
  nr: string;
  bezeichnung: string;
  art: MassnahmeArt;
  stellenNr: string;
  /** Target Organisationseinheit (new position, Umsetzung). */
  oe: string;
  /** Target Dezernat where the workbook states one (optional column). */
  dezernat?: string;
  gruppe?: string;
  stufe?: number;
  anteil?: Dec;
  beginn?: IsoDate;
  ende?: IsoDate;
  /** "Termin offen": the effective date is not fixed yet (Konstanz: Schul-IT transfer). */
  terminOffen: boolean;
  planansatz?: Dec;
  haushaltsstelle: string;
  /** "Basis" for empty. */
  szenario: string;
  auflagen: string;
  /** Another measure that must take effect first (Konstanz: the transfers wait for the new head of office). */
  voraussetzung?: string;
  status: MassnahmeStatus;
  /** Stufe seit (contract v2): the new position's step rises from this date. */
  stufeSeit?: IsoDate;
  /** Fields the reader could not use (reported at their cells): no verdict "gedeckt" on a stand-in. */
  invalid?: string[];
  ref: SourceRef;
}

export const DECKUNG_ARTEN = [
  'Stellenwegfall',
  'Nichtbesetzung',
  'Verzicht auf geplante Stelle',
  'Minderaufwand',
  'Mehrertrag',
  'Förderung',
] as const;
export type DeckungArt = (typeof DECKUNG_ARTEN)[number];

export interface Deckung {
  massnahmeNr: string;
  quelle: string;
  art: DeckungArt;
  stellenNr: string;
  haushaltsstelle: string;
  /** €/year; undefined for a position source = that position's cost. */
  betrag?: Dec;
  beginn?: IsoDate;
  ende?: IsoDate;
  /** Förderung: share of the measure's cost that the funding bears (0..1), e.g. 0,75. */
  quote?: Dec;
  /** Fields the reader could not use (reported at their cells). */
  invalid?: string[];
  ref: SourceRef;
}

export const PLANANSATZ_ARTEN = ['Personalaufwand', 'Sachaufwand', 'Ertrag', 'Investition'] as const;
export type PlanansatzArt = (typeof PLANANSATZ_ARTEN)[number];

export interface Planansatz {
  haushaltsstelle: string;
  bezeichnung: string;
  jahr: number;
  ansatz: Dec;
  geschuetzt: boolean;
  art?: PlanansatzArt;
  ref: SourceRef;
}

/** Parameters of the cost model (DESIGN.md names in comments). Rates are decimals (0.03 = 3 %). */
export interface Parameter {
  erstesPlanjahr: number; // Erstes Planjahr
  anzahlPlanjahre: number; // Anzahl Planjahre
  tarifsteigerung: Dec; // Tarifsteigerung p.a.
  agSozialversicherung: Dec; // AG-Anteil Sozialversicherung
  zusatzversorgung: Dec; // Zusatzversorgung
  jahressonderzahlung: Dec; // Jahressonderzahlung (monthly salaries)
  versorgungszuschlag: Dec; // Versorgungszuschlag Beamte
  gemeinkosten: Dec; // Gemeinkostenzuschlag
  sachkosten: Dec; // Sachkosten je Stelle (€/year)
  toleranz: Dec; // Toleranz Planansatz
  // contract v2: absent = off, so a workbook that does not name them computes as before
  tarifsteigerungAb?: IsoDate; // Tarifsteigerung ab
  leistungsentgelt?: Dec; // Leistungsentgelt (share of the tariff pay, TVöD § 18)
  agKvPv?: Dec; // AG-Anteil KV/PV (capped at BBG KV/PV)
  bbgKvPv?: Dec; // BBG KV/PV (Monat)
  agRvAv?: Dec; // AG-Anteil RV/AV (capped at BBG RV/AV)
  bbgRvAv?: Dec; // BBG RV/AV (Monat)
  beihilfe?: Dec; // Beihilfe Beamte (share of pay)
  jszNachGruppe?: boolean; // Jahressonderzahlung nach Entgeltgruppe (TVöD § 20 rates by grade band and year)
}

/** One dated version of a pay table (`Gültig ab`); undefined date = valid from the beginning. */
export interface PayTableVersion {
  gueltigAb?: IsoDate;
  /** A row carried over from an earlier version keeps its own `gueltigAb`. */
  rows: Map<string, { steps: Map<number, Dec>; ref?: SourceRef; gueltigAb?: IsoDate }>;
}

/** A pay table: grade → step → monthly € (full time). Absent entries are unknown, never zero. */
export interface PayTable {
  kind: 'Entgelt' | 'Besoldung';
  rows: Map<string, { steps: Map<number, Dec>; ref?: SourceRef; gueltigAb?: IsoDate }>;
  /** Where the figures come from, shown in the README and the "wie berechnet" text. */
  source?: string;
  /** Dated versions (contract v2), ascending by `gueltigAb`; absent = one table valid throughout. */
  versions?: PayTableVersion[];
}

export interface WorkbookModel {
  stellen: Stelle[];
  massnahmen: Massnahme[];
  deckung: Deckung[];
  planansaetze: Planansatz[];
  parameter: Parameter;
  /** Where each parameter was read from (for findings on implausible values). */
  parameterRefs?: Partial<Record<keyof Parameter, SourceRef>>;
  entgelttabelle: PayTable;
  besoldungstabelle: PayTable;
  /** Admissibility rules for cover (defaults: DEFAULT_COVER_RULES); a town may adapt them. */
  coverRules?: readonly CoverRule[];
}
