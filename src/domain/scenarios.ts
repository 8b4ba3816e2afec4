import { BASIS, type Massnahme } from './model';

/**
 * Scenario names compare like Status: case and spaces do not matter, "basis" is Basis. The first
 * spelling seen names a variant in every paper.
 */
export function scenarioKey(name: string | undefined): string {
  const key = (name ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
  return key === '' ? BASIS.toLowerCase() : key;
}

export const isBasisName = (name: string | undefined) => scenarioKey(name) === BASIS.toLowerCase();

export class ScenarioNames {
  private readonly names = new Map<string, string>([[BASIS.toLowerCase(), BASIS]]);

  constructor(massnahmen: Iterable<Massnahme>) {
    for (const m of massnahmen) {
      const key = scenarioKey(m.szenario);
      if (!this.names.has(key)) this.names.set(key, m.szenario.trim().replace(/\s+/g, ' '));
    }
  }

  /** The display name of a written name ("basis " → "Basis"). */
  nameOf(written: string | undefined): string {
    return this.names.get(scenarioKey(written)) ?? (written ?? '').trim();
  }

  /** The scenario a measure is evaluated in: adopted measures are part of the plan (Basis). */
  own(m: Massnahme): string {
    return m.status === 'beschlossen' ? BASIS : this.nameOf(m.szenario);
  }

  /** Variants in order of first appearance (rejected measures make no variant). */
  variants(massnahmen: Iterable<Massnahme>): string[] {
    const out: string[] = [];
    for (const m of massnahmen) {
      const s = this.nameOf(m.szenario);
      if (m.status !== 'abgelehnt' && s !== BASIS && !out.includes(s)) out.push(s);
    }
    return out;
  }
}

/** Basis measures and adopted ones belong to every scenario; a variant adds its own measures. */
export function isScenarioMember(m: Massnahme, scenario: string): boolean {
  if (m.status === 'abgelehnt') return false;
  const own = scenarioKey(m.szenario);
  return own === BASIS.toLowerCase() || m.status === 'beschlossen' || own === scenarioKey(scenario);
}
