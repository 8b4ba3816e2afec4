import type { Dienstverhaeltnis } from './model';

/**
 * Grades are written in many ways ("E 9b", "e9b", "EG 9b", "A 11", "S12"). One normal form keeps lookups exact:
 * no spaces, upper case, except a trailing lowercase letter (E9a/E9b/E9c), and "Ü" kept (E15Ü).
 */
export function normalizeGrade(grade: string): string {
  let normal = normalized.get(grade);
  if (normal === undefined) {
    normal = normalizeUncached(grade);
    // a plan writes a few dozen grades; the bound only guards against a flood of distinct texts
    if (normalized.size < 10_000) normalized.set(grade, normal);
  }
  return normal;
}
const normalized = new Map<string, string>();

function normalizeUncached(grade: string): string {
  const compact = grade.replace(/[\s\u00a0]+/g, '').trim();
  const match = /^([A-Za-zÄÖÜäöü]+)(\d+)([a-cA-C]?)(Ü|ü|UE|ue)?$/.exec(compact);
  if (!match) return compact.toUpperCase();
  const [, written, num, letter, ue] = match;
  // "EG 9b" (Entgeltgruppe) is E9b
  const prefix = written.toUpperCase() === 'EG' ? 'E' : written;
  return `${prefix.toUpperCase()}${Number(num)}${letter.toLowerCase()}${ue ? 'Ü' : ''}`;
}

/** Besoldungsgruppen (A, B, C, R, W) belong to Beamte; everything else to Beschäftigte (TVöD E/S/P). */
export function isBeamteGrade(grade: string): boolean {
  return BEAMTE.test(normalizeGrade(grade));
}
const BEAMTE = /^[ABCRW]\d/;

export function dienstverhaeltnisOfGrade(grade: string): Dienstverhaeltnis {
  return isBeamteGrade(grade) ? 'Beamte' : 'Beschäftigte';
}

/** Display form with a space for Beamte ("A 11") as in the legal Stellenplan; E-grades stay compact. */
export function displayGrade(grade: string): string {
  const n = normalizeGrade(grade);
  return isBeamteGrade(n) ? n.replace(/^([A-Z])(\d)/, '$1 $2') : n;
}
