import { formatDateDe } from '../domain/dates';
import type { Dec } from '../domain/money';
import type { Nachtrag, NachtragLine } from '../domain/nachtrag';
import type { GeneratedSheet, SheetCell } from './port';
import { alignTop, paperPrint } from './print';
import { teilRows } from './plan-rows';
import { SHEETS } from './schema';

/**
 * The Nachtragsstellenplan as a printable sheet: per Teil and group the totals bisher / neu / Veränderung,
 * below them only the changed lines, each with the old and new Vermerke and the measure that caused it.
 */
const fte = (d: Dec, bold = false): SheetCell => ({
  v: Number(d.toFixed(3)),
  s: bold ? 'number3Bold' : 'number3',
});

export function buildNachtragSheet(
  n: Nachtrag,
  o: { stand: string; checksum: string; checksumBisher: string; gegen: string },
): GeneratedSheet {
  const rows: SheetCell[][] = [
    [
      {
        v: `Nachtragsstellenplan ${n.year} – Änderungen gegenüber dem beschlossenen Stellenplan`,
        s: 'title',
      },
    ],
    [
      {
        v: `Stand ${formatDateDe(o.stand)} · Prüfsumme der Eingaben ${o.checksum} · beschlossener Stellenplan: ${o.gegen} (Prüfsumme ${o.checksumBisher}) · Stellen in VZÄ`,
        s: 'note',
      },
    ],
    [
      'Besoldungs-/ Entgeltgruppe',
      `Stellen ${n.year} bisher`,
      `Stellen ${n.year} neu`,
      'Veränderung',
      'Vermerke bisher',
      'Vermerke neu',
      'Erläuterung (Maßnahme)',
    ].map((v): SheetCell => ({ v, s: 'header' })),
  ];
  const line = (l: NachtragLine): SheetCell[] => [
    { v: l.gruppe },
    fte(l.bisher),
    fte(l.neu),
    fte(l.veraenderung),
    { v: l.vermerkeBisher.join('; '), s: 'wrap' },
    { v: l.vermerkeNeu.join('; '), s: 'wrap' },
    {
      v: l.causes
        .map((c) =>
          c.massnahme
            ? `${c.text} – ${c.massnahme} ${c.bezeichnung ?? ''}`.trim()
            : `${c.text} – ohne Maßnahme`,
        )
        .join('; '),
      s: 'wrap',
    },
  ];
  const total = (label: string, t: { bisher: Dec; neu: Dec; veraenderung: Dec }): SheetCell[] => [
    { v: label, s: 'subtitle' },
    fte(t.bisher, true),
    fte(t.neu, true),
    fte(t.veraenderung, true),
  ];
  if (n.unchanged) rows.push([{ v: 'Keine Änderung gegenüber dem beschlossenen Stellenplan.', s: 'note' }]);
  // a Teil without changes is left out
  rows.push(...teilRows(n.teile, { line, total }));
  rows.push(total('Stellen insgesamt (Teil A und B)', n));
  return {
    name: SHEETS.nachtrag,
    rows: alignTop(rows),
    widths: [34, 14, 14, 13, 26, 26, 60],
    freeze: { row: 3, col: 0 },
    print: paperPrint({
      title: 'Nachtragsstellenplan',
      stand: o.stand,
      checksum: o.checksum,
      repeat: [3, 3],
    }),
  };
}
