import { displayGrade, normalizeGrade } from './grades';
import { ZERO, sum, type Dec } from './money';
import type { Massnahme, WorkbookModel } from './model';
import { ENTGELT_ORDER, LAUFBAHN_ORDER, entgeltordnung, gradeOrder, laufbahngruppe } from './grade-groups';
import { tablePositions, type PlanPosition, type Teil } from './plan-year';

/**
 * The Nachtragsstellenplan: the plan year as the Stellen table states it now against the adopted
 * (beschlossene) Stellenplan, in the legal form (Teil A Beamte by Laufbahngruppe, Teil B Beschäftigte by
 * Entgeltordnung, per Besoldungs-/Entgeltgruppe), only the lines that changed: bisher / neu / Veränderung
 * and changed Vermerke, each change with the measure that caused it. `adopt` writes a measure into the
 * Stellen table (new position, kw notes on the cover), so after an adoption exactly that shows here.
 */

export interface NachtragCause {
  /** Measure number and title, when a measure names the position (as its own or as cover). */
  massnahme?: string;
  bezeichnung?: string;
  text: string;
}

export interface NachtragLine {
  gruppe: string;
  bisher: Dec;
  neu: Dec;
  veraenderung: Dec;
  vermerkeBisher: string[];
  vermerkeNeu: string[];
  causes: NachtragCause[];
}

export interface NachtragGroup {
  name: string;
  /** Totals of the whole group (all its positions), the changed lines below. */
  bisher: Dec;
  neu: Dec;
  veraenderung: Dec;
  lines: NachtragLine[];
}

export interface NachtragTeil {
  teil: Teil;
  title: string;
  bisher: Dec;
  neu: Dec;
  veraenderung: Dec;
  groups: NachtragGroup[];
}

export interface Nachtrag {
  year: number;
  teile: NachtragTeil[];
  bisher: Dec;
  neu: Dec;
  veraenderung: Dec;
  /** True when nothing changed: the paper says so instead of printing an empty form. */
  unchanged: boolean;
}

const fte = (d: Dec) => d.toFixed(3).replace('.', ',');

/** The measure that explains a change of position `nr`: its own measure first, then one that uses it as cover. */
function causeOf(
  neu: WorkbookModel,
  bisher: WorkbookModel,
  nr: string,
): Pick<NachtragCause, 'massnahme' | 'bezeichnung'> {
  const wasAdopted = (m: Massnahme) =>
    bisher.massnahmen.some((b) => b.nr === m.nr && b.status === 'beschlossen');
  const rank = (m: Massnahme) => (m.status === 'beschlossen' ? (wasAdopted(m) ? 1 : 0) : 2);
  const own = neu.massnahmen.filter((m) => m.stellenNr === nr);
  const cover = neu.deckung
    .filter((d) => d.stellenNr === nr)
    .map((d) => neu.massnahmen.find((m) => m.nr === d.massnahmeNr))
    .filter((m): m is Massnahme => m !== undefined);
  const m = [...own, ...cover].sort((a, b) => rank(a) - rank(b))[0];
  return m ? { massnahme: m.nr, bezeichnung: m.bezeichnung } : {};
}

function describeChange(before: PlanPosition | undefined, after: PlanPosition | undefined): string[] {
  const nr = (after ?? before)!.nr;
  if (!before)
    return [`Stelle ${nr} neu (${fte(after!.anteil)} ${displayGrade(after!.gruppe)}, ${after!.oe})`];
  if (!after) return [`Stelle ${nr} entfällt (${fte(before.anteil)} ${displayGrade(before.gruppe)})`];
  const out: string[] = [];
  if (before.gruppe !== after.gruppe)
    out.push(`Stelle ${nr} von ${displayGrade(before.gruppe)} nach ${displayGrade(after.gruppe)}`);
  if (!before.anteil.eq(after.anteil))
    out.push(`Stelle ${nr} Stellenanteil ${fte(before.anteil)} → ${fte(after.anteil)}`);
  if (before.oe !== after.oe || before.dezernat !== after.dezernat)
    out.push(`Stelle ${nr} von ${before.oe} nach ${after.oe}`);
  const vb = before.vermerke.join('; ');
  const va = after.vermerke.join('; ');
  if (vb !== va)
    out.push(
      !vb
        ? `Stelle ${nr} neuer Vermerk ${va}`
        : !va
          ? `Stelle ${nr} Vermerk ${vb} entfällt`
          : `Stelle ${nr} Vermerk ${vb} → ${va}`,
    );
  return out;
}

export function nachtrag(neu: WorkbookModel, bisher: WorkbookModel, year: number): Nachtrag {
  const now = tablePositions(neu.stellen, year).positions;
  const before = tablePositions(bisher.stellen, year).positions;
  const key = (p: PlanPosition) => normalizeGrade(p.gruppe);
  // every position in either plan, counted trainees excluded as in the legal Stellenplan
  const all = [...new Set([...before.keys(), ...now.keys()])]
    .map((nr) => ({ nr, before: before.get(nr), after: now.get(nr) }))
    .filter(({ before: b, after: a }) => !(b ?? a)!.nachwuchs);
  const teile: NachtragTeil[] = (['A', 'B'] as const).map((teil) => {
    const beamte = teil === 'A';
    const classify = beamte ? laufbahngruppe : entgeltordnung;
    const inTeil = (p?: PlanPosition) => p !== undefined && p.beamte === beamte;
    const order = beamte ? LAUFBAHN_ORDER : ENTGELT_ORDER;
    const groupNames = [
      ...new Set(
        all.flatMap(({ before: b, after: a }) => [b, a].filter(inTeil).map((p) => classify(p!.gruppe))),
      ),
    ].sort((x, y) => order.indexOf(x) - order.indexOf(y));
    const groups = groupNames.map((name): NachtragGroup => {
      const inGroup = (p?: PlanPosition) => inTeil(p) && classify(p!.gruppe) === name;
      const lines = new Map<string, NachtragLine>();
      const line = (g: string) => {
        let l = lines.get(g);
        if (!l)
          lines.set(
            g,
            (l = {
              gruppe: displayGrade(g),
              bisher: ZERO,
              neu: ZERO,
              veraenderung: ZERO,
              vermerkeBisher: [],
              vermerkeNeu: [],
              causes: [],
            }),
          );
        return l;
      };
      for (const { nr, before: b, after: a } of all) {
        const changes = describeChange(b, a);
        if (inGroup(b)) {
          const l = line(key(b!));
          l.bisher = l.bisher.plus(b!.anteil);
          l.vermerkeBisher.push(...b!.vermerke.map((v) => `${nr} ${v}`));
        }
        if (inGroup(a)) {
          const l = line(key(a!));
          l.neu = l.neu.plus(a!.anteil);
          l.vermerkeNeu.push(...a!.vermerke.map((v) => `${nr} ${v}`));
        }
        if (changes.length === 0) continue;
        const cause = causeOf(neu, bisher, nr);
        const touched = new Set([b, a].filter(inGroup).map((p) => key(p!)));
        for (const g of touched) for (const text of changes) line(g).causes.push({ ...cause, text });
      }
      const every = [...lines.values()];
      for (const l of every) l.veraenderung = l.neu.minus(l.bisher);
      const changed = every
        .filter((l) => l.causes.length > 0)
        .sort((x, y) => gradeOrder(y.gruppe) - gradeOrder(x.gruppe));
      const bisherSum = sum(every.map((l) => l.bisher));
      const neuSum = sum(every.map((l) => l.neu));
      return { name, bisher: bisherSum, neu: neuSum, veraenderung: neuSum.minus(bisherSum), lines: changed };
    });
    const shown = groups.filter((g) => g.lines.length > 0);
    const b = sum(groups.map((g) => g.bisher));
    const n = sum(groups.map((g) => g.neu));
    return {
      teil,
      title: beamte ? 'Teil A: Beamtinnen und Beamte' : 'Teil B: Beschäftigte',
      bisher: b,
      neu: n,
      veraenderung: n.minus(b),
      groups: shown,
    };
  });
  const b = sum(teile.map((t) => t.bisher));
  const n = sum(teile.map((t) => t.neu));
  return {
    year,
    teile,
    bisher: b,
    neu: n,
    veraenderung: n.minus(b),
    unchanged: teile.every((t) => t.groups.length === 0),
  };
}
