import { checkCoverage } from '../domain/coverage';
import type { Finding } from '../domain/findings';
import type { TableKey, WorkbookModel } from '../domain/model';
import type { CheckResult } from '../domain/result';
import type { RawTable, WorkbookPort } from './port';
import { combineFindings, readWorkbookModel, type CellLocation, type ReadResult } from './read';

/**
 * The one analysis use case (read → check → combine findings) behind the command line, the task pane,
 * the ribbon's Excel actions and the custom functions: all hosts show the same findings for a workbook.
 */
export interface Analysis {
  read: ReadResult;
  result: CheckResult;
  /** Reader findings, then the engine's (without echoes of a rejected cell), each with its cell. */
  findings: (Finding & Partial<CellLocation>)[];
}

export interface AnalysisOptions {
  /** Check only this scenario (Basis plus its measures); default: every scenario. */
  scenario?: string;
}

/** Check and combine findings for a workbook already read (the CLI reads first to check its options). */
export function analyseRead(read: ReadResult, options: AnalysisOptions = {}): Analysis {
  const result = checkCoverage(read.model, options.scenario ? { scenario: options.scenario } : {});
  const findings = combineFindings(read, result.findings).map((f) => ({ ...f, ...read.locate(f.ref) }));
  return { read, result, findings };
}

/** Reads every table through the port (one batch) and checks it. */
export async function analyseWorkbook(
  port: Pick<WorkbookPort, 'readTables'>,
  options: AnalysisOptions = {},
): Promise<Analysis> {
  return analyseRead(await readWorkbookModel(port), options);
}

/** Number of findings of each severity. */
export function findingCounts(findings: readonly Finding[]): Record<Finding['severity'], number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/**
 * A version of the workbook's input: a 64-bit hash (two 32-bit FNV-1a variants) of every table cell as
 * read. Equal versions mean equal input, so a result computed for one version can be reused.
 */
export function workbookVersion(tables: Map<TableKey, RawTable | undefined>): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  const add = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193) >>> 0;
      b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
    }
    a = Math.imul(a ^ 0x1f, 0x01000193) >>> 0;
    b = Math.imul(b ^ 0x1f, 0x5bd1e995) >>> 0;
  };
  for (const [key, t] of [...tables].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) {
    add(key);
    if (!t) continue;
    add(`${t.sheet}|${t.tableName ?? ''}|${t.origin.row}|${t.origin.col}`);
    add(t.headers.join('\u0002'));
    for (const row of t.rows) add(JSON.stringify(row));
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

const engineRuns = { count: 0 };
const byModel = new WeakMap<WorkbookModel, CheckResult>();

/**
 * The engine's result for a model, computed once per model object. Custom functions (one call per cell)
 * share it; their model provider keeps the same model object while the workbook version is unchanged.
 */
export function coverageOf(model: WorkbookModel): CheckResult {
  let result = byModel.get(model);
  if (!result) {
    engineRuns.count++;
    result = checkCoverage(model);
    byModel.set(model, result);
  }
  return result;
}

/** How often coverageOf ran the engine (tests show that a recalculation of many cells runs it once). */
export function coverageRuns(): number {
  return engineRuns.count;
}
