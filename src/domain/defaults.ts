import { dec } from './money';
import type { Parameter } from './model';

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

/**
 * What `init` writes in addition (contract v2), and the values it writes instead for the first version's
 * names (the employer shares split into capped KV/PV and RV/AV). Values of 2026 where a year matters.
 */
export const PARAMETER_DEFAULTS_V2: { name: string; value: number | string; source: string }[] = [
  {
    name: 'AG-Anteil Sozialversicherung',
    value: 0,
    source:
      'ungedeckelter Rest neben KV/PV und RV/AV: U2-Umlage kassenindividuell, Insolvenzgeldumlage entfällt für Gemeinden (§ 358 SGB III) – eigenen Wert eintragen',
  },
  {
    name: 'Tarifsteigerung ab',
    value: '01.04.2027',
    source: 'Annahme: Laufzeit der Tarifeinigung 06.04.2025 endet 31.03.2027; danach jährlich ab diesem Tag',
  },
  {
    name: 'Leistungsentgelt',
    value: 0.02,
    source: 'TVöD-VKA § 18: 2 % der ständigen Monatsentgelte des Vorjahres (haufe.de, Leistungsentgelt 3.1)',
  },
  {
    name: 'AG-Anteil KV/PV',
    value: 0.1055,
    source: '2026: KV 7,3 % + halber Ø-Zusatzbeitrag 1,45 % + PV 1,8 % (mf.sachsen-anhalt.de; nwb.de)',
  },
  {
    name: 'BBG KV/PV (Monat)',
    value: 5812.5,
    source: 'SV-Rechengrößenverordnung 2026 (BGBl. 2025 I Nr. 278; ihk.de/halle)',
  },
  {
    name: 'AG-Anteil RV/AV',
    value: 0.106,
    source: '2026: RV 9,3 % + AV 1,3 % (mf.sachsen-anhalt.de; deutsche-flagge.de)',
  },
  {
    name: 'BBG RV/AV (Monat)',
    value: 8450,
    source: 'SV-Rechengrößenverordnung 2026 (BGBl. 2025 I Nr. 278; ihk.de/halle)',
  },
  {
    name: 'Beihilfe Beamte',
    value: 0,
    source:
      'kein öffentlicher Durchschnittssatz gefunden: Beihilfeaufwand der eigenen Kommune je Beamtenstelle als Anteil der Bezüge eintragen',
  },
  {
    name: 'Jahressonderzahlung nach Entgeltgruppe',
    value: 'Ja',
    source:
      'TVöD-VKA § 20: Sätze je Entgeltgruppe und Kalenderjahr (README, Tabelle Jahressonderzahlung); Nein = ein Satz „Jahressonderzahlung“',
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

/** Versorgungszuschlag for Beamte per Land, where a public rate was found (DESIGN.md: default per Land). */
export const VERSORGUNGSZUSCHLAG_JE_LAND: { land: string; satz: string | null; quelle: string }[] = [
  {
    land: 'Baden-Württemberg',
    satz: '0.37',
    quelle:
      'KVBW Beamtenversorgung, allgemeine Umlage 37 % der Dienstbezüge seit 2011 (kvbw.de, Refinanzierung)',
  },
  {
    land: 'Brandenburg',
    satz: '0.554',
    quelle: 'KVBbg Umlagehebesatz 55,40 % ab 2024, Bemessung auf Endstufe (kvbbg.de, Finanzierung)',
  },
  {
    land: 'Hessen',
    satz: null,
    quelle:
      'Hebesatz der Versorgungskasse nach Satzung (z. B. VK Darmstadt § 26), kein öffentlicher Satz gefunden',
  },
];

// The shipped pay tables, under the names callers have always imported from here.
export * from './pay-tables';
