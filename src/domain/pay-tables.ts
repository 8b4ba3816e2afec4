import Decimal from 'decimal.js';
import { D, dec, type Dec } from './money';
import type { PayTable, PayTableVersion, SourceRef } from './model';
import { normalizeGrade } from './grades';

/**
 * The shipped pay tables (TVöD-VKA, SuE, HBesG) with their sources and validity dates, and how dated rows
 * become a versioned table. A town replaces them in its own pay table sheets.
 */

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

// ---- Dated pay tables (contract v2): written by `init` with their validity dates and sources ----

/** One dated pay table as data: grade → monthly € per step (null = the step does not exist). */
export interface PayTableData {
  gueltigAb: string;
  source: string;
  rows: [string, (string | null)[]][];
}

/** TVöD-VKA allgemeine Tabelle from 01.03.2024 (E1 has no Stufe 1). */
const TVOED_VKA_2024: [string, (string | null)[]][] = [
  ['E15Ü', [null, '6752.60', '7462.01', '8134.09', '8582.18', '8686.69']],
  ['E15', ['5504.00', '5863.92', '6265.40', '6813.49', '7377.29', '7748.20']],
  ['E14', ['5003.84', '5329.75', '5755.37', '6227.68', '6754.16', '7132.13']],
  ['E13', ['4628.76', '4985.95', '5392.57', '5834.04', '6353.53', '6635.44']],
  ['E12', ['4170.32', '4581.34', '5061.67', '5594.63', '6220.01', '6516.74']],
  ['E11', ['4032.38', '4410.41', '4765.62', '5151.01', '5678.44', '5975.19']],
  ['E10', ['3895.33', '4191.53', '4528.25', '4893.44', '5300.10', '5433.63']],
  ['E9c', ['3787.84', '4052.08', '4339.43', '4649.06', '4981.91', '5220.52']],
  ['E9b', ['3566.89', '3814.56', '3969.97', '4429.89', '4702.42', '5018.11']],
  ['E9a', ['3448.96', '3662.32', '3869.96', '4331.88', '4436.39', '4703.23']],
  ['E8', ['3281.44', '3486.59', '3628.68', '3770.54', '3922.69', '3995.85']],
  ['E7', ['3095.23', '3331.58', '3472.38', '3614.47', '3748.49', '3820.45']],
  ['E6', ['3042.04', '3236.55', '3372.94', '3507.92', '3640.49', '3708.02']],
  ['E5', ['2928.99', '3117.67', '3245.11', '3380.06', '3505.47', '3570.28']],
  ['E4', ['2802.62', '2993.55', '3153.75', '3253.48', '3353.20', '3411.60']],
  ['E3', ['2762.69', '2968.02', '3017.99', '3132.21', '3217.92', '3296.43']],
  ['E2Ü', ['2601.60', '2835.82', '2921.62', '3036.03', '3114.63', '3229.97']],
  ['E2', ['2582.16', '2784.28', '2834.67', '2906.58', '3064.63', '3229.97']],
  ['E1', [null, '2355.52', '2388.86', '2430.55', '2469.42', '2569.47']],
];

/** TVöD SuE (Anlage C VKA) from 01.10.2024. */
const SUE_2024: [string, (string | null)[]][] = [
  ['S18', ['4458.20', '4571.79', '5134.51', '5556.51', '6189.53', '6576.36']],
  ['S17', ['4110.52', '4395.96', '4853.14', '5134.51', '5697.17', '6027.75']],
  ['S16', ['4026.38', '4304.54', '4614.00', '4993.81', '5415.82', '5669.04']],
  ['S15', ['3884.14', '4149.76', '4431.15', '4754.68', '5275.17', '5500.22']],
  ['S14', ['3847.03', '4109.38', '4422.05', '4740.10', '5091.81', '5337.97']],
  ['S13', ['3756.97', '4012.60', '4360.80', '4642.12', '4993.81', '5169.65']],
  ['S12', ['3747.09', '4002.01', '4335.64', '4631.04', '4996.80', '5151.53']],
  ['S11b', ['3697.55', '3948.84', '4125.39', '4575.55', '4927.22', '5138.23']],
  ['S11a', ['3631.49', '3877.94', '4053.00', '4501.47', '4853.14', '5064.15']],
  ['S9', ['3439.30', '3671.40', '3935.15', '4325.50', '4694.75', '4979.60']],
  ['S8b', ['3371.39', '3598.79', '3864.55', '4253.22', '4620.71', '4902.44']],
  ['S8a', ['3303.85', '3526.31', '3755.83', '3973.29', '4185.86', '4409.39']],
  ['S7', ['3223.59', '3440.19', '3655.70', '3871.17', '4032.82', '4276.40']],
  ['S4', ['3091.81', '3298.76', '3487.33', '3615.30', '3736.51', '3925.36']],
  ['S3', ['2924.89', '3119.62', '3300.78', '3467.12', '3543.23', '3634.14']],
  ['S2', ['2719.14', '2838.41', '2926.64', '3022.45', '3130.19', '3237.95']],
];

/** Hessen, Landesbesoldungsordnung A and B (HBesG Anlage IV) from 01.02.2025; B has one amount. */
const HBESG_2025: [string, (string | null)[]][] = [
  ['A 6', ['2652.50', '2715.42', '2777.05', '2853.08', '2931.75', '3007.77', '3092.99', '3165.12']],
  ['A 7', ['2762.63', '2812.43', '2888.50', '3006.48', '3121.85', '3237.22', '3323.75', '3411.61']],
  ['A 8', ['2925.19', '2993.37', '3099.54', '3249.03', '3397.15', '3503.36', '3608.22', '3713.13']],
  ['A 9', ['3100.87', '3171.67', '3289.66', '3456.16', '3605.61', '3730.16', '3842.90', '3951.75']],
  ['A 10', ['3323.75', '3389.29', '3595.14', '3799.65', '4000.22', '4147.08', '4288.66', '4431.57']],
  ['A 11', ['3810.14', '3932.08', '4141.82', '4354.22', '4493.20', '4644.25', '4791.25', '4939.23']],
  ['A 12', ['4086.78', '4241.49', '4493.20', '4744.90', '4914.93', '5098.60', '5276.90', '5457.90']],
  ['A 13', ['4756.83', '4925.74', '5167.50', '5409.24', '5576.71', '5744.21', '5911.68', '6075.13']],
  ['A 14', ['5005.42', '5244.50', '5559.19', '5871.17', '6085.94', '6303.36', '6518.11', '6735.59']],
  ['A 15', ['6139.94', '6330.38', '6545.13', '6761.25', '6976.00', '7189.37', '7402.80', '7614.84']],
  ['A 16', ['6780.15', '7008.40', '7255.58', '7504.07', '7749.91', '7999.76', '8246.94', '8491.39']],
  ['B 1', ['7614.08']],
  ['B 2', ['8857.65']],
  ['B 3', ['9384.10']],
  ['B 4', ['9935.46']],
  ['B 5', ['10568.11']],
  ['B 6', ['11165.44']],
];

/** Tarifeinigung 06.04.2025: +3,0 %, at least 110 € (01.04.2025); cent-rounded half up. */
function raise2025(rows: [string, (string | null)[]][]): [string, (string | null)[]][] {
  return rows.map(([g, steps]) => [
    g,
    steps.map((v) => {
      if (v === null) return null;
      const pct = new D(v).times('1.03').toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
      const min = new D(v).plus(110);
      return Decimal.max(pct, min).toFixed(2);
    }),
  ]);
}

/** +2,8 % from 01.05.2026 (no minimum amount), cent-rounded half up. */
function raise2026(rows: [string, (string | null)[]][]): [string, (string | null)[]][] {
  return rows.map(([g, steps]) => [
    g,
    steps.map((v) =>
      v === null ? null : new D(v).times('1.028').toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2),
    ),
  ]);
}

/** The published 01.04.2025 table, plus E1 and E2 Stufe 6 (computed from 2024 by the same rule). */
const TVOED_VKA_2025_FULL: [string, (string | null)[]][] = raise2025(TVOED_VKA_2024).map(([g, steps]) => {
  const published = TVOED_VKA_2025.find(([x]) => x === g)?.[1];
  return [g, steps.map((v, i) => published?.[i] ?? v)];
});

export const ENTGELT_TABLES: PayTableData[] = [
  {
    gueltigAb: '2024-03-01',
    source:
      'TVöD-VKA allgemeine Tabelle ab 01.03.2024 (cesar.de/tarif-vka; tvöd.com/entgelttabelle/vka; E 9b St. 1 und E 9a St. 5 nach cesar.de)',
    rows: TVOED_VKA_2024,
  },
  {
    gueltigAb: '2025-04-01',
    source: `${TVOED_2025_SOURCE}; E1 und E2 Stufe 6 berechnet: Tabelle 2024 + 3 %, mind. 110 €`,
    rows: TVOED_VKA_2025_FULL,
  },
  { gueltigAb: '2026-05-01', source: TVOED_2026_SOURCE, rows: raise2026(TVOED_VKA_2025_FULL) },
  {
    gueltigAb: '2024-10-01',
    source: 'TVöD SuE, Anlage C (VKA) gültig ab 01.10.2024 (avr-württemberg.de, Anlage C VKA)',
    rows: SUE_2024,
  },
  {
    gueltigAb: '2025-04-01',
    source:
      'TVöD SuE ab 01.04.2025: Tabelle 01.10.2024 + 3 %, mind. 110 € (Tarifeinigung 06.04.2025) – berechnet',
    rows: raise2025(SUE_2024),
  },
  {
    gueltigAb: '2026-05-01',
    source: 'TVöD SuE ab 01.05.2026: Tabelle 01.04.2025 × 1,028 (Tarifeinigung 06.04.2025) – berechnet',
    rows: raise2026(raise2025(SUE_2024)),
  },
];

export const BESOLDUNG_TABLES: PayTableData[] = [
  {
    gueltigAb: '2025-02-01',
    source:
      'Hessen, HBesG Anlage IV, Grundgehalt A und B gültig ab 01.02.2025 (beamten-infoportal.de/besoldungstabellen-bund-und-laender/besoldungstabelle-hessen); A 5 dort nicht mehr aufgeführt',
    rows: HBESG_2025,
  },
];

/** One row of a dated pay table as read (grade normalised). */
export interface PayTableEntry {
  gueltigAb?: string;
  grade: string;
  steps: Map<number, Dec>;
  ref?: SourceRef;
}

/**
 * Dated versions from rows: one version per `Gültig ab` (undated rows form a version valid from the start);
 * a grade missing in a later version is carried over from the one before (the S table has its own dates).
 * `rows` is the version valid on `on` (1 January of the first plan year), else the earliest.
 */
export function assembleVersions(
  kind: PayTable['kind'],
  entries: PayTableEntry[],
  on: string,
  source?: string,
): PayTable {
  const byDate = new Map<string, PayTableVersion['rows']>();
  for (const e of entries) {
    const key = e.gueltigAb ?? '';
    const rows = byDate.get(key) ?? (new Map() as PayTableVersion['rows']);
    if (!rows.has(e.grade))
      rows.set(e.grade, { steps: e.steps, ref: e.ref, ...(e.gueltigAb ? { gueltigAb: e.gueltigAb } : {}) });
    byDate.set(key, rows);
  }
  const versions: PayTableVersion[] = [...byDate]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([d, rows]) => (d ? { gueltigAb: d, rows } : { rows }));
  for (let i = 1; i < versions.length; i++)
    for (const [g, r] of versions[i - 1].rows) if (!versions[i].rows.has(g)) versions[i].rows.set(g, r);
  let current = versions[0] ?? { rows: new Map() };
  for (const v of versions) if (!v.gueltigAb || v.gueltigAb <= on) current = v;
  return { kind, rows: current.rows, versions, source };
}

/** Builds a versioned pay table from shipped data. */
export function versionedTable(kind: PayTable['kind'], data: PayTableData[], on: string): PayTable {
  const entries: PayTableEntry[] = data.flatMap((t) =>
    t.rows.map(([grade, steps]) => {
      const map = new Map<number, Dec>();
      steps.forEach((v, i) => v !== null && map.set(i + 1, new D(v)));
      return { gueltigAb: t.gueltigAb, grade: normalizeGrade(grade), steps: map };
    }),
  );
  return assembleVersions(kind, entries, on, data.map((t) => t.source).join(' · '));
}
