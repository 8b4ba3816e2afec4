import { D, type Dec } from './money';
import { intersect, parts, type Period } from './dates';
import { isBeamteGrade } from './grades';
import { vacancyOf, vacantPeriod } from './vacancy';
import type { Findings } from './catalogue';
import type { LineSpec } from './cost';
import type { Massnahme, MassnahmeArt, SourceRef, Stelle } from './model';

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

/** A row of the Stellenplan paper while measures are applied to it. */
export interface PlanRow {
  nr: string;
  dezernat: string;
  oe: string;
  gruppe: string;
  anteil: Dec;
  vermerk: string;
  vorjahr?: Dec;
  besetzt306?: Dec;
  beamte: boolean;
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
  /** Applies the measure to the plan rows of a year (`position`: the existing position it names). */
  stellenplan: (rows: Map<string, PlanRow>, m: Massnahme, at: { year: number; position?: Stelle }) => void;
  resolution: (m: Massnahme, t: ResolutionText) => string;
  /** What `adopt` writes besides status and budget: a new position row. */
  adoption: { addsPosition: boolean };
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
    stellenplan(rows, m) {
      if (!rows.has(m.stellenNr) && m.gruppe)
        rows.set(m.stellenNr, {
          nr: m.stellenNr,
          dezernat: m.dezernat ?? '',
          oe: m.oe,
          gruppe: m.gruppe,
          anteil: m.anteil ?? new D(1),
          vermerk: m.ende ? `kw ${m.ende.split('-').reverse().join('.')}` : '',
          beamte: isBeamteGrade(m.gruppe),
        });
    },
    resolution: (m, t) =>
      `Im Stellenplan wird ${t.from}${t.where ? ` in ${t.where}` : ''} eine ${m.ende ? 'befristete ' : ''}Stelle „${m.bezeichnung}“ (${m.gruppe ? t.grade(m.gruppe) : 'Gruppe offen'}, Stellenanteil ${t.share(m.anteil)}${m.ende ? `, befristet bis ${m.ende.split('-').reverse().join('.')}` : ''}) geschaffen.`,
    adoption: { addsPosition: true },
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
    stellenplan(rows, m, at) {
      // an occupied position leaves the plan only in the year it falls vacant (the same date as its money)
      const v = at.position ? vacancyOf(at.position) : { kind: 'vacant' as const };
      if (v.kind === 'never' || (v.kind === 'from' && v.date > `${at.year}-12-31`)) return;
      rows.delete(m.stellenNr);
    },
    resolution: (m, t) => `Im Stellenplan entfällt ${t.pos} ${t.from}.`,
    adoption: { addsPosition: false },
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
    stellenplan(rows, m) {
      const row = rows.get(m.stellenNr);
      if (row && m.anteil) row.anteil = m.anteil;
    },
    resolution: (m, t) =>
      `Der Stellenanteil für ${t.pos} wird ${t.from} auf ${m.anteil ? t.share(m.anteil) : '…'} geändert.`,
    adoption: { addsPosition: false },
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
    stellenplan(rows, m) {
      const row = rows.get(m.stellenNr);
      if (row && m.gruppe) {
        row.gruppe = m.gruppe;
        row.beamte = isBeamteGrade(m.gruppe);
      }
    },
    resolution: (m, t) =>
      `${capital(t.pos)} wird ${t.from} nach ${m.gruppe ? t.grade(m.gruppe) : '…'} höhergruppiert.`,
    adoption: { addsPosition: false },
    comparePlanansatz: true,
  },
  Umsetzung: {
    cost(ctx) {
      ctx.position();
      return { lines: [] };
    },
    stellenplan(rows, m) {
      const row = rows.get(m.stellenNr);
      if (row) {
        if (m.oe) row.oe = m.oe;
        if (m.dezernat) row.dezernat = m.dezernat;
      }
    },
    resolution: (_m, t) =>
      `${capital(t.pos)} wird ${t.from}${t.where ? ` in ${t.where}` : ''} umgesetzt (kostenneutral).`,
    adoption: { addsPosition: false },
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
    adoption: { addsPosition: false },
    comparePlanansatz: false,
  },
};
