import { entry, type Entry } from '../domain/catalogue';
import type { Finding } from '../domain/findings';
import type { SourceRef } from '../domain/model';

/**
 * The reader's findings catalogue, of the same shape as the engine's (src/domain/catalogue.ts): every
 * finding the reader emits about the workbook's tables and cells, by key, with its code, its severity and
 * its German and English text built from parameters. The codes are the engine's (DESIGN.md "Finding
 * codes"); the texts live here because they speak of sheets, cells and column headers.
 */
type At = { sheet: string; cell: string };
type Name = { name: string };
const date = (iso: string) => iso.split('-').reverse().join('.');

/** Findings about a table or a header cell: the whole message, naming sheet and cell. */
export const TABLE_FINDINGS = {
  columnMissing: entry<At & { names: string; namesEn: string; headerRow: number }>(
    'INVALID_VALUE',
    'error',
    (p) =>
      `${p.sheet}!${p.cell}: im Blatt „${p.sheet}“ fehlt die Spalte ${p.names} (Kopfzeile ${p.headerRow}); die Tabelle wird nicht gelesen.`,
    (p) => `${p.sheet}!${p.cell}: sheet "${p.sheet}" lacks the column ${p.namesEn}; the table is not read.`,
  ),
  /** A second column under the same header, holding values: they would silently go unused. */
  columnDuplicateFilled: entry<At & { header: string; firstCell: string; firstHeader: string }>(
    'INVALID_VALUE',
    'error',
    (p) =>
      `${p.sheet}!${p.cell}: die Spalte „${p.header}“ gibt es schon (${p.firstCell} „${p.firstHeader}“); gelesen wird nur die erste, die Werte dieser Spalte werden nicht verwendet.`,
    (p) =>
      `${p.sheet}!${p.cell}: column "${p.header}" already exists (${p.firstCell}); only the first is read, the values of this one are not used.`,
  ),
  columnDuplicateEmpty: entry<At & { header: string; firstCell: string; firstHeader: string }>(
    'INVALID_VALUE',
    'warning',
    (p) =>
      `${p.sheet}!${p.cell}: die Spalte „${p.header}“ gibt es schon (${p.firstCell} „${p.firstHeader}“); gelesen wird nur die erste, diese ist leer.`,
    (p) =>
      `${p.sheet}!${p.cell}: column "${p.header}" already exists (${p.firstCell}); only the first is read.`,
  ),
  columnNotRead: entry<At & { header: string; name: string }>(
    'INVALID_VALUE',
    'warning',
    (p) =>
      `${p.sheet}!${p.cell}: die Spalte „${p.header}“ wird nicht gelesen – sie muss „${p.name}“ heißen; bis dahin gilt in jeder Zeile der Vorgabewert.`,
    (p) =>
      `${p.sheet}!${p.cell}: column "${p.header}" is not read – it must be named "${p.name}"; until then every row uses the default.`,
  ),
  payGradeDuplicate: entry<At & { grade: string; table: string; gueltigAb?: string }>(
    'DUPLICATE_ID',
    'error',
    (p) =>
      `${p.sheet}!${p.cell}: die Gruppe „${p.grade}“ steht mehrfach in der ${p.table}${p.gueltigAb ? ` (gültig ab ${date(p.gueltigAb)})` : ''}; es gilt die erste Zeile.`,
    (p) =>
      `${p.sheet}!${p.cell}: grade "${p.grade}" occurs more than once in the ${p.table}; the first row applies.`,
  ),
  parameterSheetMissing: entry<Record<string, never>>(
    'DEFAULTS_USED',
    'info',
    () => 'Kein Blatt „Parameter“: es gelten die mitgelieferten Vorgaben (siehe README).',
    () => 'No Parameter table: the built-in defaults apply.',
  ),
  payTableMissing: entry<{ table: string; source: string }>(
    'DEFAULTS_USED',
    'info',
    (p) => `Keine ${p.table}: es gilt die mitgelieferte Tabelle (${p.source}).`,
    (p) => `No ${p.table} table: the built-in defaults apply.`,
  ),
};

/**
 * Findings about one cell: the text after "Blatt!A1 (Spalte): ", which the reader puts in front (the
 * message ends with a full stop).
 */
export const CELL_FINDINGS = {
  /** A value the cell parsers reject; src/workbook/cells.ts says why ("ist keine Zahl"). */
  unreadable: entry<{ reason: string; reasonEn: string }>(
    'INVALID_VALUE',
    'error',
    (p) => p.reason,
    (p) => p.reasonEn,
  ),
  required: entry<Record<string, never>>(
    'INVALID_VALUE',
    'error',
    () => 'Pflichtangabe fehlt',
    () => 'required value missing',
  ),
  ruleUnknown: entry<{ id: string; known: string }>(
    'INVALID_VALUE',
    'error',
    (p) => `„${p.id}“ ist keine bekannte Regel (bekannt: ${p.known})`,
    (p) => `"${p.id}" is not a known rule`,
  ),
  noteUnknown: entry<{ text: string }>(
    'INVALID_VALUE',
    'error',
    (p) => `„${p.text}“ ist kein Vermerk (erlaubt: kw, ku, leer; auch „kw 30.06.2029“)`,
    (p) => `"${p.text}" is not a note (kw, ku or empty)`,
  ),
  coverAmountNegative: entry<Record<string, never>>(
    'INVALID_VALUE',
    'error',
    () => 'ein Deckungsbetrag kann nicht negativ sein',
    () => 'a cover amount cannot be negative',
  ),
  budgetYear: entry<{ year: number }>(
    'INVALID_VALUE',
    'error',
    (p) => `${p.year} ist kein Haushaltsjahr`,
    (p) => `${p.year} is not a budget year`,
  ),
  parameterNameMissing: entry<Record<string, never>>(
    'INVALID_VALUE',
    'warning',
    () => 'der Name fehlt, der Wert daneben wird nicht verwendet',
    () => 'the name is missing, the value next to it is not used',
  ),
  parameterUnknown: entry<Name & { known: string }>(
    'INVALID_VALUE',
    'warning',
    (p) =>
      `„${p.name}“ ist kein bekannter Parameter (bekannt: ${p.known}); der Wert daneben wird nicht verwendet`,
    (p) => `"${p.name}" is not a known parameter; the value next to it is not used`,
  ),
  parameterTwice: entry<Name & { valueCell: string }>(
    'DUPLICATE_ID',
    'error',
    (p) =>
      `„${p.name}“ steht mehrfach im Blatt; es gilt der Wert in ${p.valueCell}, dieser wird nicht verwendet`,
    (p) => `"${p.name}" occurs more than once; the value in ${p.valueCell} applies, this one is not used`,
  ),
  parameterNotAllowed: entry<Name & { value: number }>(
    'INVALID_VALUE',
    'error',
    (p) => `${p.value} ist für „${p.name}“ nicht zulässig`,
    (p) => `${p.value} is not allowed for "${p.name}"`,
  ),
  parameterImplausible: entry<Name & { value: string; valueEn: string }>(
    'INVALID_VALUE',
    'error',
    (p) => `${p.value} ist für „${p.name}“ nicht plausibel`,
    (p) => `${p.valueEn} is not plausible for "${p.name}"`,
  ),
  monthlyNotPositive: entry<Record<string, never>>(
    'INVALID_VALUE',
    'error',
    () => 'ein Monatsbetrag muss größer als 0 sein',
    () => 'a monthly amount must be above 0',
  ),
};

export type TableFindingKey = keyof typeof TABLE_FINDINGS;
export type CellFindingKey = keyof typeof CELL_FINDINGS;
type ParamsOf<E> = E extends Entry<infer P> ? P : never;

/** A table-level finding by key and parameters. */
export function tableFinding<K extends TableFindingKey>(
  key: K,
  params: ParamsOf<(typeof TABLE_FINDINGS)[K]>,
  ref?: SourceRef,
): Finding {
  const e = TABLE_FINDINGS[key] as unknown as Entry<typeof params>;
  return {
    code: e.code,
    severity: e.severity,
    message: e.de(params),
    messageEn: e.en(params),
    ...(ref ? { ref } : {}),
  };
}

/** A finding at one cell, "Blatt!A1 (Spalte): …." by key and parameters. */
export function cellFinding<K extends CellFindingKey>(
  key: K,
  params: ParamsOf<(typeof CELL_FINDINGS)[K]>,
  at: At & { header: string },
  ref: SourceRef,
): Finding {
  const e = CELL_FINDINGS[key] as unknown as Entry<typeof params>;
  const where = `${at.sheet}!${at.cell} (${at.header})`;
  return {
    code: e.code,
    severity: e.severity,
    message: `${where}: ${e.de(params)}.`,
    messageEn: `${where}: ${e.en(params)}.`,
    ref,
  };
}
