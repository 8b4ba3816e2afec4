import { formatDateDe } from './dates';
import { formatEuro, type Dec } from './money';

/** Shared text pieces for findings (German first, English twin). */
export const fmt = {
  euro: (d: Dec) => formatEuro(d),
  date: (d?: string) => formatDateDe(d) || 'offen',
  years: (ys: number[]) => ys.join(', '),
};
