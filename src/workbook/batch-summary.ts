import { display } from './cells';
import { cellAt, type CellValue, type RawTable, type SheetCell, type WriteBatch } from './port';
import type { ReadResult } from './read';

/** One line of "what will change" before a write is confirmed: a cell with its old and new value. */
export interface ChangeLine {
  sheet: string;
  cell: string;
  old: string;
  value: string;
}

export interface BatchSummary {
  cells: ChangeLine[];
  /** New rows per table (e.g. Protokoll entries). */
  appends: { table: string; rows: number }[];
}

const shown = (v: SheetCell['v'] | CellValue | undefined): string =>
  v === undefined || v === null ? '' : display(v);

/** Lists a write batch's cell updates (old → new, old from the tables as read) and its new rows. */
export function summariseBatch(read: ReadResult, batch: WriteBatch): BatchSummary {
  const tables = [...read.tables.values()].filter((t): t is RawTable => t !== undefined);
  const cells = (batch.updates ?? []).map((u) => {
    const raw = tables.find((t) => t.sheet === u.sheet);
    return {
      sheet: u.sheet,
      cell: u.cell,
      old: raw ? shown(cellAt(raw, u.cell)) : '',
      value: u.value.f !== undefined ? `=${u.value.f}` : shown(u.value.v),
    };
  });
  const counts = new Map<string, number>();
  for (const a of batch.appends ?? []) counts.set(a.table, (counts.get(a.table) ?? 0) + 1);
  return { cells, appends: [...counts].map(([table, rows]) => ({ table, rows })) };
}
