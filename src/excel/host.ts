import type { HostSeam } from '../taskpane/components/App';
import { officeReadPort } from './excel-reader';

/** The task pane's seam inside Excel: read this workbook, select a finding's cell. */
export function excelHostSeam(): HostSeam {
  const run = <T>(fn: (context: Excel.RequestContext) => Promise<T>) => Excel.run(fn);
  return {
    mode: 'excel',
    openWorkbook: () => Promise.resolve(officeReadPort(run)),
    selectCell: (sheet, cell) =>
      Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await context.sync();
      }),
  };
}
