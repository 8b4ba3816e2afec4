import { D, ZERO, type Dec } from './money';
import { formatDateDe, intersect, type Period } from './dates';
import { monthsActive } from './months';
import { BASIS, type Massnahme, type Planansatz, type SourceRef } from './model';
import type { Findings } from './catalogue';

/**
 * One ledger of money per scenario. Every source of money is a capacity: a position's cost over time
 * (share × period), a budget line's Ansatz per year. Measures draw on it by their own effect (a
 * position removed or reduced) and by their cover rows. Draws are booked in a fixed order (Basis
 * measures first, then the variant's own, each in sheet order; a measure's own effect before its cover
 * rows); a draw that finds its money already given is refused in those years: it counts nothing, and
 * COVER_OVERUSED names the first use.
 */
export interface Draw {
  kind: 'position' | 'budget';
  /** Position number or budget line. */
  source: string;
  measure: Massnahme;
  /** The cell of this use. */
  ref: SourceRef;
  /** This use in words, for the message of a later use: "Maßnahme M-1, Deckung „…“" (built when needed). */
  use: () => { de: string; en: string };
  /** What it releases per plan year (≥ 0). */
  amounts: Dec[];
  /** Position draws: the period and the share of the position's money they take. */
  period?: Period;
  fraction?: Dec;
  /** Which part of the measure's result the money is booked in. */
  target: { kind: 'cover'; index: number } | { kind: 'cost' };
}

export interface LedgerContext {
  years: number[];
  lines: Map<string, Map<number, Planansatz>>;
  scenario: string;
  /** The scenario a measure belongs to on its own (Basis for Basis and adopted measures). */
  ownScenario: (m: Massnahme) => string;
}

/** Money booked on one budget line per plan year: the sum, the number of draws and the first draw. */
interface LineBook {
  used: Dec[];
  count: number[];
  first: (Draw | undefined)[];
}

/**
 * The ledger of one scenario. Every scenario books the Basis measures first, in the same order, so a
 * variant's ledger starts as a copy of the Basis ledger (`fork`) and books only the variant's own draws.
 */
export class Ledger {
  /** Per refused draw, the year indexes in which it counts nothing. */
  readonly refused = new Map<Draw, Set<number>>();
  private readonly positions = new Map<string, Draw[]>();
  private readonly budgets = new Map<string, LineBook>();

  constructor(private readonly ctx: LedgerContext) {}

  /**
   * A ledger for another scenario holding what this one has booked. The sets of refused years are
   * shared: a draw's set is only written while that draw is booked.
   */
  fork(ctx: LedgerContext): Ledger {
    const copy = new Ledger(ctx);
    for (const [d, years] of this.refused) copy.refused.set(d, years);
    for (const [source, claims] of this.positions) copy.positions.set(source, [...claims]);
    for (const [source, b] of this.budgets)
      copy.budgets.set(source, { used: [...b.used], count: [...b.count], first: [...b.first] });
    return copy;
  }

  /** Books the draws in order; a refused draw is recorded in `refused` and reported to `f`. */
  book(draws: Draw[], f: Findings): void {
    const { ctx, refused, positions, budgets } = this;
    const refuse = (d: Draw, i: number) => {
      const set = refused.get(d) ?? new Set<number>();
      set.add(i);
      refused.set(d, set);
    };
    // A double use among Basis measures is a Basis finding: a variant does not report it again.
    const report = (d: Draw) => ctx.scenario === BASIS || ctx.ownScenario(d.measure) !== BASIS;
    const scenario = ctx.scenario === BASIS ? undefined : ctx.scenario;
    const opts = (d: Draw) => ({ measure: d.measure.nr, scenario: ctx.scenario });

    for (const d of draws) {
      if (!d.amounts.some((a) => !a.isZero())) continue;
      if (d.kind === 'position') {
        const claims = positions.get(d.source) ?? [];
        const period = d.period ?? {};
        const fraction = d.fraction ?? new D(1);
        let taken = ZERO;
        let first: Draw | undefined;
        const overlaps: Period[] = [];
        for (const c of claims) {
          const o = intersect(c.period ?? {}, period);
          if (o.start && o.end && o.start > o.end) continue;
          taken = taken.plus(c.fraction ?? 1);
          first ??= c;
          overlaps.push(o);
        }
        // Shares are exact decimals; a millionth is only there to absorb 1/3 + 2/3.
        if (first && taken.plus(fraction).gt(WHOLE_SHARE)) {
          const years: number[] = [];
          ctx.years.forEach((y, i) => {
            if (d.amounts[i].isZero()) return;
            if (overlaps.some((o) => !monthsActive(o, y).isZero())) {
              refuse(d, i);
              years.push(y);
            }
          });
          if (years.length > 0) {
            if (report(d))
              f.emit(
                'overusedPosition',
                {
                  m: d.measure.nr,
                  nr: d.source,
                  first: first.use().de,
                  firstEn: first.use().en,
                  years,
                  scenario,
                },
                d.ref,
                opts(d),
              );
            // What is left (years without overlap) still counts and stays booked.
            if (years.length < d.amounts.filter((a) => !a.isZero()).length) claims.push(d);
            positions.set(d.source, claims);
            continue;
          }
        }
        claims.push(d);
        positions.set(d.source, claims);
        continue;
      }
      // budget line: money per year
      const line = ctx.lines.get(d.source);
      const book = budgets.get(d.source) ?? {
        used: ctx.years.map(() => ZERO),
        count: ctx.years.map(() => 0),
        first: ctx.years.map(() => undefined),
      };
      budgets.set(d.source, book);
      let missingReported = false;
      const over: { year: number; capacity: Dec; used: Dec }[] = [];
      let firstUse: Draw | undefined;
      ctx.years.forEach((year, i) => {
        const amount = d.amounts[i];
        if (amount.isZero()) return;
        const capacity = line?.get(year)?.ansatz;
        if (capacity === undefined) {
          refuse(d, i);
          if (!missingReported && report(d))
            f.emit(
              'lineWithoutAnsatz',
              { m: d.measure.nr, hst: d.source, year, amount, scenario },
              d.ref,
              opts(d),
            );
          missingReported = true;
          return;
        }
        const n = book.count[i] + 1;
        // Each draw is rounded to the cent on its own (±0,005 €): splitting a line between measures by
        // periods must not turn rounding into a double use of a cent.
        const tolerance = centTolerance(n);
        if (book.used[i].plus(amount).gt(capacity.plus(tolerance))) {
          refuse(d, i);
          over.push({ year, capacity, used: book.used[i] });
          firstUse ??= book.first[i];
          return;
        }
        book.used[i] = book.used[i].plus(amount);
        book.count[i] = n;
        book.first[i] ??= d;
      });
      if (over.length > 0 && report(d))
        f.emit(
          'overusedLine',
          {
            m: d.measure.nr,
            hst: d.source,
            years: over,
            first: firstUse ? firstUse.use().de : 'keine',
            firstEn: firstUse ? firstUse.use().en : 'none',
            scenario,
          },
          d.ref,
          opts(d),
        );
    }
  }
}

/** Books the draws of one scenario in a fresh ledger; returns, per refused draw, the years it counts nothing. */
export function bookDraws(draws: Draw[], ctx: LedgerContext, f: Findings): Map<Draw, Set<number>> {
  const ledger = new Ledger(ctx);
  ledger.book(draws, f);
  return ledger.refused;
}

const WHOLE_SHARE = new D(1).plus('1e-6');

/** ±1 cent for every two draws on a line in a year (built once per count: the ledger asks for every draw). */
const tolerances: Dec[] = [];
function centTolerance(n: number): Dec {
  const k = Math.floor((n + 1) / 2);
  if (k >= 1000) return new D('0.01').times(k);
  return (tolerances[k] ??= new D('0.01').times(k));
}

/** "Maßnahme M-5 (Stelle streichen) ab 01.07.2027" – a use as a later message names it. */
export function describeUse(
  m: Massnahme,
  what: { de: string; en: string },
  period?: Period,
): { de: string; en: string } {
  const from = period?.start ? ` ab ${formatDateDe(period.start)}` : '';
  return {
    de: `Maßnahme ${m.nr}, ${what.de}${from}`,
    en: `measure ${m.nr}, ${what.en}${period?.start ? ` from ${period.start}` : ''}`,
  };
}
