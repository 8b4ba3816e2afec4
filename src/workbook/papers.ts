import { formatDateDe } from '../domain/dates';
import { BASIS } from '../domain/model';
import { ZERO, type Dec } from '../domain/money';
import type { CheckResult } from '../domain/result';
import { stellenplanView, type StellenplanGroup } from '../domain/stellenplan';
import { beschlussvorlage } from '../domain/vorlage';
import type { GeneratedSheet, SheetCell } from './port';
import { SHEETS } from './schema';

/**
 * The committee papers besides the summary: the scenario comparison, the Stellenplan in its legal form and
 * the draft resolutions. Amounts are the engine's values (the summary and Berechnung hold the formulas).
 */
const num = (d: Dec) => Number(d.toFixed(2));
const fte = (d: Dec | undefined): SheetCell =>
  d === undefined ? {} : { v: Number(d.toFixed(3)), s: 'number3' };
const print = (title: string, stand: string, checksum: string, repeat: number) => ({
  landscape: true,
  fitToWidth: true,
  repeatRows: [repeat, repeat] as [number, number],
  header: `&L&"-,Bold"Stellenplan & Deckung&C&"-,Bold"${title}&RStand ${formatDateDe(stand)}`,
  footer: `&LPrüfsumme ${checksum}&RSeite &P von &N`,
});

export function buildSzenarien(result: CheckResult, stand: string, checksum: string): GeneratedSheet {
  const years = result.years;
  const basis = result.scenarios.find((s) => s.name === BASIS);
  const rows: SheetCell[][] = [
    [{ v: 'Szenarienvergleich – Basis und Varianten nebeneinander', s: 'title' }],
    [
      {
        v: `Stand ${formatDateDe(stand)} · Planjahre ${years[0]}–${years[years.length - 1]} · Prüfsumme der Eingaben ${checksum}`,
        s: 'note',
      },
    ],
    [
      'Szenario',
      'Maßnahmen',
      'Stellen (Köpfe)',
      'Stellen (VZÄ)',
      'Fehler',
      'Zeile',
      ...years.map(String),
    ].map((v) => ({ v, s: 'header' as const })),
  ];
  const negatives: string[] = [];
  for (const s of result.scenarios) {
    const view = stellenplanView(result, { scenario: s.name });
    const heads = view.groups.reduce((n, g) => n + g.positions.length, 0);
    const errors = s.findings.filter((f) => f.severity === 'error').length;
    const delta = (i: number, k: 'cost' | 'cover' | 'balance') =>
      basis && s !== basis ? s.totals[i][k].minus(basis.totals[i][k]) : undefined;
    const r = rows.length + 1;
    rows.push([
      { v: s.name, s: 'subtitle' },
      { v: s.measures.length },
      { v: heads },
      fte(view.totals.all),
      { v: errors, s: errors ? 'error' : 'ok' },
      { v: 'Kosten' },
      ...s.totals.map((y) => ({ v: num(y.cost), s: 'money' as const })),
    ]);
    rows.push([
      {},
      {},
      {},
      {},
      {},
      { v: 'Deckung' },
      ...s.totals.map((y) => ({ v: num(y.cover), s: 'money' as const })),
    ]);
    rows.push([
      {},
      {},
      {},
      {},
      {},
      { v: 'Saldo', s: 'moneyBold' },
      ...s.totals.map((y) => ({ v: num(y.balance), s: 'moneyBold' as const })),
    ]);
    negatives.push(`G${r + 2}:${String.fromCharCode(70 + years.length)}${r + 2}`);
    if (basis && s !== basis) {
      rows.push([
        {},
        {},
        {},
        {},
        {},
        { v: 'Kosten ggü. Basis' },
        ...years.map((_, i) => ({ v: num(delta(i, 'cost')!), s: 'money' as const })),
      ]);
      rows.push([
        {},
        {},
        {},
        {},
        {},
        { v: 'Saldo ggü. Basis' },
        ...years.map((_, i) => ({ v: num(delta(i, 'balance')!), s: 'money' as const })),
      ]);
      const added = s.measures.filter((m) => !basis.measures.some((b) => b.massnahme === m.massnahme));
      rows.push([
        {},
        {
          v: `zusätzlich: ${added.map((m) => `${m.massnahme.nr} ${m.massnahme.bezeichnung}`).join('; ') || '–'}`,
          s: 'note',
        },
      ]);
    }
    rows.push([]);
  }
  rows.push([
    {
      v: 'Diagramm: im Aufgabenbereich und im PDF (stellenplan report --pdf) als Säulendiagramm „Saldo je Planjahr und Szenario“; in die Arbeitsmappe selbst schreibt die Kommandozeile keine Excel-Diagramme (ExcelJS kann das nicht)',
      s: 'note',
    },
  ]);
  return {
    name: SHEETS.szenarien,
    rows,
    widths: [30, 11, 14, 13, 8, 18, ...years.map(() => 15)],
    freeze: { row: 3, col: 1 },
    print: print('Szenarien', stand, checksum, 3),
    conditional: negatives.map((range) => ({ range, kind: 'negative' as const })),
  };
}

/** Stellenplan nach § 5 GemHVO: the plan year, after the Basis measures, the previous year, occupied on 30.6. */
export function buildStellenplan(result: CheckResult, stand: string, checksum: string): GeneratedSheet {
  const year = result.years[0];
  const plan = stellenplanView(result);
  const after = stellenplanView(result, { scenario: BASIS });
  const key = (g: StellenplanGroup) => `${g.dezernat}|${g.oe}|${g.dienstverhaeltnis}|${g.gruppe}`;
  const merged = new Map<
    string,
    { g: StellenplanGroup; plan?: StellenplanGroup; after?: StellenplanGroup }
  >();
  for (const g of plan.groups) merged.set(key(g), { g, plan: g });
  for (const g of after.groups) merged.set(key(g), { ...(merged.get(key(g)) ?? { g }), after: g });
  // the order of the groups after the measures, then those only in the plan: each position looked up once
  // (n log n; rebuilding the list in every comparison took 100.000 positions past 15 minutes)
  const order = new Map<string, number>();
  [...after.groups, ...plan.groups].forEach((x, i) => {
    if (!order.has(key(x))) order.set(key(x), i);
  });
  const entries = [...merged.values()].sort((a, b) => order.get(key(a.g))! - order.get(key(b.g))!);
  const rows: SheetCell[][] = [
    [
      {
        v: `Stellenplan ${year} (§ 5 GemHVO) – Stellen nach Organisationseinheit und Besoldungs-/Entgeltgruppe`,
        s: 'title',
      },
    ],
    [
      {
        v: `Stand ${formatDateDe(stand)} · Prüfsumme der Eingaben ${checksum} · Stellen in Vollzeitäquivalenten (drei Nachkommastellen)`,
        s: 'note',
      },
    ],
    [
      'Dezernat',
      'Organisationseinheit',
      'Dienstverhältnis',
      'Gruppe',
      `Stellen ${year} (Plan)`,
      `Stellen ${year} nach Maßnahmen (Basis)`,
      `Stellen ${year - 1}`,
      `besetzt am 30.06.${year - 1}`,
      'Vermerke (kw/ku)',
    ].map((v) => ({ v, s: 'header' as const })),
  ];
  let dezernat: string | undefined;
  const subtotal: { plan: Dec; after: Dec } = { plan: ZERO, after: ZERO };
  const flush = () => {
    if (dezernat === undefined) return;
    rows.push([
      { v: `Summe ${dezernat || '(ohne Dezernat)'}`, s: 'moneyBold' },
      {},
      {},
      {},
      { ...fte(subtotal.plan), s: 'number3' },
      { ...fte(subtotal.after), s: 'number3' },
    ]);
    subtotal.plan = ZERO;
    subtotal.after = ZERO;
  };
  for (const e of entries) {
    if (e.g.dezernat !== dezernat) {
      flush();
      dezernat = e.g.dezernat;
    }
    subtotal.plan = subtotal.plan.plus(e.plan?.stellen ?? ZERO);
    subtotal.after = subtotal.after.plus(e.after?.stellen ?? ZERO);
    const source = e.plan ?? e.after!;
    rows.push([
      { v: e.g.dezernat },
      { v: e.g.oe },
      { v: e.g.dienstverhaeltnis },
      { v: e.g.gruppe },
      e.plan ? fte(e.plan.stellen) : { v: 0, s: 'number3' },
      e.after ? fte(e.after.stellen) : { v: 0, s: 'number3' },
      fte(source.vorjahr),
      fte(source.besetzt306),
      { v: [...new Set([...(e.plan?.vermerke ?? []), ...(e.after?.vermerke ?? [])])].join('; '), s: 'wrap' },
    ]);
  }
  flush();
  rows.push([
    { v: 'Stellen insgesamt', s: 'subtitle' },
    {
      v: `davon Beamte ${plan.totals.beamte.toFixed(3).replace('.', ',')} / nach Maßnahmen ${after.totals.beamte.toFixed(3).replace('.', ',')}`,
    },
    {},
    {},
    fte(plan.totals.all),
    fte(after.totals.all),
  ]);
  if (after.termOpen.length > 0) {
    rows.push([]);
    rows.push([{ v: 'Maßnahmen mit offenem Termin (nicht datiert, nicht eingerechnet)', s: 'subtitle' }]);
    for (const t of after.termOpen)
      rows.push([
        { v: t.nr },
        { v: t.bezeichnung, s: 'wrap' },
        { v: t.art },
        { v: t.stellenNr },
        {},
        {},
        {},
        {},
        { v: `${t.from ?? ''} → ${t.to ?? ''}${t.after ? ` (nach ${t.after})` : ''}` },
      ]);
  }
  return {
    name: SHEETS.stellenplan,
    rows,
    widths: [16, 26, 14, 8, 14, 18, 12, 14, 40],
    freeze: { row: 3, col: 0 },
    print: print('Stellenplan', stand, checksum, 3),
  };
}

/** Draft resolutions for every measure still to be decided (Entwurf / beantragt), one block each. */
export function buildVorlagen(result: CheckResult, stand: string, checksum: string): GeneratedSheet {
  const rows: SheetCell[][] = [];
  const open = result.measures.filter(
    (m) => m.massnahme.status === 'Entwurf' || m.massnahme.status === 'beantragt',
  );
  for (const m of open) {
    for (const line of beschlussvorlage(result, m.massnahme.nr, { stand, checksum }).split('\n'))
      if (!/^\|( *-+:? *\|)+$/.test(line)) rows.push(markdownRow(line));
    rows.push([]);
  }
  if (open.length === 0)
    rows.push([{ v: 'Keine offenen Maßnahmen (alle beschlossen oder abgelehnt).', s: 'note' }]);
  return {
    name: SHEETS.vorlage,
    rows,
    widths: [40, 26, ...result.years.map(() => 15)],
    print: print('Beschlussvorlage', stand, checksum, 1),
  };
}

/** One Markdown line as a sheet row: headings styled, table rows split into cells, separators dropped. */
function markdownRow(line: string): SheetCell[] {
  if (line.startsWith('# ')) return [{ v: line.slice(2), s: 'title' }];
  if (line.startsWith('## ')) return [{ v: line.slice(3), s: 'subtitle' }];
  if (line.startsWith('|')) {
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    if (cells.every((c) => /^-+:?$/.test(c))) return [];
    return cells.map((c) => ({ v: c.replace(/^_|_$/g, '') }));
  }
  return [{ v: line.replace(/^_|_$/g, '').replace(/ {2}$/, '') }];
}
