import { reportWorkbook } from './actions';
import type { HostSeam } from '../taskpane/components/App';
import { officeReadPort } from './excel-reader';
import { ExcelWorkbook } from './excel-workbook';

/** The task pane's seam inside Excel: read this workbook, write rows and reports, select a finding's cell. */
export function excelHostSeam(): HostSeam {
  const run = <T>(fn: (context: Excel.RequestContext) => Promise<T>) => Excel.run(fn);
  return {
    mode: 'excel',
    openWorkbook: () => Promise.resolve(officeReadPort(run)),
    // Read, check and write in one Excel.run: three context.sync() calls in all.
    writeReport: () => Excel.run(reportWorkbook),
    writeBatch: (batch) => Excel.run((context) => new ExcelWorkbook(context).write(batch)),
    selectCell: (sheet, cell) =>
      Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await context.sync();
      }),
  };
}
