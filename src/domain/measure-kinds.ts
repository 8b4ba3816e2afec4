import { D, ZERO, type Dec } from './money';
import { formatDateDe, intersect, parts, type Period } from './dates';
import { displayGrade, isBeamteGrade, normalizeGrade } from './grades';
import { goneFrom, kwNote, vacancyOf, vacantPeriod } from './vacancy';
import type { Findings } from './catalogue';
import type { LineSpec } from './pay';
import type { Massnahme, MassnahmeArt, SourceRef, Stelle } from './model';
import type { PlanPosition } from './plan-year';

/**
 * What each kind of measure does, in one place: its cost lines, its effect on the Stellenplan, the
 * sentence of the resolution and what adopting it writes. The registry is an exhaustive
 * `Record<MassnahmeArt, …>`: a new kind does not compile until it defines all four.
 */

/** A signed cost line of a measure: +new, −old. */
export interface CostLine {
  spec: LineSpec;
  sign: 1 | -1;
  label: string;
  labelEn: string;
}

/** Money a measure gives up by its own effect: it draws on the position in the ledger like a cover row. */
export interface Release {
  position: Stelle;
  /** Share of the position's money that is released (1 = all of it). */
  fraction: Dec;
  period: Period;
}

export interface CostPlan {
  lines: CostLine[];
  /** Sachaufwand: a fixed €/year, pro rata. */
  fixed?: Dec;
  release?: Release;
}

/** What the kinds need from the engine: lookups that report what they cannot find. */
export interface KindContext {
  m: Massnahme;
  period: Period;
  years: number[];
  f: Findings;
  at: (field: string) => SourceRef;
  opts: { measure: string; scenario: string };
  stellen: Map<string, Stelle>;
  /** The affected position (reports POSITION_UNKNOWN when it is missing). */
  position: () => Stelle | undefined;
  specOf: (s: Stelle) => LineSpec | undefined;
  /** A pay line for a grade and step (reports missing or unknown grades). */
  payLine: (grade: string | undefined, step: number | undefined, field: string) => LineSpec | undefined;
  checkShare: (share: Dec | undefined) => boolean;
  isProtected: (hst: string) => boolean;
}

/** What a measure may do to the plan year of the Stellenplan paper (stellenplan.ts gives the means). */
export interface PlanEffect {
  m: Massnahme;
  /** The position of the plan year the measure names, if it is there. */
  p?: PlanPosition;
  /** The position as the Stellen table states it. */
  position?: Stelle;
  yearStart: string;
  label: string;
  add: (p: PlanPosition) => void;
  remove: (p: PlanPosition) => void;
  change: (p: PlanPosition, delta: Dec, text: string) => void;
  dezernatOf: (oe: string) => string;
  fte: (d: Dec) => string;
  signed: (d: Dec) => string;
}

/** Text pieces of the resolution sentence ("ab 01.01.2027", "in FB1 (Dezernat I)"). */
export interface ResolutionText {
  pos: string;
  from: string;
  where: string;
  grade: (g?: string) => string;
  share: (s?: Dec) => string;
  euro: (d?: Dec) => string;
}

export interface MeasureKind {
  cost: (ctx: KindContext) => CostPlan;
  /** Applies the measure to the plan year of the Stellenplan paper, with the reason for each change. */
  stellenplan: (e: PlanEffect) => void;
  resolution: (m: Massnahme, t: ResolutionText) => string;
  /**
   * What `adopt` writes besides status and budget: a new position row; a kw note on the position the
   * measure gives up (dated by the day it is gone, never before it falls vacant).
   */
  adoption: { addsPosition: boolean; givesUpPosition: boolean };
  /** Whether the stated Planansatz is compared with the computed cost. */
  comparePlanansatz: boolean;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const MEASURE_KINDS: Record<MassnahmeArt, MeasureKind> = {
  'Neue Stelle': {
    cost(ctx) {
      const { m, f, at, opts, stellen, years } = ctx;
      // A number may be reused for a follow-up position (e.g. making a fixed-term position permanent)
      // once the existing one has ended before the new one starts.
      const holder = m.stellenNr ? stellen.get(m.stellenNr) : undefined;
      const followUp = holder?.ende !== undefined && m.beginn !== undefined && holder.ende < m.beginn;
      if (holder && !followUp && m.status !== 'beschlossen')
        f.emit('newNumberTaken', { m: m.nr, nr: m.stellenNr }, at('stellenNr'), opts);
      const spec = ctx.payLine(m.gruppe, m.stufe, 'gruppe');
      const lines: CostLine[] = [];
      if (spec && ctx.checkShare(m.anteil))
        lines.push({
          spec: { ...spec, share: m.anteil ?? new D(1) },
          sign: 1,
          label: `Neue Stelle ${spec.grade}`,
          labelEn: 'New position',
        });
      if (m.ende && years.includes(parts(m.ende).year))
        f.emit('measureFixedTerm', { m: m.nr, ende: m.ende }, at('ende'), opts);
      return { lines };
    },
    stellenplan({ m, p, add, change, dezernatOf, fte, label }) {
      if (p || !m.gruppe) return;
      const added: PlanPosition = {
        nr: m.stellenNr,
        dezernat: m.dezernat || dezernatOf(m.oe),
        oe: m.oe,
        gruppe: normalizeGrade(m.gruppe),
        beamte: isBeamteGrade(m.gruppe),
        anteil: m.anteil ?? new D(1),
        vermerke: m.ende ? [`kw ${formatDateDe(m.ende)}`] : [],
        vorjahr: ZERO,
        besetzt: ZERO,
      };
      add(added);
      change(
        added,
        added.anteil,
        `+${fte(added.anteil)} neue Stelle ${m.stellenNr} (${label} ${m.bezeichnung}${m.ende ? `, befristet bis ${formatDateDe(m.ende)}` : ''})`,
      );
    },
    resolution: (m, t) =>
      `Im Stellenplan wird ${t.from}${t.where ? ` in ${t.where}` : ''} eine ${m.ende ? 'befristete ' : ''}Stelle „${m.bezeichnung}“ (${m.gruppe ? t.grade(m.gruppe) : 'Gruppe offen'}, Stellenanteil ${t.share(m.anteil)}${m.ende ? `, befristet bis ${m.ende.split('-').reverse().join('.')}` : ''}) geschaffen.`,
    adoption: { addsPosition: true, givesUpPosition: false },
    comparePlanansatz: true,
  },
  'Stelle streichen': {
    cost(ctx) {
      const { m, f, at, opts } = ctx;
      const s = ctx.position();
      const spec = s && ctx.specOf(s);
      if (!s || !spec) return { lines: [] };
      // An occupied position saves money only from the day it falls vacant.
      const free = vacantPeriod(vacancyOf(s));
      if (!free) {
        f.emit('cutOccupied', { m: m.nr, nr: s.nr, title: s.bezeichnung }, at('stellenNr'), opts);
        return { lines: [] };
      }
      const period = intersect(spec.period, ctx.period, free);
      return {
        lines: [
          {
            spec: { ...spec, period },
            sign: -1,
            label: `Wegfall Stelle ${s.nr}`,
            labelEn: 'Position removed',
          },
        ],
        release: { position: s, fraction: new D(1), period },
      };
    },
    stellenplan({ m, p, position, yearStart, label, remove, change, fte }) {
      if (!p) return;
      // an occupied position leaves the plan when it falls vacant (the same date as its money)
      const gone = position ? goneFrom(position, m.beginn) : { day: m.beginn };
      const from = 'day' in gone ? gone.day : undefined;
      if ('never' in gone) p.vermerke.push(`kw (Zeitpunkt offen: besetzt, ${label})`);
      else if (from && from > yearStart) p.vermerke.push(`${kwNote(from)} (${label})`);
      else {
        remove(p);
        change(p, p.anteil.neg(), `−${fte(p.anteil)} Stelle ${p.nr} entfällt (${label})`);
      }
    },
    resolution: (m, t) => `Im Stellenplan entfällt ${t.pos} ${t.from}.`,
    adoption: { addsPosition: false, givesUpPosition: true },
    comparePlanansatz: true,
  },
  'Stellenanteil ändern': {
    cost(ctx) {
      const { m, f, at, opts } = ctx;
      const s = ctx.position();
      const spec = s && ctx.specOf(s);
      if (!m.anteil) f.emit('measureShareMissing', { m: m.nr }, at('anteil'), opts);
      if (!s || !spec || !m.anteil || !ctx.checkShare(m.anteil)) return { lines: [] };
      const period = intersect(spec.period, ctx.period);
      const down = m.anteil.lt(spec.share);
      return {
        lines: [
          {
            spec: { ...spec, share: m.anteil, period },
            sign: 1,
            label: `Neuer Anteil ${m.anteil.toString()}`,
            labelEn: 'New share',
          },
          {
            spec: { ...spec, period },
            sign: -1,
            label: `Bisheriger Anteil ${spec.share.toString()}`,
            labelEn: 'Old share',
          },
        ],
        // The holder works fewer hours: the released share needs no vacancy.
        release: down
          ? { position: s, fraction: spec.share.minus(m.anteil).div(spec.share), period }
          : undefined,
      };
    },
    stellenplan({ m, p, change, fte, signed, label }) {
      if (!p || !m.anteil) return;
      const delta = m.anteil.minus(p.anteil);
      p.anteil = m.anteil;
      change(p, delta, `${signed(delta)} Stellenanteil ${p.nr} auf ${fte(m.anteil)} (${label})`);
    },
    resolution: (m, t) =>
      `Der Stellenanteil für ${t.pos} wird ${t.from} auf ${m.anteil ? t.share(m.anteil) : '…'} geändert.`,
    adoption: { addsPosition: false, givesUpPosition: false },
    comparePlanansatz: true,
  },
  Höhergruppierung: {
    cost(ctx) {
      const { m } = ctx;
      const s = ctx.position();
      const old = s && ctx.specOf(s);
      const neu = ctx.payLine(m.gruppe, m.stufe ?? s?.stufe, 'gruppe');
      if (!s || !old || !neu) return { lines: [] };
      const period = intersect(old.period, ctx.period);
      return {
        lines: [
          {
            spec: { ...neu, share: old.share, period },
            sign: 1,
            label: `Neu ${neu.grade} Stufe ${neu.step}`,
            labelEn: 'New grade',
          },
          {
            spec: { ...old, period },
            sign: -1,
            label: `Bisher ${old.grade} Stufe ${old.step}`,
            labelEn: 'Old grade',
          },
        ],
      };
    },
    stellenplan({ m, p, position, change, label }) {
      if (!p || !m.gruppe) return;
      change(p, p.anteil.neg(), `Stelle ${p.nr} nach ${displayGrade(m.gruppe)} (${label})`);
      p.gruppe = normalizeGrade(m.gruppe);
      p.beamte = isBeamteGrade(m.gruppe);
      change(p, p.anteil, `Stelle ${p.nr} aus ${displayGrade(position?.gruppe ?? '')} (${label})`);
    },
    resolution: (m, t) =>
      `${capital(t.pos)} wird ${t.from} nach ${m.gruppe ? t.grade(m.gruppe) : '…'} höhergruppiert.`,
    adoption: { addsPosition: false, givesUpPosition: false },
    comparePlanansatz: true,
  },
  Umsetzung: {
    cost(ctx) {
      ctx.position();
      return { lines: [] };
    },
    stellenplan({ m, p, position, change, dezernatOf, label }) {
      if (!p) return;
      change(p, p.anteil.neg(), `Stelle ${p.nr} nach ${m.oe || m.dezernat} (${label})`);
      if (m.oe) p.oe = m.oe;
      p.dezernat = m.dezernat || dezernatOf(p.oe) || p.dezernat;
      change(p, p.anteil, `Stelle ${p.nr} aus ${position?.oe ?? ''} (${label})`);
    },
    resolution: (_m, t) =>
      `${capital(t.pos)} wird ${t.from}${t.where ? ` in ${t.where}` : ''} umgesetzt (kostenneutral).`,
    adoption: { addsPosition: false, givesUpPosition: false },
    comparePlanansatz: false,
  },
  Sachaufwand: {
    cost(ctx) {
      const { m, f, at, opts } = ctx;
      if (!m.planansatz) f.emit('measureAmountMissing', { m: m.nr }, at('planansatz'), opts);
      if (m.haushaltsstelle && m.planansatz?.lt(0) && ctx.isProtected(m.haushaltsstelle))
        f.emit('protectedReduced', { m: m.nr, hst: m.haushaltsstelle }, at('haushaltsstelle'), opts);
      return { lines: [], fixed: m.planansatz || undefined };
    },
    stellenplan() {},
    resolution: (m, t) =>
      `Für „${m.bezeichnung}“ werden ${t.from} ${m.planansatz ? t.euro(m.planansatz) : '…'} je Jahr bereitgestellt.`,
    adoption: { addsPosition: false, givesUpPosition: false },
    comparePlanansatz: false,
  },
};
