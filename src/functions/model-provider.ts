import type { WorkbookModel } from '../domain/model';
import { officeReadPort } from '../excel/excel-reader';
import { readWorkbookModel } from '../workbook/read';

/**
 * The workbook model for custom functions, read through Office.js (two syncs) and kept for a moment so
 * that a recalculation of many cells reads the tables once, not once per cell. Read only.
 */
export function functionModelProvider(ttlMs = 2000): () => Promise<WorkbookModel> {
  let cached: { at: number; model: Promise<WorkbookModel> } | undefined;
  return () => {
    const now = Date.now();
    if (!cached || now - cached.at > ttlMs) {
      const port = officeReadPort((fn) => Excel.run(fn));
      cached = { at: now, model: readWorkbookModel(port).then((r) => r.model) };
      cached.model.catch(() => (cached = undefined));
    }
    return cached.model;
  };
}
