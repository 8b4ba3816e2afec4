/* Custom functions (namespace STELLENPLAN). Thin wrappers over src/domain; they never write to the workbook. */
import { CostModel, lookupMonthly, monthsActive } from '../domain/cost';
import { DEFAULT_BESOLDUNGSTABELLE, DEFAULT_ENTGELTTABELLE, DEFAULT_PARAMETER } from '../domain/defaults';
import { D } from '../domain/money';
import { serialToIso } from '../workbook/cells';

const tables = { entgelttabelle: DEFAULT_ENTGELTTABELLE, besoldungstabelle: DEFAULT_BESOLDUNGSTABELLE };

function fail(message: string): never {
  // Shown in the cell as #VALUE! with the German reason as tooltip.
  // CustomFunctions.Error is Excel's documented way to show an error value; it is not an Error subclass.
  // eslint-disable-next-line @typescript-eslint/only-throw-error
  throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
}

/**
 * Jahreskosten einer Stelle nach dem Kostenmodell (mitgelieferte TVöD-VKA-Tabelle und Parameter).
 * @customfunction JAHRESKOSTEN
 * @param entgeltgruppe Entgeltgruppe, z. B. "E9b"
 * @param stufe Stufe 1 bis 6
 * @param anteil Stellenanteil 0 bis 1
 * @param jahr Planjahr, z. B. 2027
 * @returns Kosten in Euro, auf Cent gerundet
 */
export function jahreskosten(entgeltgruppe: string, stufe: number, anteil: number, jahr: number): number {
  const hit = lookupMonthly(tables, entgeltgruppe, stufe);
  if (!hit.ok) fail(`${entgeltgruppe} Stufe ${stufe} steht nicht in der Entgelttabelle.`);
  if (!(anteil > 0 && anteil <= 1)) fail('Der Stellenanteil muss zwischen 0 und 1 liegen.');
  const model = new CostModel({
    ...DEFAULT_PARAMETER,
    erstesPlanjahr: Math.min(DEFAULT_PARAMETER.erstesPlanjahr, jahr),
  });
  const cost = model.lineCost(
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
