import type { WorkbookModel } from '../../domain/model';

// E9b, E15Ü, S 11b, A 13, B 2: a letter or two, a number, an optional suffix. A source note or a
// heading that landed in the grade column never looks like that.
const GRADE = /^[A-Z]{1,2}\s?\d{1,2}[a-zäöüÜ]{0,3}$/i;

/** The grades the wizard offers: the pay tables' grade rows that have at least one amount. */
export function payGrades(model: WorkbookModel): string[] {
  const out: string[] = [];
  for (const table of [model.entgelttabelle, model.besoldungstabelle])
    for (const [grade, row] of table.rows)
      if (GRADE.test(grade.trim()) && [...row.steps.values()].some((v) => v.gt(0))) out.push(grade);
  return out;
}

/** The steps the wizard offers for a grade: those with an amount in the table. */
export function payGradeSteps(model: WorkbookModel, grade: string): number[] {
  const row = model.entgelttabelle.rows.get(grade) ?? model.besoldungstabelle.rows.get(grade);
  if (!row) return [];
  return [...row.steps]
    .filter(([, v]) => v.gt(0))
    .map(([s]) => s)
    .sort((a, b) => a - b);
}
