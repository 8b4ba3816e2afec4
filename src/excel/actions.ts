import { analyseWorkbook, findingCounts } from '../workbook/analysis';
import { buildCheck, buildReport } from '../workbook/report';
import { ExcelWorkbook } from './excel-workbook';

const today = () => new Date().toISOString().slice(0, 10);

/** What an action reports back to the pane: the finding counts of the workbook it wrote into. */
export interface ActionOutcome {
  errors: number;
  warnings: number;
  infos: number;
}

/**
 * What the ribbon buttons and the pane do inside Excel, in one place. A check reads every table in two
 * `context.sync()` calls and writes the Prüfung sheet in a third, whatever the workbook size.
 */
export async function checkWorkbook(context: Excel.RequestContext): Promise<ActionOutcome> {
  const port = new ExcelWorkbook(context);
  const { read, result, findings } = await analyseWorkbook(port);
  await port.write(buildCheck(read, result, { stand: today() }));
  const c = findingCounts(findings);
  return { errors: c.error, warnings: c.warning, infos: c.info };
}

/** Bericht HFW: all generated sheets, the Jahreskosten formula column and the drop-down lists. */
export async function reportWorkbook(context: Excel.RequestContext): Promise<ActionOutcome> {
  const port = new ExcelWorkbook(context);
  const { read, result, findings } = await analyseWorkbook(port);
  await port.write(buildReport(read, result, { stand: today() }));
  const c = findingCounts(findings);
  return { errors: c.error, warnings: c.warning, infos: c.info };
}
