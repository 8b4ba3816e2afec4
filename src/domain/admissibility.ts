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
    deckungArten: ['Mehrertrag'],
    keywords: [
      'steuer',
      'schlüsselzuweisung',
      'schluesselzuweisung',
      'allgemeine zuweisung',
      'allgemeine deckungsmittel',
      'kreditaufnahme',
      'kredit',
    ],
    message:
      'allgemeine Deckungsmittel (Steuern, Schlüsselzuweisungen, Kredite) dürfen nicht als Mehrertrag für eine bestimmte Maßnahme dienen',
    messageEn:
      'general revenue (taxes, general grants, loans) cannot serve as extra revenue for a specific measure',
    source:
      'Grundsatz der Gesamtdeckung; keine unechte Deckungsfähigkeit aus Steuern und allgemeinen Zuweisungen (§ 15 Abs. 2 GemHVO RLP, kommunalbrevier.de)',
  },
  {
    id: 'beschaeftigte-fuer-beamte',
    enabled: true,
    deckungArten: ['Stellenwegfall', 'Nichtbesetzung', 'Verzicht auf geplante Stelle'],
    sourceDienstverhaeltnis: 'Beschäftigte',
    targetDienstverhaeltnis: 'Beamte',
    message:
      'Mittel für Beschäftigte sind nur einseitig deckungsfähig: sie decken keine Beamtenstelle (umgekehrt ist es zulässig)',
    messageEn:
      'funds for employees are only one-way transferable: they cannot cover a civil-servant position',
    source:
      '§ 20 Abs. 1 LHO Hessen (kameral) / § 20 BHO: Bezüge der Beamten einseitig deckungsfähig zugunsten der Beschäftigten; örtlicher Haushaltsvermerk kann abweichen',
  },
  {
    id: 'minderaufwand-aus-ertrag',
    enabled: true,
    deckungArten: ['Minderaufwand'],
    lineArten: ['Ertrag'],
    message: 'ein Ertragskonto kann keinen Minderaufwand hergeben (gemeint ist wohl „Mehrertrag“)',
    messageEn: 'a revenue line cannot yield reduced expenses (did you mean "Mehrertrag"?)',
    source: 'Kontensystematik: Aufwand und Ertrag getrennt (GemHVO Hessen §§ 18–21 Deckungsgrundsätze)',
  },
  {
    id: 'mehrertrag-aus-aufwand',
    enabled: true,
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
