import { normalizeGrade } from './grades';

/** The groups the legal Stellenplan prints grades in (Laufbahngruppen, Entgeltordnungen) and their order. */

/** Laufbahngruppe of a Besoldungsgruppe; A 9 and A 13 belong to the group whose entry office they are. */
export function laufbahngruppe(gruppe: string): string {
  const g = normalizeGrade(gruppe);
  const m = /^A(\d+)/.exec(g);
  if (m) {
    const n = Number(m[1]);
    if (n <= 5) return 'Einfacher Dienst';
    if (n <= 8) return 'Mittlerer Dienst';
    if (n <= 12) return 'Gehobener Dienst';
    return 'Höherer Dienst';
  }
  if (g.startsWith('B')) return 'Besoldungsordnung B';
  if (g.startsWith('W')) return 'Besoldungsordnung W';
  if (g.startsWith('R')) return 'Besoldungsordnung R';
  return 'Sonstige Besoldung';
}

/** Pay scale of a Beschäftigten grade: TVöD general table, Sozial- und Erziehungsdienst, Pflege. */
export function entgeltordnung(gruppe: string): string {
  const g = normalizeGrade(gruppe);
  if (/^E\d/.test(g)) return 'Entgeltgruppen TVöD (E)';
  if (/^S\d/.test(g)) return 'Sozial- und Erziehungsdienst (S)';
  if (/^P\d/.test(g)) return 'Pflegedienst (P)';
  return 'Sonstige Entgeltgruppen';
}

/** Print order of the groups: higher careers first, as in the printed plans. */
export const LAUFBAHN_ORDER = [
  'Besoldungsordnung B',
  'Besoldungsordnung W',
  'Besoldungsordnung R',
  'Höherer Dienst',
  'Gehobener Dienst',
  'Mittlerer Dienst',
  'Einfacher Dienst',
  'Sonstige Besoldung',
];
export const ENTGELT_ORDER = [
  'Entgeltgruppen TVöD (E)',
  'Sozial- und Erziehungsdienst (S)',
  'Pflegedienst (P)',
  'Sonstige Entgeltgruppen',
];

/** Higher groups first, as in every printed Stellenplan: A 16 before A 9, E15Ü before E15 before E9c. */
export function gradeOrder(g: string): number {
  const m = /(\d+)\s*([a-cü]?)/i.exec(g);
  if (!m) return 0;
  const letter = m[2].toLowerCase();
  return Number(m[1]) * 10 + (letter === 'ü' ? 9 : letter ? letter.charCodeAt(0) - 96 : 0);
}
