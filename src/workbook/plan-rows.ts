import type { SheetCell } from './port';

/**
 * The rows of a Stellenplan in the legal order, shared by the Stellenplan paper and the Nachtrag sheet: per
 * Teil its title, per group a title, the group's lines and its total, then the Teil's total and an empty
 * row. What a line and a total show is the caller's (the paper: Stellen, Vorjahr, besetzt; the Nachtrag:
 * bisher, neu, Veränderung).
 */
export function teilRows<
  L,
  N,
  T extends N & { title: string; groups: readonly (N & { name: string; lines: readonly L[] })[] },
>(
  teile: readonly T[],
  o: {
    line: (l: L) => SheetCell[];
    /** The numbers of a group or a Teil under its label. */
    total: (label: string, of: N) => SheetCell[];
    /** A Teil without groups: a note under its title (the paper), or left out (the Nachtrag: undefined). */
    empty?: (teil: T) => SheetCell[];
  },
): SheetCell[][] {
  const rows: SheetCell[][] = [];
  for (const teil of teile) {
    if (teil.groups.length === 0 && !o.empty) continue;
    rows.push([{ v: teil.title, s: 'subtitle' }]);
    if (teil.groups.length === 0 && o.empty) rows.push(o.empty(teil));
    for (const g of teil.groups) {
      rows.push([{ v: g.name, s: 'subtitle' }]);
      for (const l of g.lines) rows.push(o.line(l));
      rows.push(o.total(`Summe ${g.name}`, g));
    }
    rows.push(o.total(`Summe ${teil.title.replace(/:.*/, '')}`, teil));
    rows.push([]);
  }
  return rows;
}
