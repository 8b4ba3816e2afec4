import type { Severity } from './findings';
import type {
  Deckung,
  DeckungArt,
  MassnahmeArt,
  Planansatz,
  PlanansatzArt,
  Stelle,
  Dienstverhaeltnis,
} from './model';

/**
 * Which cover is legally admissible (COVER_INADMISSIBLE). The rules are data, each with its legal source,
 * so that a town can switch one off or add keywords to match its own Haushaltssatzung and
 * Geschäftsordnung. A rule matches when every condition it states holds; unstated conditions match all.
 */
export interface CoverRule {
  id: string;
  enabled: boolean;
  /** error: the cover counts nothing; warning/info: it counts, and the committee is told what to check. */
  severity: Severity;
  /** Cover kinds the rule applies to. */
  deckungArten?: readonly DeckungArt[];
  /** Measure kinds the rule applies to. */
  massnahmeArten?: readonly MassnahmeArt[];
  /** The Art of the budget line named in the cover row. */
  lineArten?: readonly PlanansatzArt[];
  /** Case-insensitive keywords in the budget line's Bezeichnung (or the cover row's Quelle). */
  keywords?: readonly string[];
  /** Dienstverhältnis of the position the cover comes from … */
  sourceDienstverhaeltnis?: Dienstverhaeltnis;
  /** … and of the position the measure creates or changes. */
  targetDienstverhaeltnis?: Dienstverhaeltnis;
  message: string;
  messageEn: string;
  source: string;
}

/** Measures that create ordinary personnel cost (Personalaufwand). */
const PERSONNEL: readonly MassnahmeArt[] = ['Neue Stelle', 'Höhergruppierung', 'Stellenanteil ändern'];

export const DEFAULT_COVER_RULES: readonly CoverRule[] = [
  {
    id: 'investition-fuer-aufwand',
    enabled: true,
    severity: 'error',
    deckungArten: ['Minderaufwand', 'Mehrertrag'],
    massnahmeArten: [...PERSONNEL, 'Sachaufwand'],
    lineArten: ['Investition'],
    message: 'Investitionsmittel dürfen keine ordentlichen Aufwendungen (Personal- oder Sachaufwand) decken',
    messageEn: 'investment funds cannot cover ordinary expenses (personnel or running costs)',
    source:
      'Deckungsgrundsätze: getrennte Gesamtdeckung von Ergebnis- und Finanzhaushalt (kommunalbrevier.de, Haushaltskreislauf, 3. Deckungsgrundsätze)',
  },
  {
    id: 'allgemeine-deckungsmittel',
    enabled: true,
    // A warning, not an error: a motion on the draft budget may be covered by general revenue (e.g. a
    // higher Grundsteuer B rate) if that decision is taken with it; the ban on "unechte
    // Deckungsfähigkeit" binds the execution of an adopted budget, not the council's motions.
    severity: 'warning',
    deckungArten: ['Mehrertrag'],
    keywords: [
      'steuer',
      'hebesatz',
      'schlüsselzuweisung',
      'schluesselzuweisung',
      'allgemeine zuweisung',
      'allgemeine deckungsmittel',
      'kreditaufnahme',
      'kredit',
    ],
    message:
      'allgemeine Deckungsmittel (Steuern, Hebesätze, Schlüsselzuweisungen, Kredite) decken den Haushalt insgesamt; als Deckung eines Antrags zum Haushaltsentwurf nur tragfähig, wenn der zugehörige Beschluss (z. B. die Hebesatzsatzung) mitgefasst wird',
    messageEn:
      'general revenue (taxes, rates, general grants, loans) covers the budget as a whole; it carries a motion on the draft budget only if the matching decision (e.g. the rate by-law) is taken with it',
    source:
      'Grundsatz der Gesamtdeckung; Deckungsvorschlag muss „rechtlich zulässig und tatsächlich durchführbar“ sein (Muster-GeschO § 15 Abs. 2, kommunalbrevier.de); das Verbot unechter Deckungsfähigkeit (§ 15 Abs. 2 GemHVO RLP) betrifft die Haushaltsausführung',
  },
  {
    id: 'beschaeftigte-fuer-beamte',
    enabled: true,
    // A warning: the one-way rule comes from the cash-accounting § 20 LHO/BHO; under accrual
    // accounting personnel expenses within a product are mutually coverable unless the budget says otherwise.
    severity: 'warning',
    deckungArten: ['Stellenwegfall', 'Nichtbesetzung', 'Verzicht auf geplante Stelle'],
    sourceDienstverhaeltnis: 'Beschäftigte',
    targetDienstverhaeltnis: 'Beamte',
    message:
      'Mittel einer Beschäftigtenstelle sollen eine Beamtenstelle decken: im doppischen Haushalt innerhalb eines Produkts gegenseitig deckungsfähig – Haushaltsvermerk und Budget prüfen',
    messageEn:
      'funds of an employee position cover a civil-servant position: mutually coverable within a product under accrual accounting – check the budget notes',
    source:
      '§ 20 Abs. 1 LHO Hessen (doppisch): innerhalb eines Produkts sind die Aufwendungen gegenseitig deckungsfähig; die einseitige Deckungsfähigkeit Beamte → Beschäftigte stammt aus dem kameralen § 20 LHO / § 20 BHO; örtliche Haushaltsvermerke gehen vor',
  },
  {
    id: 'minderaufwand-aus-ertrag',
    enabled: true,
    severity: 'error',
    deckungArten: ['Minderaufwand'],
    lineArten: ['Ertrag'],
    message: 'ein Ertragskonto kann keinen Minderaufwand hergeben (gemeint ist wohl „Mehrertrag“)',
    messageEn: 'a revenue line cannot yield reduced expenses (did you mean "Mehrertrag"?)',
    source: 'Kontensystematik: Aufwand und Ertrag getrennt (GemHVO Hessen §§ 18–21 Deckungsgrundsätze)',
  },
  {
    id: 'mehrertrag-aus-aufwand',
    enabled: true,
    severity: 'error',
    deckungArten: ['Mehrertrag'],
    lineArten: ['Personalaufwand', 'Sachaufwand'],
    message: 'ein Aufwandskonto bringt keinen Mehrertrag (gemeint ist wohl „Minderaufwand“)',
    messageEn: 'an expense line yields no extra revenue (did you mean "Minderaufwand"?)',
    source: 'Kontensystematik: Aufwand und Ertrag getrennt (GemHVO Hessen §§ 18–21 Deckungsgrundsätze)',
  },
];

export interface CoverCase {
  deckung: Deckung;
  massnahmeArt: MassnahmeArt;
  /** The budget line named in the cover row (any year), if it exists. */
  line?: Planansatz;
  /** The position the cover comes from, if any. */
  sourcePosition?: Stelle;
  /** Dienstverhältnis of the position the measure creates or changes. */
  target?: Dienstverhaeltnis;
}

function matches(rule: CoverRule, c: CoverCase): boolean {
  if (!rule.enabled) return false;
  if (rule.deckungArten && !rule.deckungArten.includes(c.deckung.art)) return false;
  if (rule.massnahmeArten && !rule.massnahmeArten.includes(c.massnahmeArt)) return false;
  if (rule.lineArten && !(c.line?.art && rule.lineArten.includes(c.line.art))) return false;
  if (rule.keywords) {
    const text = `${c.line?.bezeichnung ?? ''} ${c.deckung.quelle}`.toLowerCase();
    if (!rule.keywords.some((k) => text.includes(k))) return false;
  }
  if (rule.sourceDienstverhaeltnis && c.sourcePosition?.dienstverhaeltnis !== rule.sourceDienstverhaeltnis)
    return false;
  if (rule.targetDienstverhaeltnis && c.target !== rule.targetDienstverhaeltnis) return false;
  return true;
}

/** The first rule that makes this cover inadmissible, if any. */
export function inadmissibleBy(
  c: CoverCase,
  rules: readonly CoverRule[] = DEFAULT_COVER_RULES,
): CoverRule | undefined {
  return rules.find((r) => matches(r, c));
}
