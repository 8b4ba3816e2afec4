import type { RowAppend, SheetCell, WriteBatch } from './port';
import { PROTOKOLL, tableSpec } from './schema';

const header = (field: string) => PROTOKOLL.columns.find((c) => c.field === field)!.header;

function describe(values: Record<string, SheetCell>): string {
  return Object.entries(values)
    .filter(([, c]) => c.v !== undefined && c.v !== null && c.v !== '')
    .map(([k, c]) => `${k}: ${c.v instanceof Date ? c.v.toISOString().slice(0, 10) : String(c.v)}`)
    .join(' · ');
}

/** Adds one Protokoll row per appended row and per changed cell: when, what, where, old and new value. */
export function withProtokoll(
  batch: WriteBatch,
  action: string,
  when: string,
  oldValues: Record<string, string> = {},
): WriteBatch {
  const log: RowAppend[] = [];
  for (const a of batch.appends ?? [])
    log.push({
      table: 'Protokoll',
      values: {
        [header('zeitpunkt')]: { v: when },
        [header('aktion')]: { v: action },
        [header('blatt')]: { v: tableSpec(a.table).sheet },
        [header('zelle')]: { v: 'neue Zeile' },
        [header('alt')]: { v: '' },
        [header('neu')]: { v: describe(a.values) },
      },
    });
  for (const u of batch.updates ?? [])
    log.push({
      table: 'Protokoll',
      values: {
        [header('zeitpunkt')]: { v: when },
        [header('aktion')]: { v: action },
        [header('blatt')]: { v: u.sheet },
        [header('zelle')]: { v: u.cell },
        [header('alt')]: { v: oldValues[`${u.sheet}!${u.cell}`] ?? '' },
        [header('neu')]: { v: u.value.f !== undefined ? `=${u.value.f}` : String(u.value.v ?? '') },
      },
    });
  return { ...batch, appends: [...(batch.appends ?? []), ...log] };
}
