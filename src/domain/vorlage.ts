import { formatDateDe } from './dates';
import { displayGrade } from './grades';
import { formatDecimalDe, formatEuro, formatPercentDe, sum, ZERO } from './money';
import type { Massnahme } from './model';
import { MEASURE_KINDS } from './measure-kinds';
import { verdictOf } from './verdict';
import type { CheckResult, MeasureResult } from './result';

interface Lookups {
  measures: Map<string, MeasureResult>;
  scenarioMeasures: Map<string, MeasureResult>;
  stellen: Map<string, CheckResult['model']['stellen'][number]>;
  massnahmen: Map<string, Massnahme>;
  findings: Map<string, CheckResult['findings']>;
}

/** The first entry per key, in the order of `items` – what Array.find would return. */
function firstBy<T>(items: Iterable<T>, key: (x: T) => string | undefined): Map<string, T> {
  const map = new Map<string, T>();
  for (const x of items) {
    const k = key(x);
    if (k !== undefined && !map.has(k)) map.set(k, x);
  }
  return map;
}

/**
 * Lookups by number, built once per check result: the papers write a Vorlage for every open measure, and
 * a scan of all positions and findings per measure is quadratic at 100.000 positions.
 */
const LOOKUPS = new WeakMap<CheckResult, Lookups>();
function lookupsOf(result: CheckResult): Lookups {
  let l = LOOKUPS.get(result);
  if (!l) {
    const findings = new Map<string, CheckResult['findings']>();
    for (const f of result.findings) {
      if (f.measure === undefined) continue;
      const list = findings.get(f.measure);
      if (list) list.push(f);
      else findings.set(f.measure, [f]);
    }
    l = {
      measures: firstBy(result.measures, (x) => x.massnahme.nr),
      scenarioMeasures: firstBy(
        result.scenarios.flatMap((s) => s.measures),
        (x) => x.massnahme.nr,
      ),
      stellen: firstBy(result.model.stellen, (s) => s.nr),
      massnahmen: firstBy(result.model.massnahmen, (x) => x.nr),
      findings,
    };
    LOOKUPS.set(result, l);
  }
  return l;
}

/**
 * A draft resolution (Beschlussvorlage) for one measure: Beschlussvorschlag, Begründung placeholder,
 * Finanzielle Auswirkungen per plan year and the Deckungsvorschlag with its sources and amounts – as
 * Markdown, the form a Sitzungsdienst pastes into its council information system.
 */
export function beschlussvorlage(
  result: CheckResult,
  nr: string,
  options: { stand: string; checksum: string },
): string {
  const index = lookupsOf(result);
  const m = index.measures.get(nr) ?? index.scenarioMeasures.get(nr);
  if (!m) throw new Error(`Die Maßnahme „${nr}“ gibt es nicht.`);
  const mm = m.massnahme;
  const years = result.years;
  const position = index.stellen.get(mm.stellenNr);
  const lines: string[] = [];
  lines.push(`# Beschlussvorlage: ${inline(mm.bezeichnung)} (${inline(mm.nr)})`, '');
  lines.push(`Beratungsfolge: Haupt- und Finanzausschuss (HFW) – Stadtverordnetenversammlung  `);
  lines.push(
    `Stand: ${formatDateDe(options.stand)} · Szenario: ${m.scenario} · Status: ${mm.status} · Prüfsumme der Eingaben: ${options.checksum}`,
    '',
  );

  lines.push('## Beschlussvorschlag', '');
  const points = [proposal(mm, position?.bezeichnung)];
  if (mm.voraussetzung) {
    const pre = index.massnahmen.get(mm.voraussetzung);
    points.push(
      `Voraussetzung ist die Maßnahme ${mm.voraussetzung}${pre ? ` („${pre.bezeichnung}“)` : ''}; bis dahin bleiben die Zuständigkeiten, wo sie sind.`,
    );
  }
  if (mm.auflagen) points.push(`Auflagen: ${mm.auflagen}.`.replace(/\.\.$/, '.'));
  if (m.cover.length > 0)
    points.push(
      `Die Deckung erfolgt durch: ${m.cover.map((c) => `${c.deckung.quelle || c.deckung.stellenNr || c.deckung.haushaltsstelle} (${c.deckung.art})`).join('; ')}.`,
    );
  if (mm.art === 'Neue Stelle' && mm.ende)
    points.push(
      `Die Stelle ist bis ${formatDateDe(mm.ende)} befristet; rechtzeitig vor Ablauf entscheidet die Stadtverordnetenversammlung, ob sie unbefristet fortgeführt wird.`,
    );
  points.forEach((p, i) => lines.push(`${i + 1}. ${p}`));
  lines.push('');

  lines.push('## Begründung', '', '_[Fachliche Begründung durch das Fachamt ergänzen.]_', '');

  lines.push('## Finanzielle Auswirkungen', '');
  lines.push(`| | ${years.join(' | ')} |`, `| --- | ${years.map(() => '---:').join(' | ')} |`);
  for (const [label, key] of [
    ['Kosten', 'cost'],
    ['Deckung', 'cover'],
    ['Saldo', 'balance'],
  ] as const)
    lines.push(`| ${label} | ${m.years.map((y) => formatEuro(y[key])).join(' | ')} |`);
  lines.push('');
  const facts: string[] = [];
  if (mm.gruppe)
    facts.push(
      `Entgelt-/Besoldungsgruppe ${displayGrade(mm.gruppe)}${mm.stufe ? `, Stufe ${mm.stufe}` : ''}`,
    );
  if (mm.anteil) facts.push(`Stellenanteil ${formatDecimalDe(mm.anteil, 3)}`);
  if (mm.haushaltsstelle) facts.push(`Haushaltsstelle ${mm.haushaltsstelle}`);
  if (mm.planansatz) facts.push(`im Antrag genannter Planansatz ${formatEuro(mm.planansatz)} je Jahr`);
  if (facts.length) lines.push(`${facts.join(' · ')}.`, '');
  lines.push(
    'Berechnet nach dem Kostenmodell der Arbeitsmappe (Tabellenentgelt × (12 + Jahressonderzahlung) × (1 + Arbeitgeberanteile) je Jahr, tagegenau anteilig, auf den Cent gerundet).',
    '',
  );

  lines.push('## Deckungsvorschlag', '');
  if (m.cover.length === 0) lines.push('Kein Deckungsvorschlag angegeben.', '');
  else {
    lines.push(
      `| Quelle | Art | ${years.join(' | ')} |`,
      `| --- | --- | ${years.map(() => '---:').join(' | ')} |`,
    );
    for (const c of m.cover)
      lines.push(
        `| ${cell(c.deckung.quelle || c.deckung.stellenNr || c.deckung.haushaltsstelle)} | ${cell(c.deckung.art)} | ${c.years.map((y) => formatEuro(y.amount)).join(' | ')} |`,
      );
    lines.push(
      `| **Deckung insgesamt** | | ${years.map((_, i) => `**${formatEuro(sum(m.cover.map((c) => c.years[i]?.amount ?? ZERO)))}**`).join(' | ')} |`,
    );
    lines.push('');
    const funding = drittfinanzierung(m);
    if (funding) lines.push(funding, '');
  }
  lines.push(coverVerdict(m), '');

  const findings = index.findings.get(mm.nr) ?? [];
  if (findings.length > 0) {
    lines.push('## Hinweise der Prüfung', '');
    for (const f of findings)
      lines.push(
        `- ${f.severity === 'error' ? 'Fehler' : f.severity === 'warning' ? 'Warnung' : 'Hinweis'} (${f.code}): ${f.message}`,
      );
    lines.push('');
  }
  return lines.join('\n');
}

/** User text in a Markdown table cell: a "|" would end the cell, a line break the row. */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** User text in a heading or paragraph: one line. */
function inline(text: string): string {
  return text.replace(/\r?\n/g, ' ');
}

/**
 * Drittfinanzierung: the share of the measure's cost covered by third-party funding (Deckung Art
 * "Förderung", arriving with the coverage rules v2), per year where the measure costs money.
 */
function drittfinanzierung(m: MeasureResult): string | undefined {
  const funded = m.cover.filter((c) => (c.deckung.art as string) === 'Förderung');
  if (funded.length === 0) return undefined;
  const parts = m.years
    .map((y, i) => ({
      year: y.year,
      cost: y.cost,
      amount: sum(funded.map((c) => c.years[i]?.amount ?? ZERO)),
    }))
    .filter((y) => y.cost.gt(0));
  if (parts.length === 0) return undefined;
  return `Drittfinanzierung (Förderung): ${parts
    .map((y) => `${y.year} ${formatEuro(y.amount)} = ${formatPercentDe(y.amount.div(y.cost), 1)} der Kosten`)
    .join('; ')}.`;
}

function from(m: Massnahme): string {
  return m.terminOffen
    ? 'zu einem noch festzulegenden Zeitpunkt'
    : m.beginn
      ? `ab ${formatDateDe(m.beginn)}`
      : 'ab sofort';
}

function where(m: Massnahme): string {
  return m.oe && m.dezernat ? `${m.oe} (${m.dezernat})` : m.oe || m.dezernat || '';
}

/** The resolution sentence for each kind of measure. */
function proposal(m: Massnahme, positionTitle?: string): string {
  const pos = `die Stelle ${m.stellenNr}${positionTitle ? ` (${positionTitle})` : ''}`;
  return MEASURE_KINDS[m.art].resolution(m, {
    pos,
    from: from(m),
    where: where(m),
    grade: (g) => (g ? displayGrade(g) : ''),
    share: (x) => (x ? formatDecimalDe(x, 3) : '1,000'),
    euro: (d) => (d ? formatEuro(d) : '…'),
  });
}

function coverVerdict(m: MeasureResult): string {
  const verdict = verdictOf(m);
  if (verdict === 'Termin offen')
    return 'Termin offen: Kosten und Deckung werden ausgewiesen, sobald der Zeitpunkt feststeht.';
  const short = m.years.filter((y) => y.balance.isNegative());
  if (short.length === 0)
    return `Die Maßnahme ist in allen Planjahren ${verdict === 'gedeckt' ? 'gedeckt' : 'rechnerisch gedeckt, die Prüfung meldet aber Fehler (siehe unten)'}.`;
  return `Die Maßnahme ist nicht voll gedeckt: ${short.map((y) => `${y.year} fehlen ${formatEuro(y.balance.neg())}`).join(', ')}.`;
}
