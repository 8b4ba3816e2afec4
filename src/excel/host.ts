import { reportWorkbook } from './actions';
import { isDarkColour, type HostSeam } from '../taskpane/host/seam';
import { officeReadPort } from './excel-reader';
import { ExcelWorkbook } from './excel-workbook';

/** The task pane's seam inside Excel: read this workbook, write rows and reports, select a finding's cell. */
export function excelHostSeam(): HostSeam {
  const run = <T>(fn: (context: Excel.RequestContext) => Promise<T>) => Excel.run(fn);
  return {
    mode: 'excel',
    openWorkbook: () => Promise.resolve(officeReadPort(run)),
    // Read, check and write in one Excel.run: three context.sync() calls in all.
    writeReport: () => Excel.run(reportWorkbook).then(() => undefined),
    writeBatch: (batch) => Excel.run((context) => new ExcelWorkbook(context).write(batch)),
    selectCell: (sheet, cell) =>
      Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await context.sync();
      }),
    displayLanguage: Office.context.displayLanguage,
    // officeTheme is absent on hosts without theme support: then light
    theme: isDarkColour(Office.context.officeTheme?.bodyBackgroundColor) ? 'dark' : 'light',
  };
}
