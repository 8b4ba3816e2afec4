/* Custom functions (namespace STELLENPLAN). Thin wrappers over src/domain; they read the workbook's
   parameters and tables but never write to the workbook. */
import { CostModel, lookupMonthly, monthsActive } from '../domain/cost';
import type { WorkbookModel } from '../domain/model';
import { D } from '../domain/money';
import { coverageOf } from '../workbook/analysis';
import { serialToIso } from '../workbook/cells';
import { functionModelProvider } from './model-provider';

function fail(message: string): never {
  // CustomFunctions.Error is Excel's documented way to show an error value; it is not an Error subclass.
  // eslint-disable-next-line @typescript-eslint/only-throw-error
  throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
}

let provide: () => Promise<WorkbookModel> = functionModelProvider();

/** Tests (and the standalone page) supply the model directly. */
export function setModelProvider(p: () => Promise<WorkbookModel>): void {
  provide = p;
}

/**
 * Kosten einer Stelle in einem Planjahr nach dem Kostenmodell, mit den Parametern und der Entgelttabelle
 * dieser Arbeitsmappe.
 * @customfunction KOSTEN
 * @param gruppe Entgelt- oder Besoldungsgruppe, z. B. "E9b"
 * @param stufe Stufe
 * @param anteil Stellenanteil 0 bis 1
 * @param jahr Planjahr, z. B. 2027
 * @returns Kosten in Euro, auf Cent gerundet
 */
export async function kosten(gruppe: string, stufe: number, anteil: number, jahr: number): Promise<number> {
  const model = await provide();
  const hit = lookupMonthly(model, gruppe, stufe);
  if (!hit.ok)
    fail(
      `${gruppe} Stufe ${stufe} steht nicht in der ${hit.beamte ? 'Besoldungstabelle' : 'Entgelttabelle'}.`,
    );
  if (!(anteil > 0 && anteil <= 1)) fail('Der Stellenanteil muss zwischen 0 und 1 liegen.');
  const cost = new CostModel(model.parameter, model).lineCost(
    {
      grade: hit.grade,
      step: stufe,
      monthly: hit.monthly,
      beamte: hit.beamte,
      share: new D(String(anteil)),
      period: {},
    },
    jahr,
  );
  return cost.toNumber();
}

/**
 * Deckung einer Maßnahme in einem Planjahr (Summe ihrer Deckungszeilen, anteilig nach Laufzeit).
 * @customfunction DECKUNG
 * @param massnahme Maßnahme-Nr., z. B. "M-2027-01"
 * @param jahr Planjahr
 * @returns Deckung in Euro
 */
export async function deckung(massnahme: string, jahr: number): Promise<number> {
  // The engine runs once per workbook version, not once per cell.
  const result = coverageOf(await provide());
  const m = result.measures.find((x) => x.massnahme.nr === String(massnahme).trim());
  if (!m) fail(`Die Maßnahme „${massnahme}“ gibt es nicht.`);
  const y = m.years.find((x) => x.year === jahr);
  if (!y)
    fail(
      `${jahr} liegt nicht im Planungszeitraum ${result.years[0]}–${result.years[result.years.length - 1]}.`,
    );
  return y.cover.toNumber();
}

/**
 * Aktive Monate eines Zeitraums in einem Jahr (angebrochene Monate tagegenau).
 * @customfunction MONATE
 * @param beginn Beginn (Datum), leer = offen
 * @param ende Ende (Datum), leer = offen
 * @param jahr Jahr
 * @returns Monate zwischen 0 und 12
 */
export function monate(beginn: number | string, ende: number | string, jahr: number): number {
  const iso = (v: number | string) => (typeof v === 'number' && v > 0 ? serialToIso(v) : undefined);
  return monthsActive({ start: iso(beginn), end: iso(ende) }, jahr)
    .toDecimalPlaces(6)
    .toNumber();
}
