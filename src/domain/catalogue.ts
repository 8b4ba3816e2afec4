import { fmt } from './messages';
import type { Finding, FindingCode, Severity } from './findings';
import type { Dec } from './money';
import type { SourceRef } from './model';

/**
 * The findings catalogue: every finding the engine emits, by key, with its code, its severity and its
 * German and English text built from parameters. Checks name a key and pass values; the wording lives
 * here, once, so that a council reads the same sentence for the same rule wherever it is found.
 */
/** One catalogue entry: code, severity and the German and English text from its parameters. */
export interface Entry<P> {
  code: FindingCode;
  severity: Severity;
  de: (p: P) => string;
  en: (p: P) => string;
}

export const entry = <P>(
  code: FindingCode,
  severity: Severity,
  de: (p: P) => string,
  en: (p: P) => string,
): Entry<P> => ({ code, severity, de, en });

type Nr = { nr: string };
type M = { m: string };
type Scen = { scenario?: string };
const inScenario = (s?: string) => (s ? ` (Szenario ${s})` : '');

export const CATALOGUE = {
  // ---- input checks (Stellen, Planansätze, Maßnahmen, Deckung)
  positionDuplicate: entry<Nr>(
    'DUPLICATE_ID',
    'error',
    (p) => `Die Stellen-Nr. „${p.nr}“ kommt mehrfach vor.`,
    (p) => `Position number "${p.nr}" occurs more than once.`,
  ),
  positionEndBeforeStart: entry<Nr & { beginn?: string; ende?: string }>(
    'INVALID_VALUE',
    'error',
    (p) => `Stelle ${p.nr}: das Ende (${fmt.date(p.ende)}) liegt vor dem Beginn (${fmt.date(p.beginn)}).`,
    (p) => `Position ${p.nr}: end date before start date.`,
  ),
  positionEnds: entry<Nr & { title: string; ende: string }>(
    'FIXED_TERM_REVIEW',
    'info',
    (p) =>
      `Die Stelle ${p.nr} (${p.title}) endet am ${fmt.date(p.ende)}: rechtzeitig über Verlängerung oder Wegfall entscheiden.`,
    (p) => `Position ${p.nr} ends on ${fmt.date(p.ende)}: decide in time whether it continues.`,
  ),
  positionShare: entry<Nr & { share: string }>(
    'INVALID_VALUE',
    'error',
    (p) => `Stelle ${p.nr}: der Stellenanteil ${p.share} liegt nicht zwischen 0 und 1.`,
    (p) => `Position ${p.nr}: FTE share must be between 0 and 1.`,
  ),
  paygradeGrade: entry<{ who: string; whoEn: string; grade: string; step: number; beamte: boolean }>(
    'PAYGRADE_UNKNOWN',
    'error',
    (p) =>
      `${p.who}: die ${p.beamte ? 'Besoldungsgruppe' : 'Entgeltgruppe'} „${p.grade}“ steht nicht in der ${p.beamte ? 'Besoldungstabelle' : 'Entgelttabelle'}.`,
    (p) =>
      `${p.whoEn}: pay grade ${p.grade} step ${p.step} is not in the ${p.beamte ? 'Besoldungstabelle' : 'Entgelttabelle'}.`,
  ),
  paygradeStep: entry<{ who: string; whoEn: string; grade: string; step: number; beamte: boolean }>(
    'PAYGRADE_UNKNOWN',
    'error',
    (p) =>
      `${p.who}: ${p.grade} Stufe ${p.step} steht nicht in der ${p.beamte ? 'Besoldungstabelle' : 'Entgelttabelle'}.`,
    (p) =>
      `${p.whoEn}: pay grade ${p.grade} step ${p.step} is not in the ${p.beamte ? 'Besoldungstabelle' : 'Entgelttabelle'}.`,
  ),
  lineDuplicate: entry<{ hst: string; year: number }>(
    'DUPLICATE_ID',
    'error',
    (p) => `Der Planansatz ${p.hst} für ${p.year} steht mehrfach in den Planansätzen.`,
    (p) => `Budget line ${p.hst} for ${p.year} occurs more than once.`,
  ),
  measureDuplicate: entry<Nr>(
    'DUPLICATE_ID',
    'error',
    (p) => `Die Maßnahme-Nr. „${p.nr}“ kommt mehrfach vor.`,
    (p) => `Measure number "${p.nr}" occurs more than once.`,
  ),
  prerequisiteUnknown: entry<M & { pre: string }>(
    'MEASURE_UNKNOWN',
    'error',
    (p) => `Maßnahme ${p.m}: die Voraussetzung „${p.pre}“ gibt es in den Maßnahmen nicht.`,
    (p) => `Measure ${p.m}: prerequisite "${p.pre}" does not exist.`,
  ),
  prerequisiteRejected: entry<M & { pre: string }>(
    'DEPENDENCY_ORDER',
    'warning',
    (p) => `Maßnahme ${p.m} setzt ${p.pre} voraus, die abgelehnt ist.`,
    (p) => `Measure ${p.m} depends on ${p.pre}, which was rejected.`,
  ),
  prerequisiteLater: entry<M & { pre: string; beginn?: string; preBeginn?: string }>(
    'DEPENDENCY_ORDER',
    'warning',
    (p) =>
      `Maßnahme ${p.m} soll am ${fmt.date(p.beginn)} wirksam werden, ihre Voraussetzung ${p.pre} erst am ${fmt.date(p.preBeginn)}.`,
    (p) => `Measure ${p.m} starts before its prerequisite ${p.pre}.`,
  ),
  coverMeasureUnknown: entry<M>(
    'MEASURE_UNKNOWN',
    'error',
    (p) => `Die Deckungszeile nennt die Maßnahme „${p.m}“, die es in den Maßnahmen nicht gibt.`,
    (p) => `The cover row names measure "${p.m}", which does not exist.`,
  ),

  // ---- measures
  measureEndBeforeStart: entry<M>(
    'INVALID_VALUE',
    'error',
    (p) => `Maßnahme ${p.m}: das Ende liegt vor dem Beginn.`,
    (p) => `Measure ${p.m}: end before start.`,
  ),
  measurePositionUnknown: entry<M & { art: string; nr: string }>(
    'POSITION_UNKNOWN',
    'error',
    (p) =>
      p.nr
        ? `Maßnahme ${p.m} (${p.art}): die Stelle „${p.nr}“ gibt es im Stellenplan nicht.`
        : `Maßnahme ${p.m} (${p.art}): es fehlt die Stellen-Nr. der betroffenen Stelle.`,
    (p) => `Measure ${p.m}: position "${p.nr}" does not exist.`,
  ),
  measureGradeMissing: entry<M & { art: string }>(
    'INVALID_VALUE',
    'error',
    (p) => `Maßnahme ${p.m} (${p.art}): Entgeltgruppe und Stufe müssen angegeben sein.`,
    (p) => `Measure ${p.m}: pay grade and step are required.`,
  ),
  measureShare: entry<M>(
    'INVALID_VALUE',
    'error',
    (p) => `Maßnahme ${p.m}: der Stellenanteil muss zwischen 0 und 1 liegen.`,
    (p) => `Measure ${p.m}: FTE share must be between 0 and 1.`,
  ),
  measureShareMissing: entry<M>(
    'INVALID_VALUE',
    'error',
    (p) => `Maßnahme ${p.m}: der neue Stellenanteil fehlt.`,
    (p) => `Measure ${p.m}: new FTE share missing.`,
  ),
  measureAmountMissing: entry<M>(
    'INVALID_VALUE',
    'error',
    (p) => `Maßnahme ${p.m} (Sachaufwand): der Planansatz fehlt.`,
    (p) => `Measure ${p.m}: amount missing.`,
  ),
  termOpen: entry<M & { title: string }>(
    'TERM_OPEN',
    'info',
    (p) => `Maßnahme ${p.m} (${p.title}): Termin offen – nicht datiert und gesondert ausgewiesen.`,
    (p) => `Measure ${p.m}: date not fixed yet – shown separately, not dated.`,
  ),
  newNumberTaken: entry<M & { nr: string }>(
    'DUPLICATE_ID',
    'error',
    (p) =>
      `Maßnahme ${p.m}: die neue Stelle soll die Nr. „${p.nr}“ bekommen, die im Stellenplan schon vergeben ist.`,
    (p) => `Measure ${p.m}: new position number "${p.nr}" is already in use.`,
  ),
  measureFixedTerm: entry<M & { ende: string }>(
    'FIXED_TERM_REVIEW',
    'info',
    (p) =>
      `Maßnahme ${p.m}: die befristete Stelle endet am ${fmt.date(p.ende)} – der Beschluss über eine Entfristung ist bis dahin fällig.`,
    (p) =>
      `Measure ${p.m}: the fixed-term position ends on ${fmt.date(p.ende)} – a decision on making it permanent is due.`,
  ),
  protectedReduced: entry<M & { hst: string }>(
    'PROTECTED_REDUCED',
    'error',
    (p) => `Maßnahme ${p.m} kürzt den geschützten Planansatz ${p.hst}.`,
    (p) => `Measure ${p.m} reduces the protected budget line ${p.hst}.`,
  ),
  cutOccupied: entry<M & { nr: string; title: string }>(
    'COVER_OCCUPIED',
    'error',
    (p) =>
      `Maßnahme ${p.m} (Stelle streichen): die Stelle ${p.nr} (${p.title}) ist besetzt und hat weder „Frei ab“ noch ein Datum im kw-Vermerk – die Streichung spart deshalb nichts. Tragen Sie ein, wann die Stelle frei wird.`,
    (p) =>
      `Measure ${p.m} (remove position): position ${p.nr} is occupied and has neither "Frei ab" nor a date in its kw note, so removing it saves nothing.`,
  ),
  coverMissing: entry<M & { title: string; costs: string }>(
    'COVER_MISSING',
    'error',
    (p) => `Maßnahme ${p.m} (${p.title}) kostet ${p.costs}, hat aber keinen Deckungsvorschlag.`,
    (p) => `Measure ${p.m} costs money but has no cover proposal.`,
  ),
  coverShortfall: entry<M & { title: string; short: { year: number; amount: Dec }[] }>(
    'COVER_SHORTFALL',
    'error',
    (p) =>
      `Maßnahme ${p.m} (${p.title}) ist nicht voll gedeckt: ${p.short.map((y) => `${y.year} fehlen ${fmt.euro(y.amount)}`).join(', ')}.`,
    (p) =>
      `Measure ${p.m} is not fully covered: ${p.short.map((y) => `${y.year} short by ${y.amount.toFixed(2)} €`).join(', ')}.`,
  ),
  coverPeriod: entry<M & { name: string; end: string; measureEnd?: string; years: number[] }>(
    'COVER_PERIOD',
    'warning',
    (p) =>
      `Die Deckung „${p.name}“ endet am ${fmt.date(p.end)}, die Maßnahme ${p.m} läuft ${p.measureEnd ? `bis ${fmt.date(p.measureEnd)}` : 'unbefristet'}: ${p.years.length ? `${fmt.years(p.years)} ohne diese Deckung` : 'danach ohne diese Deckung'}.`,
    (p) =>
      `Cover "${p.name}" ends on ${fmt.date(p.end)} before measure ${p.m} ends: ${p.years.length ? fmt.years(p.years) : 'the rest'} not covered by it.`,
  ),
  planansatzMismatch: entry<M & { stated: Dec; annual: Dec; year: number; tolerance: string }>(
    'PLANANSATZ_MISMATCH',
    'warning',
    (p) =>
      `Maßnahme ${p.m}: der genannte Planansatz ${fmt.euro(p.stated)} weicht von den berechneten Jahreskosten ${fmt.euro(p.annual)} (${p.year}) um mehr als ${p.tolerance} % ab.`,
    (p) =>
      `Measure ${p.m}: stated amount ${p.stated.toFixed(2)} differs from computed annual cost ${p.annual.toFixed(2)} by more than the tolerance.`,
  ),

  // ---- cover rows
  coverProtected: entry<M & { hst: string }>(
    'COVER_PROTECTED',
    'error',
    (p) => `Der Planansatz ${p.hst} ist geschützt und darf nie als Deckung dienen (Maßnahme ${p.m}).`,
    (p) => `Budget line ${p.hst} is protected and can never serve as cover (measure ${p.m}).`,
  ),
  coverInadmissible: entry<
    M & { name: string; rule: string; message: string; messageEn: string; source: string }
  >(
    'COVER_INADMISSIBLE',
    'error',
    (p) =>
      `Deckung „${p.name}“ für Maßnahme ${p.m} ist nicht zulässig: ${p.message} (Regel ${p.rule}; ${p.source}).`,
    (p) => `Cover "${p.name}" for measure ${p.m} is not admissible: ${p.messageEn} (rule ${p.rule}).`,
  ),
  coverQuestionable: entry<
    M & { name: string; rule: string; message: string; messageEn: string; source: string }
  >(
    'COVER_INADMISSIBLE',
    'warning',
    (p) => `Deckung „${p.name}“ für Maßnahme ${p.m} prüfen: ${p.message} (Regel ${p.rule}; ${p.source}).`,
    (p) => `Check cover "${p.name}" for measure ${p.m}: ${p.messageEn} (rule ${p.rule}).`,
  ),
  selfCover: entry<M & { art: string; nr: string }>(
    'COVER_INADMISSIBLE',
    'error',
    (p) =>
      `Maßnahme ${p.m} (${p.art}) soll aus der Stelle ${p.nr} gedeckt werden, die sie selbst ändert – eine Stelle kann nicht ihre eigene Änderung bezahlen.`,
    (p) => `Measure ${p.m} (${p.art}) is covered by position ${p.nr}, the very position it changes.`,
  ),
  coverPositionUnknown: entry<M & { art: string; nr: string }>(
    'POSITION_UNKNOWN',
    'error',
    (p) =>
      p.nr
        ? `Deckung für Maßnahme ${p.m}: die Stelle „${p.nr}“ gibt es im Stellenplan nicht.`
        : `Deckung für Maßnahme ${p.m} (${p.art}): die Stellen-Nr. fehlt.`,
    (p) => `Cover for measure ${p.m}: position "${p.nr}" does not exist.`,
  ),
  coverNeedsUnoccupied: entry<M & { art: string; nr: string; title: string }>(
    'COVER_OCCUPIED',
    'error',
    (p) =>
      `${p.art} setzt eine freie Stelle voraus, die Stelle ${p.nr} (${p.title}) ist aber besetzt (Maßnahme ${p.m}).`,
    (p) => `${p.art} needs a vacant position, but position ${p.nr} is occupied (measure ${p.m}).`,
  ),
  coverOccupiedNoDate: entry<M & { nr: string; title: string; note: string }>(
    'COVER_OCCUPIED',
    'error',
    (p) =>
      `Die Stelle ${p.nr} (${p.title}) ist besetzt und wird nie frei: ${p.note ? `der Vermerk „${p.note}“ nennt kein Datum` : 'kein kw-Vermerk mit Datum'} und „Frei ab“ ist leer. Sie gibt deshalb kein Geld frei (Maßnahme ${p.m}).`,
    (p) =>
      `Position ${p.nr} is occupied and never falls vacant (no date in a kw note, no "Frei ab"): it releases nothing (measure ${p.m}).`,
  ),
  coverUnfunded: entry<M & { nr: string; hst: string; years: number[] }>(
    'COVER_UNFUNDED',
    'error',
    (p) =>
      p.hst
        ? `Die Stelle ${p.nr} ist im Haushalt nicht finanziert: ihre Haushaltsstelle ${p.hst} hat ${fmt.years(p.years)} keinen Planansatz (Blatt Planansätze) – wer auf sie verzichtet, spart kein Geld (Maßnahme ${p.m}).`
        : `Die Stelle ${p.nr} ist keiner Haushaltsstelle zugeordnet und damit nicht finanziert – wer auf sie verzichtet, spart kein Geld (Maßnahme ${p.m}).`,
    (p) =>
      p.hst
        ? `Position ${p.nr} is not funded: its budget line ${p.hst} has no amount in ${fmt.years(p.years)}, so giving it up saves nothing (measure ${p.m}).`
        : `Position ${p.nr} has no budget line and is not funded, so giving it up saves nothing (measure ${p.m}).`,
  ),
  coverCapped: entry<M & { nr: string; hst: string; years: { year: number; room: Dec }[] }>(
    'COVER_UNFUNDED',
    'warning',
    (p) =>
      `Die Haushaltsstelle ${p.hst} hält für die Stelle ${p.nr} nur ${p.years.map((y) => `${y.year}: ${fmt.euro(y.room)}`).join(', ')} bereit (Ansatz abzüglich der übrigen Stellen); mehr gibt die Deckung nicht frei (Maßnahme ${p.m}).`,
    (p) =>
      `Budget line ${p.hst} holds only ${p.years.map((y) => `${y.year}: ${y.room.toFixed(2)}`).join(', ')} for position ${p.nr}; the cover releases no more (measure ${p.m}).`,
  ),
  betragAbovePosition: entry<M & { nr: string; years: { year: number; has: Dec; asked: Dec }[] }>(
    'COVER_OVERUSED',
    'error',
    (p) =>
      `Die Stelle ${p.nr} kostet ${p.years.map((y) => `${y.year} nur ${fmt.euro(y.has)}`).join(', ')}, als Deckung werden aber ${p.years.map((y) => fmt.euro(y.asked)).join(' / ')} beansprucht; mehr als ihre Kosten gibt sie nicht frei (Maßnahme ${p.m}).`,
    (p) =>
      `Position ${p.nr} costs only ${p.years.map((y) => `${y.has.toFixed(2)} in ${y.year}`).join(', ')}, but more is claimed as cover; it releases no more than its cost (measure ${p.m}).`,
  ),
  coverAmountMissing: entry<M & { art: string }>(
    'INVALID_VALUE',
    'error',
    (p) =>
      p.art === 'Förderung'
        ? `Deckung für Maßnahme ${p.m} (Förderung): Betrag oder Quote fehlt.`
        : `Deckung für Maßnahme ${p.m} (${p.art}): der Betrag fehlt.`,
    (p) => `Cover for measure ${p.m} (${p.art}): amount missing.`,
  ),
  coverLineUnknown: entry<M & { hst: string; art: string }>(
    'BUDGET_LINE_UNKNOWN',
    'error',
    (p) =>
      p.hst
        ? `Deckung für Maßnahme ${p.m}: die Haushaltsstelle „${p.hst}“ steht nicht in den Planansätzen.`
        : `Deckung für Maßnahme ${p.m} (${p.art}): die Haushaltsstelle fehlt.`,
    (p) => `Cover for measure ${p.m}: budget line "${p.hst}" is not in the budget.`,
  ),

  // ---- budget lines
  budgetShortfall: entry<{ hst: string; title: string; year: number; ansatz: Dec; cost: Dec; gap: Dec }>(
    'BUDGET_SHORTFALL',
    'error',
    (p) =>
      `Der Planansatz ${p.hst}${p.title ? ` (${p.title})` : ''} beträgt ${p.year} ${fmt.euro(p.ansatz)}, die ihm zugeordneten Stellen kosten ${fmt.euro(p.cost)}: es fehlen ${fmt.euro(p.gap)}.`,
    (p) =>
      `Budget line ${p.hst} provides ${p.ansatz.toFixed(2)} in ${p.year}, but its positions cost ${p.cost.toFixed(2)}: ${p.gap.toFixed(2)} short.`,
  ),

  // ---- the ledger (judged per scenario)
  overusedPosition: entry<M & Scen & { nr: string; first: string; firstEn: string; years: number[] }>(
    'COVER_OVERUSED',
    'error',
    (p) =>
      `Die Stelle ${p.nr} ist ${fmt.years(p.years)} schon vergeben: ${p.first}. Ein zweites Mal gibt sie kein Geld her (Maßnahme ${p.m})${inScenario(p.scenario)}.`,
    (p) =>
      `Position ${p.nr} is already used in ${fmt.years(p.years)}: ${p.firstEn}. It releases nothing a second time (measure ${p.m}).`,
  ),
  overusedLine: entry<
    M &
      Scen & {
        hst: string;
        years: { year: number; capacity: Dec; used: Dec }[];
        first: string;
        firstEn: string;
      }
  >(
    'COVER_OVERUSED',
    'error',
    (p) =>
      `Die Haushaltsstelle ${p.hst} ist schon vergeben (zuerst: ${p.first}): ${p.years.map((y) => `${y.year} Ansatz ${fmt.euro(y.capacity)}, davon vergeben ${fmt.euro(y.used)}`).join('; ')}. Diese Deckung zählt ${fmt.years(p.years.map((y) => y.year))} nicht (Maßnahme ${p.m})${inScenario(p.scenario)}.`,
    (p) =>
      `Budget line ${p.hst} is already used (first: ${p.firstEn}): ${p.years.map((y) => `${y.year} ${y.capacity.toFixed(2)}, used ${y.used.toFixed(2)}`).join('; ')}. This cover counts nothing in ${fmt.years(p.years.map((y) => y.year))} (measure ${p.m}).`,
  ),
  lineWithoutAnsatz: entry<M & Scen & { hst: string; year: number; amount: Dec }>(
    'COVER_OVERUSED',
    'error',
    (p) =>
      `Die Haushaltsstelle ${p.hst} hat für ${p.year} keinen Planansatz, als Deckung werden aber ${fmt.euro(p.amount)} beansprucht${inScenario(p.scenario)}.`,
    (p) =>
      `Budget line ${p.hst} has no amount for ${p.year}, but ${p.amount.toFixed(2)} is claimed as cover.`,
  ),
} as const;

export type CatalogueKey = keyof typeof CATALOGUE;
type ParamsOf<K extends CatalogueKey> = (typeof CATALOGUE)[K] extends Entry<infer P> ? P : never;

/** Collects findings by catalogue key; the severity may be overridden where a rule carries its own. */
export class Findings {
  readonly list: Finding[] = [];
  emit<K extends CatalogueKey>(
    key: K,
    params: ParamsOf<K>,
    ref?: SourceRef,
    extra: { measure?: string; scenario?: string; severity?: Severity } = {},
  ): void {
    const e = CATALOGUE[key] as unknown as Entry<ParamsOf<K>>;
    const { severity, ...rest } = extra;
    this.list.push({
      code: e.code,
      severity: severity ?? e.severity,
      message: e.de(params),
      messageEn: e.en(params),
      ref,
      ...rest,
    });
  }
}
