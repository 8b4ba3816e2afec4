import Decimal from 'decimal.js';
import { D, dec, type Dec } from './money';
import type { Parameter, PayTable } from './model';

/**
 * Defaults with their sources (see README "Quellen"). A town replaces them in its Parameter sheet.
 */
export interface ParameterDefault {
  key: keyof Parameter;
  name: string;
  value: number | string;
  source: string;
}

export const PARAMETER_DEFAULTS: ParameterDefault[] = [
  { key: 'erstesPlanjahr', name: 'Erstes Planjahr', value: 2027, source: 'Annahme: nächstes Haushaltsjahr' },
  {
    key: 'anzahlPlanjahre',
    name: 'Anzahl Planjahre',
    value: 5,
    source: 'Haushaltsjahr + mittelfristige Finanzplanung (§ 101 HGO)',
  },
  {
    key: 'tarifsteigerung',
    name: 'Tarifsteigerung p.a.',
    value: 0.03,
    source: 'Planungsannahme ohne Quelle (TVöD-Laufzeit endet 31.03.2027)',
  },
  {
    key: 'agSozialversicherung',
    name: 'AG-Anteil Sozialversicherung',
    value: 0.2115,
    source:
      'AG-Anteile 2026: RV 9,3 % + AV 1,3 % + KV 7,3 % + halber Ø-Zusatzbeitrag 1,45 % + PV 1,8 % (mf.sachsen-anhalt.de, Beitragssätze ab 01.01.2026)',
  },
  {
    key: 'zusatzversorgung',
    name: 'Zusatzversorgung',
    value: 0.08,
    source:
      'ZVK Darmstadt, Abrechnungsverband I: Umlage AG 5,7 % + Sanierungsgeld 2,3 % (vk-darmstadt.de, FAQ)',
  },
  {
    key: 'jahressonderzahlung',
    name: 'Jahressonderzahlung',
    value: 0.85,
    source:
      'TVöD-VKA § 20, ab Kalenderjahr 2026 einheitlich 85 % (Tarifeinigung 06.04.2025, oeffentlicher-dienst.info/tvoed/tr/2025)',
  },
  {
    key: 'versorgungszuschlag',
    name: 'Versorgungszuschlag Beamte',
    value: 0.37,
    source:
      'KVBW Beamtenversorgung, allgemeine Umlage 37 % der Dienstbezüge (kvbw.de); Hessen: kein Wert gefunden',
  },
  {
    key: 'gemeinkosten',
    name: 'Gemeinkostenzuschlag',
    value: 0,
    source: 'Vorgabe 0, Stadt setzt eigenen Wert (KGSt nennt 20 % Büro / 15 % Nicht-Büro, kgst.de)',
  },
  {
    key: 'sachkosten',
    name: 'Sachkosten je Stelle',
    value: 0,
    source:
      'Vorgabe 0, Stadt setzt eigenen Wert (Nds. Pauschale 9.082 €/Jahr, voris.wolterskluwer-online.de)',
  },
  {
    key: 'toleranz',
    name: 'Toleranz Planansatz',
    value: 0.05,
    source: 'Vorgabe 0,05 (Planungsannahme, keine Quelle)',
  },
];

export const DEFAULT_PARAMETER: Parameter = {
  erstesPlanjahr: 2027,
  anzahlPlanjahre: 5,
  tarifsteigerung: dec('0.03'),
  agSozialversicherung: dec('0.2115'),
  zusatzversorgung: dec('0.08'),
  jahressonderzahlung: dec('0.85'),
  versorgungszuschlag: dec('0.37'),
  gemeinkosten: dec(0),
  sachkosten: dec(0),
  toleranz: dec('0.05'),
};

/** TVöD-VKA allgemeine Tabelle, gültig 01.04.2025–30.04.2026 (monatlich, €). null = Stufe gibt es nicht. */
const TVOED_VKA_2025: [string, (string | null)[]][] = [
  ['E15Ü', [null, '6955.18', '7685.87', '8378.11', '8839.65', '8947.29']],
  ['E15', ['5669.12', '6039.84', '6453.36', '7017.89', '7598.61', '7980.65']],
  ['E14', ['5153.96', '5489.64', '5928.03', '6414.51', '6956.78', '7346.09']],
  ['E13', ['4767.62', '5135.53', '5554.35', '6009.06', '6544.14', '6834.50']],
  ['E12', ['4295.43', '4718.78', '5213.52', '5762.47', '6406.61', '6712.24']],
  ['E11', ['4153.35', '4542.72', '4908.59', '5305.54', '5848.79', '6154.45']],
  ['E10', ['4012.19', '4317.28', '4664.10', '5040.24', '5459.10', '5596.64']],
  ['E9c', ['3901.48', '4173.64', '4469.61', '4788.53', '5131.37', '5377.14']],
  ['E9b', ['3676.89', '3929.00', '4089.07', '4562.79', '4843.49', '5168.65']],
  ['E9a', ['3558.96', '3772.32', '3986.06', '4461.84', '4569.48', '4844.33']],
  ['E8', ['3391.44', '3596.59', '3738.68', '3883.66', '4040.37', '4115.73']],
  ['E7', ['3205.23', '3441.58', '3582.38', '3724.47', '3860.94', '3935.06']],
  ['E6', ['3152.04', '3346.55', '3482.94', '3617.92', '3750.49', '3819.26']],
  ['E5', ['3038.99', '3227.67', '3355.11', '3490.06', '3615.47', '3680.28']],
  ['E4', ['2912.62', '3103.55', '3263.75', '3363.48', '3463.20', '3521.60']],
  ['E3', ['2872.69', '3078.02', '3127.99', '3242.21', '3327.92', '3406.43']],
  ['E2Ü', ['2711.60', '2945.82', '3031.62', '3146.03', '3224.63', '3339.97']],
  ['E2', ['2692.16', '2894.28', '2944.67', '3016.58', '3174.63', null]],
];

export const TVOED_2025_SOURCE =
  'TVöD-VKA allgemeine Entgelttabelle gültig 01.04.2025–30.04.2026 (getbaito.com/de/tarife/tvoed-vka; dienstrechner.de/entgelttabellen/tvoed-vka)';
export const TVOED_2026_SOURCE =
  'TVöD-VKA ab 01.05.2026: Tabelle 01.04.2025 × 1,028 (Tarifeinigung 06.04.2025: +2,8 % ab 01.05.2026), auf Cent gerundet – berechnet, vor Gebrauch mit der VKA-Tabelle abgleichen';

function buildTable(factor: Dec, source: string): PayTable {
  const rows: PayTable['rows'] = new Map();
  for (const [grade, steps] of TVOED_VKA_2025) {
    const map = new Map<number, Dec>();
    steps.forEach((v, i) => {
      if (v !== null) map.set(i + 1, new D(v).times(factor).toDecimalPlaces(2, Decimal.ROUND_HALF_UP));
    });
    rows.set(grade, { steps: map });
  }
  return { kind: 'Entgelt', rows, source };
}

export const ENTGELTTABELLE_2025: PayTable = buildTable(dec(1), TVOED_2025_SOURCE);
/** The default: the table in force from 01.05.2026, i.e. during the first plan years. */
export const DEFAULT_ENTGELTTABELLE: PayTable = buildTable(dec('1.028'), TVOED_2026_SOURCE);

/** No sourced Besoldung figures are available: empty on purpose, the town enters its HBesG table. */
export const DEFAULT_BESOLDUNGSTABELLE: PayTable = {
  kind: 'Besoldung',
  rows: new Map(),
  source: 'Keine Vorgabe: bitte die geltende Besoldungstabelle (z. B. HBesG) eintragen',
};

export function clonePayTable(table: PayTable): PayTable {
  return {
    kind: table.kind,
    source: table.source,
    rows: new Map([...table.rows].map(([g, r]) => [g, { steps: new Map(r.steps), ref: r.ref }])),
  };
}
