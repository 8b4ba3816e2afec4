export * from './money';
export * from './dates';
export * from './model';
export * from './findings';
export * from './result';
export * from './grades';
export * from './defaults';
export {
  CostModel,
  annualFactor,
  lookupMonthly,
  monthsActive,
  planYears,
  proRataAmount,
  type LineSpec,
} from './cost';
export { checkCoverage } from './coverage';
export { verdictOf, yearVerdict, verdictText, VERDICT_TEXT, type Verdict } from './verdict';
export { MEASURE_KINDS, type MeasureKind, type PlanEffect } from './measure-kinds';
export { COVER_KINDS, type CoverKind } from './cover-kinds';
export { CATALOGUE, type CatalogueKey } from './catalogue';
export { scenarioKey, isScenarioMember } from './scenarios';
export { vacancyOf, type Vacancy } from './vacancy';
export { inputChecksum } from './checksum';
export { checkBudget, type BudgetLineResult, type BudgetYear } from './budget';
export { DEFAULT_COVER_RULES, inadmissibleBy, type CoverRule } from './admissibility';
