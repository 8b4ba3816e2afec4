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
export { inputChecksum } from './checksum';
export { checkBudget, type BudgetLineResult, type BudgetYear } from './budget';
export { DEFAULT_COVER_RULES, inadmissibleBy, type CoverRule } from './admissibility';
