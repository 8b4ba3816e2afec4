import type { BudgetLineResult } from './budget';
import type { Dec } from './money';
import type { Deckung, Massnahme, Stelle, WorkbookModel } from './model';
import type { Finding } from './findings';
import type { Period } from './dates';
import type { LineSpec } from './pay';

/** What an amount line is computed from: a pay line (grade, share, period) or a fixed €/year sum. */
export type LineBasis =
  | { kind: 'position'; spec: LineSpec; sign: 1 | -1; label: string }
  | { kind: 'betrag'; betrag: Dec; period: Period; sign: 1 | -1; label: string };

/**
 * "Wie berechnet": every computed amount can explain itself. `steps` are human-readable lines in
 * German (with an English twin), e.g. "Tabellenentgelt E9b Stufe 3: 4.203,56 €".
 */
export interface Explanation {
  /** One-line formula, e.g. "4.203,56 € × 12,85 × 1,2915 × 1,0000 × 1,000 × 12/12 = 69.761,30 €" */
  summary: string;
  steps: { label: string; labelEn: string; value: string }[];
}

export interface YearAmount {
  year: number;
  amount: Dec;
  explanation: Explanation;
}

export interface CoverLineResult {
  deckung: Deckung;
  years: YearAmount[];
  /** How the amounts are computed; absent when the row releases nothing (unknown or protected source). */
  basis?: LineBasis;
}

export interface MeasureYear {
  year: number;
  cost: Dec;
  cover: Dec;
  /** cover − cost */
  balance: Dec;
  /** The verdict for this year (verdict.ts decides it): cover ≥ cost and no error against the measure. */
  covered?: boolean;
}

export interface MeasureResult {
  massnahme: Massnahme;
  /** Scenario the measure was evaluated in (its own scenario; Basis measures in "Basis"). */
  scenario: string;
  years: MeasureYear[];
  /** Cost per year with its explanation. */
  cost: YearAmount[];
  cover: CoverLineResult[];
  /** The signed lines whose sum is the cost (empty for cost-neutral or undated measures). */
  lines: LineBasis[];
  /** Covered in every plan year (cost ≤ cover), and no error finding against its cover. */
  covered: boolean;
}

export interface ScenarioResult {
  name: string;
  measures: MeasureResult[];
  findings: Finding[];
  totals: MeasureYear[];
}

export interface PositionCost {
  stelle: Stelle;
  years: YearAmount[];
}

export interface CheckResult {
  /** The plan years of the horizon. */
  years: number[];
  /** Basis first, then variants in order of first appearance. */
  scenarios: ScenarioResult[];
  /** Each measure once, evaluated in its own scenario. */
  measures: MeasureResult[];
  /** All findings, each once (a Basis finding seen in every scenario is reported once, as Basis). */
  findings: Finding[];
  /** Cost of every position per plan year (Jahreskosten). */
  positions: PositionCost[];
  /** Personnel budget lines: Ansatz, charged cost and margin per plan year. */
  budget: BudgetLineResult[];
  model: WorkbookModel;
}
