import { formatDateDe } from '../domain/dates';
import { BASIS } from '../domain/model';
import { ZERO, type Dec } from '../domain/money';
import type { CheckResult } from '../domain/result';
import { legalStellenplan, stellenplanView, type PlanLine, type PlanNumbers } from '../domain/stellenplan';
import { beschlussvorlage } from '../domain/vorlage';
import type { GeneratedSheet, SheetCell } from './port';
import { SHEETS } from './schema';
import { alignTop, foldSpacerRows, MAX_LINES, paperPrint, wrappedLines } from './print';
import { teilRows } from './plan-rows';

/**
 * The committee papers besides the summary: the scenario comparison, the Stellenplan in its legal form and
 * the draft resolutions. Amounts are the engine's values (the summary and Berechnung hold the formulas).
 */
const num = (d: Dec) => Number(d.toFixed(2));
const fte = (d: Dec | undefined): SheetCell =>
  d === undefined ? {} : { v: Number(d.toFixed(3)), s: 'number3' };
const fteNum = (d: Dec) => Number(d.toFixed(3));

export function buildSzenarien(result: CheckResult, stand: string, checksum: string): GeneratedSheet {
  const years = result.years;
  const basis = result.scenarios.find((s) => s.name === BASIS);
  const basisMeasures = new Set(basis?.measures.map((b) => b.massnahme));
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
      const added = s.measures.filter((m) => !basisMeasures.has(m.massnahme));
      rows.push([
        {
          v: `zusätzlich: ${added.map((m) => `${m.massnahme.nr} ${m.massnahme.bezeichnung}`).join('; ') || '–'}`,
          s: 'wrap',
        },
      ]);
    }
    rows.push([]);
  }
  return {
    name: SHEETS.szenarien,
    rows: alignTop(rows),
    widths: [30, 12, 12, 12, 8, 18, ...years.map(() => 15)],
    freeze: { row: 3, col: 1 },
    print: paperPrint({ title: 'Szenarien', stand, checksum, repeat: [3, 3] }),
    conditional: negatives.map((range) => ({ range, kind: 'negative' as const })),
  };
}

/** Stellenplan nach § 5 GemHVO Hessen: Teil A and B, the view per unit, Nachwuchskräfte, open dates. */
export function buildStellenplan(result: CheckResult, stand: string, checksum: string): GeneratedSheet {
  const plan = legalStellenplan(result, { scenario: BASIS });
  const year = plan.year;
  const mark = (derived: boolean, n: number) => (derived ? ` ${'*'.repeat(n)}` : '');
  const header = [
    'Besoldungs-/ Entgeltgruppe',
    `Zahl der Stellen ${year}`,
    `Zahl der Stellen ${year - 1}${mark(plan.derived.vorjahr, 1)}`,
    `tatsächlich besetzt am 30.06.${year - 1}${mark(plan.derived.besetzt, 2)}`,
    `Veränderung ${year} durch Maßnahmen`,
    'Vermerke (kw/ku)',
    'Erläuterungen',
  ].map((v): SheetCell => ({ v, s: 'header' }));
  const rows: SheetCell[][] = [
    [
      {
        v: `Stellenplan ${year} (§ 5 GemHVO) – nach den beschlossenen und beantragten Maßnahmen (Szenario ${BASIS})`,
        s: 'title',
      },
    ],
    [
      {
        v: `Stand ${formatDateDe(stand)} · Prüfsumme der Eingaben ${checksum} · Stellen in Vollzeitäquivalenten (VZÄ)`,
        s: 'note',
      },
    ],
    header,
  ];
  const numbers = (n: PlanNumbers, bold = false): SheetCell[] => {
    const s = bold ? 'number3Bold' : 'number3';
    return [n.stellen, n.vorjahr, n.besetzt, n.veraenderung].map((d) => ({ v: fteNum(d), s }));
  };
  const line = (l: PlanLine): SheetCell[] => [
    { v: l.gruppe },
    ...numbers(l),
    { v: l.vermerke.join('; '), s: 'wrap' },
    { v: l.erlaeuterungen.join('; '), s: 'wrap' },
  ];
  const total = (label: string, n: PlanNumbers): SheetCell[] => [
    { v: label, s: 'subtitle' },
    ...numbers(n, true),
  ];
  rows.push(
    ...teilRows(plan.teile, {
      line,
      total,
      empty: (teil) => [
        {
          v:
            teil.teil === 'A'
              ? 'Keine Stellen für Beamtinnen und Beamte.'
              : 'Keine Stellen für Beschäftigte.',
          s: 'note',
        },
      ],
    }),
  );
  rows.push(total('Stellen insgesamt (Teil A und B)', plan.total));
  if (plan.derived.vorjahr)
    rows.push([
      {
        v: `* Zahl der Stellen ${year - 1}: aus Beginn und Ende der Stellen in der Tabelle „Stellen“ (am 31.12.${year - 1} bestehend); Stellen, die vorher gestrichen und aus der Tabelle gelöscht wurden, fehlen. Genau: Spalte „Vorjahr“.`,
        s: 'note',
      },
    ]);
  if (plan.derived.besetzt)
    rows.push([
      {
        v: `** besetzt: aus der Spalte „Besetzt“ (heutiger Stand) für Stellen, die am 30.06.${year - 1} bestanden – nicht stichtagsgenau. Genau: Spalte „Besetzt 30.06. Vorjahr“.`,
        s: 'note',
      },
    ]);

  rows.push([]);
  rows.push([{ v: 'Stellenübersicht nach Dezernat und Organisationseinheit', s: 'subtitle' }]);
  rows.push(header.map((h, i) => (i === 0 ? { ...h, v: 'Organisationseinheit / Gruppe' } : h)));
  const dezernate = [...new Set(plan.units.map((u) => u.dezernat))];
  for (const d of dezernate) {
    const units = plan.units.filter((u) => u.dezernat === d);
    for (const u of units) {
      rows.push([{ v: `${d || 'ohne Dezernat'} · ${u.oe || 'ohne Organisationseinheit'}`, s: 'subtitle' }]);
      for (const l of u.lines) rows.push(line(l));
      rows.push(total(`Summe ${u.oe || 'ohne Organisationseinheit'}`, u.total));
    }
    rows.push(
      total(
        `Summe ${d || 'ohne Dezernat'}`,
        units.reduce(
          (a, u) => ({
            stellen: a.stellen.plus(u.total.stellen),
            vorjahr: a.vorjahr.plus(u.total.vorjahr),
            besetzt: a.besetzt.plus(u.total.besetzt),
            veraenderung: a.veraenderung.plus(u.total.veraenderung),
          }),
          { stellen: ZERO, vorjahr: ZERO, besetzt: ZERO, veraenderung: ZERO },
        ),
      ),
    );
    rows.push([]);
  }

  rows.push([
    { v: 'Übersicht der Nachwuchskräfte (Auszubildende, Anwärterinnen und Anwärter)', s: 'subtitle' },
  ]);
  if (plan.nachwuchs.length === 0)
    rows.push([
      {
        v: 'Keine Nachwuchskräfte ausgewiesen (Kennzeichnung: Spalte „Nachwuchs“ in „Stellen“ oder Dienstverhältnis „Auszubildende“ / „Anwärter“).',
        s: 'note',
      },
    ]);
  else {
    rows.push(
      [
        'Art / Gruppe',
        `Zahl ${year}`,
        `Zahl ${year - 1}`,
        `besetzt am 30.06.${year - 1}`,
        '',
        'Stellen-Nr.',
      ].map((v): SheetCell => ({ v, s: 'header' })),
    );
    for (const n of plan.nachwuchs)
      rows.push([
        { v: `${n.art} ${n.gruppe}` },
        { v: fteNum(n.stellen), s: 'number3' },
        { v: fteNum(n.vorjahr), s: 'number3' },
        { v: fteNum(n.besetzt), s: 'number3' },
        {},
        { v: n.positions.join(', '), s: 'wrap' },
      ]);
  }
  if (plan.termOpen.length > 0) {
    rows.push([]);
    rows.push([{ v: 'Maßnahmen mit offenem Termin (nicht datiert, nicht eingerechnet)', s: 'subtitle' }]);
    rows.push(
      ['Maßnahme', '', '', '', 'Stelle', 'Art', 'von → nach'].map((v): SheetCell =>
        v ? { v, s: 'header' } : { s: 'header' },
      ),
    );
    for (const t of plan.termOpen)
      rows.push([
        { v: t.nr },
        {},
        {},
        {},
        { v: `Stelle ${t.stellenNr}` },
        { v: t.art },
        {
          v: `${t.bezeichnung}: ${t.from ?? ''} → ${t.to ?? ''}${t.after ? ` (nach ${t.after})` : ''}`,
          s: 'wrap',
        },
      ]);
  }
  const widths = [42, 12, 12, 14, 14, 30, 60];
  return {
    name: SHEETS.stellenplan,
    // no formula, range or link of this sheet names a row: its spacer rows can become row heights
    ...foldSpacerRows(alignTop(rows), widths),
    widths,
    freeze: { row: 3, col: 0 },
    print: paperPrint({ title: 'Stellenplan', stand, checksum, repeat: [3, 3] }),
  };
}

/** Draft resolutions for every measure still to be decided (Entwurf / beantragt), one block each. */
export function buildVorlagen(result: CheckResult, stand: string, checksum: string): GeneratedSheet {
  const rows: SheetCell[][] = [];
  const open = result.measures.filter(
    (m) => m.massnahme.status === 'Entwurf' || m.massnahme.status === 'beantragt',
  );
  const widths = [60, 26, ...result.years.map(() => 15)];
  for (const m of open) {
    let table: 'none' | 'years' | 'labelled' = 'none';
    // the paragraph cell the previous line went into, while no blank line, heading or table came between
    let paragraph: SheetCell | undefined;
    for (const line of beschlussvorlage(result, m.massnahme.nr, { stand, checksum }).split('\n')) {
      if (!line.startsWith('|')) {
        table = 'none';
        const row = markdownRow(line);
        const cell = row[0];
        const text = cell?.s === 'wrap' && typeof cell.v === 'string' ? cell.v : undefined;
        // lines of one paragraph (Markdown hard breaks) share one wrapped cell: a row less each, as
        // long as the cell stays within the height a row is given (never cut off)
        const joined = paragraph && text !== undefined ? `${String(paragraph.v)}\n${text}` : undefined;
        if (paragraph && joined !== undefined && wrappedLines(joined, widths[0]) <= MAX_LINES) {
          paragraph.v = joined;
          continue;
        }
        paragraph = text !== undefined ? cell : undefined;
        rows.push(row);
        continue;
      }
      paragraph = undefined;
      const cells = tableCells(line);
      if (cells.every((c) => /^-+:?$/.test(c))) continue;
      // a table's first row is its header; a table of years only ("| | 2027 | …") gets an empty second
      // column so that every table of the sheet has its years in the same columns
      const first = table === 'none';
      if (first) table = /^\d{4}$/.test(cells[1] ?? '') ? 'years' : 'labelled';
      const aligned = table === 'years' ? [cells[0], '', ...cells.slice(1)] : cells;
      rows.push(aligned.map((c, i) => tableCell(c, first, i)));
    }
    rows.push([]);
  }
  if (open.length === 0)
    rows.push([{ v: 'Keine offenen Maßnahmen (alle beschlossen oder abgelehnt).', s: 'note' }]);
  return {
    name: SHEETS.vorlage,
    // values only, no ranges or links: its spacer rows (a third of all rows) can become row heights
    ...foldSpacerRows(alignTop(rows), widths),
    widths,
    print: paperPrint({ title: 'Beschlussvorlage', stand, checksum }),
  };
}

/** Cells of a Markdown table row; "\\|" inside a cell is a literal bar (user text is escaped so). */
function tableCells(line: string): string[] {
  return line
    .split(/(?<!\\)\|/)
    .slice(1, -1)
    .map((c) => c.trim().replace(/\\\|/g, '|'));
}

/** A table cell: headers styled, German amounts ("69.761,34 €") as numbers in the € format. */
function tableCell(text: string, header: boolean, column: number): SheetCell {
  if (text === '') return header ? { s: 'header' } : {};
  if (header) return { v: text, s: 'header' };
  const bold = /^\*\*(.*)\*\*$/.exec(text);
  const plain = (bold ? bold[1] : text).replace(/^_|_$/g, '');
  const amount = /^(-?[\d.]+,\d{2}) €$/.exec(plain);
  if (amount && column > 0)
    return { v: Number(amount[1].replace(/\./g, '').replace(',', '.')), s: bold ? 'moneyBold' : 'money' };
  return { v: plain, s: bold ? 'subtitle' : column === 0 ? 'wrap' : 'text' };
}

/** One Markdown line outside a table: headings styled, paragraphs wrapped in the wide first column. */
function markdownRow(line: string): SheetCell[] {
  if (line.startsWith('# ')) return [{ v: line.slice(2), s: 'title' }];
  if (line.startsWith('## ')) return [{ v: line.slice(3), s: 'subtitle' }];
  if (line === '') return [];
  // a Markdown list item is a bullet on paper, not a dash
  const text = line.replace(/^- /, '• ');
  return [{ v: text.replace(/^_|_$/g, '').replace(/ {2}$/, ''), s: 'wrap' }];
}
