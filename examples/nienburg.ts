import type { TemplateData } from '../src/workbook/template';

/**
 * Reproduction of the Landkreis Nienburg/Weser Stellenplan 2024 (Beschlussvorlage 2023/232,
 * buergerinfo.lk-ni.de/vo0050.php?__kvonr=8526): Jahreskosten je Vollzeitstelle EG 6 55.900 €,
 * EG 9b 71.600 €, EG 14 100.300 €, A 11 98.900 €. One full-time position per grade in calendar 2024,
 * priced with the parameters of 2024 (README "Nachrechnung LK Nienburg 2024").
 */
export const NIENBURG_2024_TARGETS: { nr: string; grade: string; step: number; target: number }[] = [
  { nr: 'N-E6', grade: 'E6', step: 4, target: 55900 },
  { nr: 'N-E9b', grade: 'E9b', step: 4, target: 71600 },
  { nr: 'N-E14', grade: 'E14', step: 4, target: 100300 },
  { nr: 'N-A11', grade: 'A 11', step: 5, target: 98900 },
];

/** Parameters of 2024 (sources in README); names of contract v2. */
export const NIENBURG_2024_PARAMETER: Record<string, number | string> = {
  'Erstes Planjahr': 2024,
  'Anzahl Planjahre': 1,
  'Tarifsteigerung p.a.': 0,
  // KV 7,3 % + halber Ø-Zusatzbeitrag 2024 0,85 % + PV 1,7 % (AG-Anteil 2024)
  'AG-Anteil KV/PV': 0.0985,
  'BBG KV/PV (Monat)': 5175,
  // RV 9,3 % + AV 1,3 %; BBG RV West 2024 7.550 €/Monat
  'AG-Anteil RV/AV': 0.106,
  'BBG RV/AV (Monat)': 7550,
  'AG-Anteil Sozialversicherung': 0,
  Zusatzversorgung: 0.08,
  Leistungsentgelt: 0.02,
  'Jahressonderzahlung nach Entgeltgruppe': 'Ja',
  'Versorgungszuschlag Beamte': 0.37,
};

export const NIENBURG_2024: TemplateData = {
  v2: true,
  parameter: NIENBURG_2024_PARAMETER,
  stellen: NIENBURG_2024_TARGETS.map((t) => ({
    'Stellen-Nr.': t.nr,
    Dezernat: 'Landkreis Nienburg/Weser',
    Organisationseinheit: 'Nachrechnung Stellenplan 2024',
    Bezeichnung: `Vollzeitstelle ${t.grade} Stufe ${t.step} (Vorlage: ${t.target.toLocaleString('de-DE')} €)`,
    Dienstverhältnis: /^A/.test(t.grade) ? 'Beamte' : 'Beschäftigte',
    Entgeltgruppe: t.grade,
    Stufe: t.step,
    Stellenanteil: 1,
    Besetzt: 'Ja',
    Haushaltsstelle: '1.1.01.5011',
  })),
};
