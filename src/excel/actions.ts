import { checkCoverage } from '../domain/coverage';
import { combineFindings, readWorkbookModel } from '../workbook/read';
import { buildCheck, buildReport } from '../workbook/report';
import { ExcelWorkbook } from './excel-workbook';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * What the ribbon buttons and the pane do inside Excel, in one place. A check reads every table in two
 * `context.sync()` calls and writes the Prüfung sheet in a third, whatever the workbook size.
 */
export async function checkWorkbook(context: Excel.RequestContext): Promise<{ errors: number }> {
  const port = new ExcelWorkbook(context);
  const read = await readWorkbookModel(port);
  const result = checkCoverage(read.model);
  await port.write(buildCheck(read, result, { stand: today() }));
  return { errors: combineFindings(read, result.findings).filter((f) => f.severity === 'error').length };
}

/** Bericht HFW: all generated sheets, the Jahreskosten formula column and the drop-down lists. */
export async function reportWorkbook(context: Excel.RequestContext): Promise<void> {
  const port = new ExcelWorkbook(context);
  const read = await readWorkbookModel(port);
  const result = checkCoverage(read.model);
  await port.write(buildReport(read, result, { stand: today() }));
}
