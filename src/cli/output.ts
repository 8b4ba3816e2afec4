import type { CheckResult, MeasureYear } from '../domain/result';
import type { Finding } from '../domain/findings';
import { verdictOf, type Verdict } from '../domain/verdict';
import { formatEuro, toAmountString } from '../domain/money';
import type { ReadResult } from '../workbook/read';
import { t, type Lang } from './text';

/** The JSON of `check --json`, exactly as DESIGN.md describes it. */
export function checkJson(read: ReadResult, result: CheckResult, findings: Finding[], lang: Lang): object {
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  return {
    summary: { errors: count('error'), warnings: count('warning'), infos: count('info') },
    measures: result.measures.map((m) => ({
      id: m.massnahme.nr,
      scenario: m.scenario,
      covered: m.covered,
      years: m.years.map((y) => ({
        year: y.year,
        cost: toAmountString(y.cost),
        cover: toAmountString(y.cover),
        balance: toAmountString(y.balance),
        covered: y.covered === true,
      })),
    })),
    findings: findings.map((f) => {
      const loc = read.locate(f.ref);
      return {
        severity: f.severity,
        code: f.code,
        message: lang === 'en' ? f.messageEn : f.message,
        sheet: loc?.sheet ?? null,
        cell: loc?.cell ?? null,
        measure: f.measure ?? null,
      };
    }),
  };
}

const SEVERITY_ORDER: Record<Finding['severity'], number> = { error: 0, warning: 1, info: 2 };

/** "AB12" → [12, 28]: rows first, then columns, as a reader goes down a sheet. */
function cellOrder(cell: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(cell);
  if (!m) return [Number.MAX_SAFE_INTEGER, 0];
  return [Number(m[2]), [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0)];
}

/** Errors first, then warnings, then notes; within each by sheet and cell; findings without a cell last. */
export function sortFindings(read: ReadResult, findings: Finding[]): Finding[] {
  const keyed = findings.map((f, i) => ({ f, i, loc: read.locate(f.ref) }));
  keyed.sort((a, b) => {
    const bySeverity = SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity];
    if (bySeverity !== 0) return bySeverity;
    if (!a.loc || !b.loc) return a.loc ? -1 : b.loc ? 1 : a.i - b.i;
    const bySheet = a.loc.sheet.localeCompare(b.loc.sheet, 'de');
    if (bySheet !== 0) return bySheet;
    const [ra, ca] = cellOrder(a.loc.cell);
    const [rb, cb] = cellOrder(b.loc.cell);
    return ra - rb || ca - cb || a.i - b.i;
  });
  return keyed.map((k) => k.f);
}

function pad(s: string, n: number, right = false): string {
  return right ? s.padStart(n) : s.padEnd(n);
}

function yearTable(rows: { label: string; years: MeasureYear[] }[], years: number[], lang: Lang): string[] {
  const out: string[] = [];
  const w = 16;
  // the label has a line of its own, so a long measure title never pushes the amounts aside
  const first = 12;
  out.push(pad('', first) + years.map((y) => pad(String(y), w, true)).join(''));
  for (const r of rows) {
    out.push(r.label);
    for (const [key, de, en] of [
      ['cost', 'Kosten', 'cost'],
      ['cover', 'Deckung', 'cover'],
      ['balance', 'Saldo', 'balance'],
    ] as const)
      out.push(
        pad(`  ${t(lang, de, en)}`, first) + r.years.map((y) => pad(formatEuro(y[key]), w, true)).join(''),
      );
  }
  return out;
}

const VERDICT_LABEL: Record<Verdict, [string, string]> = {
  'Termin offen': ['(Termin offen)', '(date open)'],
  gedeckt: ['(gedeckt)', '(covered)'],
  'nicht gedeckt': ['(NICHT gedeckt)', '(NOT covered)'],
};

const SEVERITY: Record<Finding['severity'], [string, string]> = {
  error: ['Fehler', 'error'],
  warning: ['Warnung', 'warning'],
  info: ['Hinweis', 'info'],
};

export function checkText(read: ReadResult, result: CheckResult, findings: Finding[], lang: Lang): string {
  const lines: string[] = [];
  lines.push(t(lang, `Deckung je Maßnahme und Planjahr`, `Cover per measure and plan year`));
  lines.push(
    ...yearTable(
      result.measures.map((m) => ({
        // as in the report's Übersicht: an undated measure is "Termin offen", not "gedeckt"
        label: [
          `${m.massnahme.nr} ${VERDICT_LABEL[verdictOf(m)][lang === 'en' ? 1 : 0]}`,
          m.massnahme.bezeichnung,
          `${t(lang, 'Szenario', 'scenario')} ${m.scenario}`,
        ]
          .filter((part) => part)
          .join(' · '),
        years: m.years,
      })),
      result.years,
      lang,
    ),
  );
  lines.push('');
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  lines.push(
    t(
      lang,
      `Prüfung: ${count('error')} Fehler, ${count('warning')} Warnungen, ${count('info')} Hinweise`,
      `Check: ${count('error')} errors, ${count('warning')} warnings, ${count('info')} notes`,
    ),
  );
  for (const f of findings) {
    const loc = read.locate(f.ref);
    const where = loc ? `${loc.sheet}!${loc.cell}` : '';
    lines.push(
      `  ${pad(SEVERITY[f.severity][lang === 'en' ? 1 : 0], 8)} ${pad(f.code, 20)} ${pad(where, 16)} ${lang === 'en' ? f.messageEn : f.message}`,
    );
  }
  return lines.join('\n') + '\n';
}

export function compareText(result: CheckResult, findings: Finding[], lang: Lang): string {
  const lines: string[] = [t(lang, 'Szenarienvergleich', 'Scenario comparison')];
  const w = 16;
  // a long scenario name widens the first column instead of running into the counts
  const nameWidth = Math.max(30, ...result.scenarios.map((s) => s.name.length + 2));
  const lead = nameWidth + 18;
  lines.push(
    pad(t(lang, 'Szenario', 'Scenario'), nameWidth) +
      pad(t(lang, 'Maßnahmen', 'Measures'), 10) +
      pad(t(lang, 'Fehler', 'Errors'), 8) +
      result.years.map((y) => pad(String(y), w, true)).join(''),
  );
  for (const s of result.scenarios) {
    const errors = new Set(
      s.findings
        .filter((f) => f.severity === 'error')
        .map((f) => `${f.code}|${f.ref?.table}|${f.ref?.row}|${f.message}`),
    ).size;
    const staticErrors = findings.filter((f) => f.severity === 'error' && !f.measure).length;
    lines.push(
      pad(s.name, nameWidth) + pad(String(s.measures.length), 10) + pad(String(errors + staticErrors), 8),
    );
    for (const [key, de, en] of [
      ['cost', 'Kosten', 'cost'],
      ['cover', 'Deckung', 'cover'],
      ['balance', 'Saldo', 'balance'],
    ] as const)
      lines.push(
        pad(`  ${t(lang, de, en)}`, lead) + s.totals.map((y) => pad(formatEuro(y[key]), w, true)).join(''),
      );
  }
  return lines.join('\n') + '\n';
}
