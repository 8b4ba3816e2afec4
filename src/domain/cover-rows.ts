import { D, ZERO, isBelowZero, roundCent, sum, type Dec } from './money';
import { intersect, type Period } from './dates';
import { explainProRata, proRataAmount } from './months';
import { lookupMonthly, type LineSpec } from './pay';
import { amountOf, cappedExplanation, zeroExplanation, zeroYears } from './explain';
import { inadmissibleBy } from './admissibility';
import { dienstverhaeltnisOfGrade } from './grades';
import { COVER_KINDS } from './cover-kinds';
import { describeUse, type Draw } from './ledger';
import { kuGrade, vacancyOf, vacantPeriod } from './vacancy';
import type { CostPlan } from './measure-kinds';
import type { Findings } from './catalogue';
import type { Index } from './input-checks';
import type { Deckung, Massnahme, SourceRef, Stelle } from './model';
import type { CoverLineResult, Explanation, LineBasis, YearAmount } from './result';

export interface CoverContext {
  ix: Index;
  m: Massnahme;
  /** The measure's cost per plan year (a funding Quote is a share of it). */
  costs: Dec[];
  plan: CostPlan;
  f: Findings;
  opts: { measure: string; scenario: string };
}

type Evaluated = { result: CoverLineResult; draw?: Omit<Draw, 'target'> };

/** One cover row of a measure: what it releases per plan year, and the money it draws on. */
export function evaluateCover(d: Deckung, ctx: CoverContext): Evaluated {
  const { ix, m, f, opts } = ctx;
  const years = ix.years;
  const at = (field: string): SourceRef => ({ ...d.ref, field });
  const zero = (why: string): Evaluated => ({ result: { deckung: d, years: zeroYears(years, why) } });
  if (m.terminOffen) return zero('Termin offen');
  const kind = COVER_KINDS[d.art];
  const name = d.quelle || d.stellenNr || d.haushaltsstelle;

  if (d.haushaltsstelle && ix.isProtected(d.haushaltsstelle)) {
    f.emit('coverProtected', { m: m.nr, hst: d.haushaltsstelle }, at('haushaltsstelle'), opts);
    return zero('Geschützter Planansatz: keine Deckung');
  }
  if (kind.source === 'position' && d.stellenNr && d.stellenNr === m.stellenNr) {
    f.emit('selfCover', { m: m.nr, art: m.art, nr: d.stellenNr }, at('stellenNr'), opts);
    return zero('Selbstdeckung: keine Deckung');
  }

  const rule = inadmissibleBy(
    {
      deckung: d,
      massnahmeArt: m.art,
      line: d.haushaltsstelle ? ix.lines.get(d.haushaltsstelle)?.values().next().value : undefined,
      sourcePosition: kind.source === 'position' ? ix.stellen.get(d.stellenNr) : undefined,
      target: targetDienstverhaeltnis(m, ix),
    },
    ix.model.coverRules,
  );
  if (rule) {
    const field = rule.sourceDienstverhaeltnis
      ? 'stellenNr'
      : d.haushaltsstelle
        ? 'haushaltsstelle'
        : 'quelle';
    const severity = rule.severity ?? 'error';
    const params = {
      m: m.nr,
      name,
      rule: rule.id,
      message: rule.message,
      messageEn: rule.messageEn,
      source: rule.source,
    };
    f.emit(severity === 'error' ? 'coverInadmissible' : 'coverQuestionable', params, at(field), {
      ...opts,
      severity,
    });
    if (severity === 'error') return zero(`Unzulässige Deckung (${rule.id})`);
  }

  const period: Period = { start: d.beginn ?? m.beginn, end: d.ende ?? m.ende };
  if (kind.source === 'position') return positionCover(d, ctx, period);

  if (d.art === 'Förderung') {
    if (d.betrag === undefined && d.quote === undefined) {
      f.emit('coverAmountMissing', { m: m.nr, art: d.art }, at('betrag'), opts);
      return zero('Betrag oder Quote fehlt');
    }
  } else if (d.betrag === undefined) {
    f.emit('coverAmountMissing', { m: m.nr, art: d.art }, at('betrag'), opts);
    return zero('Betrag fehlt');
  }
  if (kind.needsLine && (!d.haushaltsstelle || !ix.lines.has(d.haushaltsstelle))) {
    f.emit('coverLineUnknown', { m: m.nr, hst: d.haushaltsstelle, art: d.art }, at('haushaltsstelle'), opts);
    return zero('Haushaltsstelle unbekannt');
  }
  const out =
    d.art === 'Förderung' ? fundingYears(d, ctx, period) : betragYears(d, d.betrag!, period, years, name);
  const basis: LineBasis | undefined =
    d.betrag !== undefined && d.quote === undefined
      ? { kind: 'betrag', betrag: d.betrag, period, sign: 1, label: name }
      : undefined;
  const draws = kind.drawsOnLine && d.haushaltsstelle && ix.lines.has(d.haushaltsstelle);
  return {
    result: { deckung: d, years: out, basis },
    draw: draws
      ? {
          kind: 'budget',
          source: d.haushaltsstelle,
          measure: m,
          ref: at('betrag'),
          use: () => describeUse(m, { de: `Deckung „${name}“`, en: `cover "${name}"` }),
          amounts: out.map((y) => y.amount),
        }
      : undefined,
  };
}

function betragYears(d: Deckung, betrag: Dec, period: Period, years: number[], name: string): YearAmount[] {
  return years.map((y) =>
    amountOf(y, proRataAmount(betrag, period, y), () =>
      explainProRata(betrag, period, y, `${d.art} ${name}`, d.art),
    ),
  );
}

/** Förderung: its Quote of the measure's cost during its term, at most its Betrag; or the Betrag alone. */
function fundingYears(d: Deckung, ctx: CoverContext, period: Period): YearAmount[] {
  const { ix, plan } = ctx;
  const name = d.quelle || d.haushaltsstelle;
  return ix.years.map((y, i) => {
    const cap = d.betrag !== undefined ? proRataAmount(d.betrag, period, y) : undefined;
    if (d.quote === undefined)
      return amountOf(y, cap!, () => explainProRata(d.betrag!, period, y, `Förderung ${name}`, 'Funding'));
    // the measure's cost within the funding term
    const inTerm = plan.fixed
      ? proRataAmount(plan.fixed, intersect({ start: ctx.m.beginn, end: ctx.m.ende }, period), y)
      : sum(
          plan.lines.map((l) =>
            ix.cost.lineCost({ ...l.spec, period: intersect(l.spec.period, period) }, y).times(l.sign),
          ),
        );
    const share = roundCent(D.max(inTerm, ZERO).times(d.quote));
    const amount = cap !== undefined && cap.lt(share) ? cap : share;
    return amountOf(y, amount, (): Explanation => ({
      summary: `${ctx.costs[i].isZero() ? '0' : `Kosten in der Förderlaufzeit ${formatPlain(inTerm)} €`} × Quote ${d.quote!.toString().replace('.', ',')}${cap !== undefined ? `, höchstens ${formatPlain(cap)} €` : ''} = ${formatPlain(amount)} €`,
      steps: [
        {
          label: `Kosten ${y} in der Förderlaufzeit`,
          labelEn: 'Cost within the funding term',
          value: `${formatPlain(inTerm)} €`,
        },
        { label: 'Förderquote', labelEn: 'Funding rate', value: d.quote!.toString().replace('.', ',') },
        { label: 'Förderung', labelEn: 'Funding', value: `${formatPlain(amount)} €` },
      ],
    }));
  });
}

const formatPlain = (d: Dec) => d.toFixed(2).replace('.', ',');

/** max(x, 0) as D.max gives it, without its copy of x (decimals are immutable). */
const notBelowZero = (x: Dec): Dec => (isBelowZero(x) ? ZERO : x);

/** A position given up: from the day it falls vacant, at most what its budget line holds for it. */
function positionCover(d: Deckung, ctx: CoverContext, coverPeriod: Period): Evaluated {
  const { ix, m, f, opts } = ctx;
  const years = ix.years;
  const at = (field: string): SourceRef => ({ ...d.ref, field });
  const zero = (why: string): Evaluated => ({ result: { deckung: d, years: zeroYears(years, why) } });
  const s = ix.stellen.get(d.stellenNr);
  if (!s) {
    f.emit('coverPositionUnknown', { m: m.nr, art: d.art, nr: d.stellenNr }, at('stellenNr'), opts);
    return zero('Stelle unbekannt');
  }
  const kind = COVER_KINDS[d.art];
  if (s.besetzt && kind.occupancy === 'unoccupied') {
    f.emit(
      'coverNeedsUnoccupied',
      { m: m.nr, art: d.art, nr: s.nr, title: s.bezeichnung },
      at('stellenNr'),
      opts,
    );
    return zero('Stelle besetzt');
  }
  const free = vacantPeriod(vacancyOf(s));
  if (!free) {
    f.emit(
      'coverOccupiedNoDate',
      { m: m.nr, nr: s.nr, title: s.bezeichnung, note: s.vermerkText },
      at('stellenNr'),
      opts,
    );
    return zero('Stelle besetzt, wird nicht frei');
  }
  const period = intersect(coverPeriod, free);
  const spec = ix.positionSpecs.get(s);
  // ku: from vacancy the position goes on at the lower grade; only the difference is free (unless dropped).
  const lower =
    d.betrag === undefined && d.art !== 'Stellenwegfall' && spec ? lowerLine(s, spec, ctx) : undefined;
  const above: { year: number; has: Dec; asked: Dec }[] = [];
  // the position's own line within the cover period: one spec for all years (the cost model caches by spec)
  const line = spec ? { ...spec, period: intersect(spec.period, period) } : undefined;
  const lowerInPeriod = lower && line ? { ...lower, period: line.period } : undefined;
  const raw: { amount: Dec; explain: () => Explanation }[] = years.map((y) => {
    if (d.betrag !== undefined) {
      const betrag = d.betrag;
      const asked = proRataAmount(betrag, period, y);
      const explain = () => explainProRata(betrag, period, y, `Betrag aus Stelle ${s.nr}`, 'Amount');
      // a position gives at most what it costs in those months
      const has = line ? ix.cost.lineCost(line, y) : asked;
      if (asked.gt(has)) {
        above.push({ year: y, has, asked });
        return {
          amount: has,
          explain: () => cappedExplanation(explain(), has, `Kosten der Stelle ${s.nr}`, 'Position cost'),
        };
      }
      return { amount: asked, explain };
    }
    if (!line) return { amount: ZERO, explain: () => zeroExplanation('Stelle nicht berechenbar') };
    const full = ix.cost.lineCost(line, y);
    if (!lower || !lowerInPeriod) return { amount: full, explain: () => ix.cost.explainLine(line, y) };
    const rest = ix.cost.lineCost(lowerInPeriod, y);
    return {
      amount: D.max(full.minus(rest), ZERO),
      explain: () => ({
        summary: `${formatPlain(full)} € − ${formatPlain(rest)} € (ku ${lower.grade}) = ${formatPlain(full.minus(rest))} €`,
        steps: [
          ...ix.cost.explainLine(line, y).steps,
          {
            label: `abzüglich künftig ${lower.grade} Stufe ${lower.step}`,
            labelEn: `less the lower grade ${lower.grade}`,
            value: `${formatPlain(rest)} €`,
          },
        ],
      }),
    };
  });

  // Only budgeted money: the line's Ansatz minus the cost of its other positions, not below zero. An
  // adopted measure's cover has already been taken out of the line by `adopt`; the budget check judges it.
  if (m.status === 'beschlossen') {
    if (above.length > 0)
      f.emit('betragAbovePosition', { m: m.nr, nr: s.nr, years: above }, at('stellenNr'), opts);
    const asIs = years.map((y, i) => amountOf(y, raw[i].amount, raw[i].explain));
    return positionResult(d, ctx, s, period, asIs, !lower && above.length === 0);
  }
  const lineYears = s.haushaltsstelle ? ix.lines.get(s.haushaltsstelle) : undefined;
  const charged = ix.lineCost(s.haushaltsstelle);
  // the position's own cost per year (as positionCost gives it: zero when it cannot be computed)
  const own = ix.positionYears.get(s)?.costs;
  const unfunded: number[] = [];
  const capped: { year: number; room: Dec }[] = [];
  const out = years.map((y, i) => {
    const { amount, explain } = raw[i];
    if (amount.isZero()) return amountOf(y, amount, explain);
    const ansatz = lineYears?.get(y)?.ansatz;
    if (ansatz === undefined) {
      unfunded.push(y);
      return amountOf(y, ZERO, () =>
        zeroExplanation('Nicht im Haushalt finanziert', 'Not funded in the budget'),
      );
    }
    const room = notBelowZero(ansatz.minus(charged![i].minus(own?.[i] ?? ZERO)));
    if (amount.gt(room)) {
      capped.push({ year: y, room });
      return amountOf(y, room, () =>
        cappedExplanation(explain(), room, `Haushaltsstelle ${s.haushaltsstelle}`, 'Budget line'),
      );
    }
    return amountOf(y, amount, explain);
  });
  if (above.length > 0)
    f.emit('betragAbovePosition', { m: m.nr, nr: s.nr, years: above }, at('stellenNr'), opts);
  if (unfunded.length > 0)
    f.emit(
      'coverUnfunded',
      { m: m.nr, nr: s.nr, hst: s.haushaltsstelle, years: unfunded },
      at('stellenNr'),
      opts,
    );
  if (capped.length > 0)
    f.emit(
      'coverCapped',
      { m: m.nr, nr: s.nr, hst: s.haushaltsstelle, years: capped },
      at('stellenNr'),
      opts,
    );

  const exact = !lower && unfunded.length === 0 && capped.length === 0 && above.length === 0;
  return positionResult(d, ctx, s, period, out, exact);
}

/** The cover line of a position and its draw on the position in the ledger. */
function positionResult(
  d: Deckung,
  ctx: CoverContext,
  s: Stelle,
  period: Period,
  out: YearAmount[],
  exact: boolean,
): Evaluated {
  const spec = ctx.ix.positionSpecs.get(s);
  const label = d.quelle || `Stelle ${s.nr}`;
  // Native formulas can follow a position or an amount, not a cap or a ku difference: then no basis.
  const basis: LineBasis | undefined = !exact
    ? undefined
    : d.betrag !== undefined
      ? { kind: 'betrag', betrag: d.betrag, period, sign: 1, label }
      : spec
        ? { kind: 'position', spec: { ...spec, period: intersect(spec.period, period) }, sign: 1, label }
        : undefined;
  const fraction = d.betrag !== undefined && spec ? shareOf(d.betrag, spec, ctx) : new D(1);
  return {
    result: { deckung: d, years: out, basis },
    draw: {
      kind: 'position',
      source: s.nr,
      measure: ctx.m,
      ref: { ...d.ref, field: 'stellenNr' },
      use: () => describeUse(ctx.m, { de: `Deckung „${label}“`, en: `cover "${label}"` }, period),
      amounts: out.map((y) => y.amount),
      period,
      fraction,
    },
  };
}

function lowerLine(s: Stelle, spec: LineSpec, ctx: CoverContext): LineSpec | undefined {
  const grade = kuGrade(s);
  if (!grade) return undefined;
  const hit = lookupMonthly(ctx.ix.model, grade, s.stufe);
  if (!hit.ok) return undefined;
  return { ...spec, grade: hit.grade, monthly: hit.monthly, beamte: hit.beamte };
}

/** The share of a position's money that a fixed amount takes (at most all of it). */
function shareOf(betrag: Dec, spec: LineSpec, ctx: CoverContext): Dec {
  const annual = ctx.ix.cost.lineCost({ ...spec, period: {} }, ctx.ix.years[0]);
  return annual.isZero() ? new D(1) : D.min(betrag.div(annual), 1);
}

/** Dienstverhältnis of the position a measure creates or changes (for the one-way cover rule). */
function targetDienstverhaeltnis(m: Massnahme, ix: Index): Stelle['dienstverhaeltnis'] | undefined {
  if (m.art === 'Neue Stelle') return m.gruppe ? dienstverhaeltnisOfGrade(m.gruppe) : undefined;
  if (m.art === 'Höhergruppierung' && m.gruppe) return dienstverhaeltnisOfGrade(m.gruppe);
  return ix.stellen.get(m.stellenNr)?.dienstverhaeltnis;
}
