import type { WorkbookModel } from '../domain/model';
import { officeReadPort } from '../excel/excel-reader';
import { workbookVersion } from '../workbook/analysis';
import { readWorkbookModel } from '../workbook/read';

/**
 * The workbook model for custom functions, read through Office.js (two syncs) at most once per `ttlMs`
 * so that a recalculation of many cells reads the tables once. While the tables are unchanged (same
 * workbook version) the same model object is returned, so the engine's result for it is reused.
 */
export function functionModelProvider(ttlMs = 2000): () => Promise<WorkbookModel> {
  let cached: { at: number; model: Promise<WorkbookModel> } | undefined;
  let last: { version: string; model: WorkbookModel } | undefined;
  return () => {
    const now = Date.now();
    if (!cached || now - cached.at > ttlMs) {
      const port = officeReadPort((fn) => Excel.run(fn));
      const model = readWorkbookModel(port).then((read) => {
        const version = workbookVersion(read.tables);
        if (last?.version !== version) last = { version, model: read.model };
        return last.model;
      });
      cached = { at: now, model };
      model.catch(() => (cached = undefined));
    }
    return cached.model;
  };
}
