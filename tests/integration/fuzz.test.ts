/**
 * Property-based fuzzing of the whole path workbook → findings (issue 7). Random and hostile workbooks are
 * built with ExcelJS in memory (wrong types, huge numbers, negative shares, dates in 1900 and 9999, empty
 * rows, merged cells, formulas, error values, rich text, no-break spaces, German and English number text,
 * duplicate headers, shuffled columns) and run through open → read → check → report.
 *
 * This is the CI share: a fixed seed and few runs. The nightly run is `node scripts/run-ts.js
 * scripts/fuzz.ts --runs 10000` (prints the case counts and any failure with its seed).
 */
import fc from 'fast-check';
import { cellProperty, orderProperty } from '../support/fuzz-workbook';

export const CI_SEED = 20261124;
export const CI_RUNS = { cells: 120, order: 40 };

jest.setTimeout(120_000);

test(`${CI_RUNS.cells} random workbooks: never a crash, every unusable cell named, usable cells never`, async () => {
  await fc.assert(cellProperty({ report: true }), { seed: CI_SEED, numRuns: CI_RUNS.cells });
});

test(`${CI_RUNS.order} workbooks with shuffled columns: the same findings and amounts`, async () => {
  await fc.assert(orderProperty(), { seed: CI_SEED + 1, numRuns: CI_RUNS.order });
});
