import { checkCoverage } from '../domain/coverage';
import type { Finding } from '../domain/findings';
import type { CheckResult } from '../domain/result';
import type { WorkbookPort } from '../workbook/port';
import { combineFindings, readWorkbookModel, type ReadResult } from '../workbook/read';

/** What the pane shows: the workbook as read, the engine's result, and every finding with its cell. */
export interface Analysis {
  read: ReadResult;
  result: CheckResult;
  findings: (Finding & { sheet?: string; cell?: string })[];
}

/** Reads all tables through the port (one batch) and runs the engine; the UI never computes money. */
export async function analyse(port: Pick<WorkbookPort, 'readTables'>): Promise<Analysis> {
  const read = await readWorkbookModel(port);
  const result = checkCoverage(read.model);
  // The same findings as the command line: follow-up noise of a rejected cell is dropped.
  const findings = combineFindings(read, result.findings).map((f) => ({ ...f, ...read.locate(f.ref) }));
  return { read, result, findings };
}
