import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { KONSTANZ, OBERTSHAUSEN } from '../../../examples/data';
import { templateBatch, type TemplateData } from '../../../src/workbook/template';
import type { SheetCell } from '../../../src/workbook/port';
import { XlsxWorkbook } from '../../../src/xlsx/xlsx-workbook';

/**
 * Fixture workbooks, built in code for every run (no committed binaries): the shipped examples and
 * a workbook that exercises every measure kind, every cover kind, partial months, Beamte and overheads.
 */

/** A fresh temporary directory; removed by `removeTempDir`. */
export async function makeTempDir(prefix: string): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), `stellenplan-${prefix}-`));
}

export async function removeTempDir(dir: string | undefined): Promise<void> {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
}

/** Besoldungstabelle rows (monthly €, Stufe 1 … 8), written the way Besoldungsgesetze print them ("A 11"). */
export type BesoldungRows = [string, (number | null)[]][];

export interface FixtureOptions {
  besoldung?: BesoldungRows;
}

/** The workbook `init` would create, filled with `data`; written through the product's own adapter. */
export async function buildWorkbook(data: TemplateData, options: FixtureOptions = {}): Promise<Uint8Array> {
  const batch = templateBatch(data);
  if (options.besoldung) {
    const sheet = batch.sheets!.find((s) => s.name === 'Besoldungstabelle')!;
    for (const [grade, steps] of options.besoldung)
      sheet.rows.push([{ v: grade }, ...steps.map((v): SheetCell => (v === null ? {} : { v, s: 'money' }))]);
  }
  const wb = XlsxWorkbook.create();
  await wb.write(batch);
  return wb.toBuffer();
}

export async function writeWorkbook(
  dir: string,
  name: string,
  data: TemplateData,
  options?: FixtureOptions,
): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, await buildWorkbook(data, options));
  return file;
}

/** Opens a file with ExcelJS directly (independent of the product's adapter) to inspect or tamper with it. */
export async function loadExcel(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

export async function saveExcel(wb: ExcelJS.Workbook, file: string): Promise<string> {
  await wb.xlsx.writeFile(file);
  return file;
}

export const EXAMPLES: { name: string; data: TemplateData }[] = [
  { name: 'obertshausen.xlsx', data: OBERTSHAUSEN },
  { name: 'konstanz.xlsx', data: KONSTANZ },
];

/** An invented but plausible Besoldungstabelle (Stufe 1 … 8); "A 11" with a space as printed in the HBesG. */
export const BESOLDUNG: BesoldungRows = [
  ['A 9', [3102.45, 3189.2, 3326.81, 3464.39, 3601.98, 3695.11, 3788.27, 3881.38]],
  ['A 11', [3811.77, 3936.5, 4104.61, 4272.74, 4440.87, 4553.96, 4667.05, 4780.12]],
  ['A 13', [4638.05, 4818.86, 5023.95, 5229.07, 5434.15, 5572.63, 5711.14, 5849.62]],
];

const planYears = [2027, 2028, 2029, 2030, 2031];

/**
 * Every measure kind (Neue Stelle, Stelle streichen, Stellenanteil ändern, Höhergruppierung, Umsetzung,
 * Sachaufwand), every cover kind, starts on the 15th, Beamte with a Besoldungstabelle, a variant scenario,
 * Gemeinkosten and Sachkosten non-zero, a grade written with a space and a share as text.
 */
export const ALL_KINDS: TemplateData = {
  parameter: {
    Gemeinkostenzuschlag: 0.2,
    'Sachkosten je Stelle': 9082,
    'Tarifsteigerung p.a.': '2,5 %',
  },
  stellen: [
    {
      'Stellen-Nr.': 'S-01',
      Dezernat: 'Dezernat I',
      Organisationseinheit: 'Hauptamt',
      Bezeichnung: 'Sachbearbeitung Personal',
      Dienstverhältnis: 'Beschäftigte',
      Entgeltgruppe: 'E9a',
      Stufe: 3,
      Stellenanteil: 1,
      Besetzt: 'Ja',
      Haushaltsstelle: '1.1.01',
    },
    {
      'Stellen-Nr.': 'S-02',
      Dezernat: 'Dezernat I',
      Organisationseinheit: 'Hauptamt',
      Bezeichnung: 'Amtsleitung (Beamtin)',
      Dienstverhältnis: 'Beamte',
      Entgeltgruppe: 'A 13',
      Stufe: 5,
      Stellenanteil: 1,
      Besetzt: 'Ja',
      Haushaltsstelle: '1.1.01',
    },
    {
      'Stellen-Nr.': 'S-03',
      Dezernat: 'Dezernat I',
      Organisationseinheit: 'Bürgerbüro',
      Bezeichnung: 'Bürgerbüro, frei',
      Dienstverhältnis: 'Beschäftigte',
      Entgeltgruppe: 'E8',
      Stufe: 2,
      Stellenanteil: 0.5,
      Besetzt: 'Nein',
      Haushaltsstelle: '1.1.02',
    },
    {
      'Stellen-Nr.': 'S-04',
      Dezernat: 'Dezernat II',
      Organisationseinheit: 'Bauhof',
      Bezeichnung: 'Bauhof, kw',
      Dienstverhältnis: 'Beschäftigte',
      Entgeltgruppe: 'E5',
      Stufe: 4,
      Stellenanteil: 1,
      Besetzt: 'Ja',
      Vermerk: 'kw',
      Ende: '2029-06-30',
      Haushaltsstelle: '5.4.01',
    },
    {
      'Stellen-Nr.': 'S-05',
      Dezernat: 'Dezernat II',
      Organisationseinheit: 'Soziales',
      Bezeichnung: 'Geplante Stelle Schulsozialarbeit',
      Dienstverhältnis: 'Beschäftigte',
      Entgeltgruppe: 'E 9b',
      Stufe: 1,
      Stellenanteil: '0,75',
      Besetzt: 'Nein',
      Beginn: '2027-04-15',
      Haushaltsstelle: '3.6.01',
    },
    {
      'Stellen-Nr.': 'S-06',
      Dezernat: 'Dezernat II',
      Organisationseinheit: 'Soziales',
      Bezeichnung: 'Fachberatung',
      Dienstverhältnis: 'Beschäftigte',
      Entgeltgruppe: 'E11',
      Stufe: 2,
      Stellenanteil: 1,
      Besetzt: 'Ja',
      Haushaltsstelle: '3.6.01',
    },
    {
      'Stellen-Nr.': 'S-07',
      Dezernat: 'Dezernat II',
      Organisationseinheit: 'Soziales',
      Bezeichnung: 'Sachbearbeitung Teilzeit',
      Dienstverhältnis: 'Beschäftigte',
      Entgeltgruppe: 'E9c',
      Stufe: 4,
      Stellenanteil: 0.75,
      Besetzt: 'Ja',
      Haushaltsstelle: '3.6.01',
    },
    {
      'Stellen-Nr.': 'S-08',
      Dezernat: 'Dezernat I',
      Organisationseinheit: 'Hauptamt',
      Bezeichnung: 'Registratur (entfällt)',
      Dienstverhältnis: 'Beschäftigte',
      Entgeltgruppe: 'E6',
      Stufe: 5,
      Stellenanteil: 1,
      Besetzt: 'Nein',
      Haushaltsstelle: '1.1.01',
    },
    {
      'Stellen-Nr.': 'S-09',
      Dezernat: 'Dezernat I',
      Organisationseinheit: 'Hauptamt',
      Bezeichnung: 'IT-Koordination',
      Dienstverhältnis: 'Beschäftigte',
      Entgeltgruppe: 'E11',
      Stufe: 4,
      Stellenanteil: 1,
      Besetzt: 'Ja',
      Haushaltsstelle: '1.1.01',
    },
    {
      'Stellen-Nr.': 'S-10',
      Dezernat: 'Dezernat I',
      Organisationseinheit: 'Ordnungsamt',
      Bezeichnung: 'Ordnungsamt (Beamter, Teilzeit)',
      Dienstverhältnis: 'Beamte',
      Entgeltgruppe: 'A 9',
      Stufe: 3,
      Stellenanteil: 0.6,
      Besetzt: 'Nein',
      Beginn: '2028-03-15',
      Ende: '2030-10-20',
      Haushaltsstelle: '1.2.01',
    },
    {
      'Stellen-Nr.': 'S-11',
      Dezernat: 'Dezernat I',
      Organisationseinheit: 'Ordnungsamt',
      Bezeichnung: 'Ordnungsamt, Stellenwegfall mit Betrag',
      Dienstverhältnis: 'Beschäftigte',
      Entgeltgruppe: 'E7',
      Stufe: 3,
      Stellenanteil: 1,
      Besetzt: 'Ja',
      Vermerk: 'kw 31.12.2027',
      Haushaltsstelle: '1.2.01',
    },
  ],
  massnahmen: [
    {
      'Maßnahme-Nr.': 'X-01',
      Bezeichnung: 'Neue Stelle Digitalisierung ab 15.03.',
      Art: 'Neue Stelle',
      'Stellen-Nr.': 'N-01',
      Organisationseinheit: 'Hauptamt',
      Entgeltgruppe: 'E9b',
      Stufe: 2,
      Stellenanteil: 1,
      Beginn: '2027-03-15',
      Ende: '2029-12-31',
      Planansatz: 80000,
      Haushaltsstelle: '1.1.01',
      Szenario: 'Basis',
      Auflagen: 'Stellenbeschreibung an den HFW',
    },
    {
      'Maßnahme-Nr.': 'X-02',
      Bezeichnung: 'Neue Beamtenstelle A 11',
      Art: 'Neue Stelle',
      'Stellen-Nr.': 'N-02',
      Organisationseinheit: 'Ordnungsamt',
      Entgeltgruppe: 'A 11',
      Stufe: 3,
      Stellenanteil: 0.8,
      Beginn: '2028-01-01',
      Planansatz: 75000,
      Haushaltsstelle: '1.2.01',
    },
    {
      'Maßnahme-Nr.': 'X-03',
      Bezeichnung: 'Registratur entfällt',
      Art: 'Stelle streichen',
      'Stellen-Nr.': 'S-08',
      Beginn: '2027-07-01',
    },
    {
      'Maßnahme-Nr.': 'X-04',
      Bezeichnung: 'Aufstockung auf Vollzeit',
      Art: 'Stellenanteil ändern',
      'Stellen-Nr.': 'S-07',
      Stellenanteil: 1,
      Beginn: '2028-03-15',
    },
    {
      'Maßnahme-Nr.': 'X-05',
      Bezeichnung: 'Höhergruppierung Fachberatung',
      Art: 'Höhergruppierung',
      'Stellen-Nr.': 'S-06',
      Entgeltgruppe: 'E12',
      Stufe: 2,
      Beginn: '2027-10-01',
    },
    {
      'Maßnahme-Nr.': 'X-06',
      Bezeichnung: 'Umsetzung IT-Koordination',
      Art: 'Umsetzung',
      'Stellen-Nr.': 'S-09',
      Organisationseinheit: 'Amt für Digitalisierung',
      Beginn: '2027-05-01',
    },
    {
      'Maßnahme-Nr.': 'X-07',
      Bezeichnung: 'Softwarelizenzen Fachverfahren',
      Art: 'Sachaufwand',
      Beginn: '2027-03-15',
      Planansatz: 12345.67,
      Haushaltsstelle: '1.1.01.4431',
    },
    // numbered like council papers: "1.1" and "1.10" are different measures, not the number 1.1 twice
    {
      'Maßnahme-Nr.': '1.1',
      Bezeichnung: 'Fortbildung Digitalisierung',
      Art: 'Sachaufwand',
      Beginn: '2027-01-01',
      Planansatz: 5000,
      Haushaltsstelle: '1.1.01.4433',
    },
    {
      'Maßnahme-Nr.': '1.10',
      Bezeichnung: 'Fachliteratur',
      Art: 'Sachaufwand',
      Beginn: '2027-01-01',
      Planansatz: 800,
      Haushaltsstelle: '1.1.01.4433',
    },
    {
      'Maßnahme-Nr.': 'X-08',
      Bezeichnung: 'Variante: Stelle Informationssicherheit',
      Art: 'Neue Stelle',
      'Stellen-Nr.': 'N-03',
      Entgeltgruppe: 'E11',
      Stufe: 1,
      Stellenanteil: 0.5,
      Beginn: '2027-08-16',
      Planansatz: 45000,
      Szenario: 'Variante Sicherheit',
      Status: 'Entwurf',
    },
  ],
  deckung: [
    {
      'Maßnahme-Nr.': 'X-01',
      Quelle: 'Bürgerbüro wird nicht nachbesetzt',
      Art: 'Nichtbesetzung',
      'Stellen-Nr.': 'S-03',
    },
    {
      'Maßnahme-Nr.': 'X-01',
      Quelle: 'Verzicht Schulsozialarbeit',
      Art: 'Verzicht auf geplante Stelle',
      'Stellen-Nr.': 'S-05',
    },
    {
      'Maßnahme-Nr.': 'X-01',
      Quelle: 'Mehrertrag Gebühren Online-Dienste',
      Art: 'Mehrertrag',
      Haushaltsstelle: '1.1.01.3320',
      Betrag: 20000,
      Beginn: '2027-07-01',
    },
    {
      'Maßnahme-Nr.': 'X-02',
      Quelle: 'Bauhofstelle fällt weg (kw)',
      Art: 'Stellenwegfall',
      'Stellen-Nr.': 'S-04',
    },
    {
      'Maßnahme-Nr.': 'X-02',
      Quelle: 'Minderaufwand Beratung',
      Art: 'Minderaufwand',
      Haushaltsstelle: '1.1.01.4430',
      Betrag: 50000.01,
    },
    {
      'Maßnahme-Nr.': 'X-04',
      Quelle: 'Minderaufwand Aushilfen',
      Art: 'Minderaufwand',
      Haushaltsstelle: '1.1.01.4430',
      Betrag: 15000,
      Beginn: '2028-03-15',
    },
    {
      'Maßnahme-Nr.': 'X-05',
      Quelle: 'Stellenwegfall Ordnungsamt, anteilig',
      Art: 'Stellenwegfall',
      'Stellen-Nr.': 'S-11',
      Betrag: 7777.77,
      Beginn: '2027-10-01',
    },
    {
      'Maßnahme-Nr.': 'X-07',
      Quelle: 'Minderaufwand Druckkosten',
      Art: 'Minderaufwand',
      Haushaltsstelle: '1.1.01.4432',
      Betrag: 12345.67,
      Beginn: '2027-03-15',
      Ende: '2029-12-31',
    },
    {
      'Maßnahme-Nr.': 'X-07',
      Quelle: 'Schulausstattung (geschützt)',
      Art: 'Minderaufwand',
      Haushaltsstelle: '2.1.40.4200',
      Betrag: 1000,
    },
    {
      'Maßnahme-Nr.': '1.1',
      Quelle: 'Minderaufwand Reisekosten',
      Art: 'Minderaufwand',
      Haushaltsstelle: '1.1.01.4430',
      Betrag: 5000,
    },
    { 'Maßnahme-Nr.': '1.10', Quelle: 'Mehrertrag Verkauf Altbestand', Art: 'Mehrertrag', Betrag: 800 },
    {
      'Maßnahme-Nr.': 'X-08',
      Quelle: 'Beamtenstelle Ordnungsamt wird nicht besetzt',
      Art: 'Nichtbesetzung',
      'Stellen-Nr.': 'S-10',
    },
  ],
  planansaetze: planYears.flatMap((y) => [
    {
      Haushaltsstelle: '1.1.01.4430',
      Bezeichnung: 'Beratung',
      Jahr: y,
      Ansatz: 120000,
      Geschützt: 'Nein',
      Art: 'Sachaufwand',
    },
    {
      Haushaltsstelle: '1.1.01.4432',
      Bezeichnung: 'Druckkosten',
      Jahr: y,
      Ansatz: 20000,
      Geschützt: 'Nein',
      Art: 'Sachaufwand',
    },
    {
      Haushaltsstelle: '2.1.40.4200',
      Bezeichnung: 'Ausstattung Schulen (IT)',
      Jahr: y,
      Ansatz: 850000,
      Geschützt: 'Ja',
      Art: 'Sachaufwand',
    },
  ]),
};

/** A small, clean plan: a new position covered by a vacant one and a budget line. */
export const CLEAN: TemplateData = {
  stellen: [
    {
      'Stellen-Nr.': '1.01',
      Organisationseinheit: 'FB1',
      Bezeichnung: 'Leitung',
      Dienstverhältnis: 'Beschäftigte',
      Entgeltgruppe: 'E13',
      Stufe: 4,
      Stellenanteil: 1,
      Besetzt: 'Ja',
      Haushaltsstelle: '1.1',
    },
    {
      'Stellen-Nr.': '1.02',
      Organisationseinheit: 'FB1',
      Bezeichnung: 'Sachbearbeitung (frei)',
      Dienstverhältnis: 'Beschäftigte',
      Entgeltgruppe: 'E9b',
      Stufe: 3,
      Stellenanteil: 1,
      Besetzt: 'Nein',
      Haushaltsstelle: '1.1',
    },
    {
      'Stellen-Nr.': '1.03',
      Organisationseinheit: 'FB1',
      Bezeichnung: 'Bürgerbüro',
      Dienstverhältnis: 'Beschäftigte',
      Entgeltgruppe: 'E8',
      Stufe: 2,
      Stellenanteil: 0.5,
      Besetzt: 'Ja',
      Haushaltsstelle: '1.1',
    },
  ],
  massnahmen: [
    {
      'Maßnahme-Nr.': 'M-1',
      Bezeichnung: 'Neue Stelle Digitalisierung',
      Art: 'Neue Stelle',
      'Stellen-Nr.': '1.20',
      Organisationseinheit: 'FB1',
      Entgeltgruppe: 'E9b',
      Stufe: 3,
      Stellenanteil: 1,
      Beginn: '2027-01-01',
      Ende: '2028-12-31',
      Planansatz: 70000,
    },
  ],
  deckung: [
    {
      'Maßnahme-Nr.': 'M-1',
      Quelle: 'Sachbearbeitung wird nicht besetzt',
      Art: 'Nichtbesetzung',
      'Stellen-Nr.': '1.02',
    },
    {
      'Maßnahme-Nr.': 'M-1',
      Quelle: 'Minderaufwand Beratung',
      Art: 'Minderaufwand',
      Haushaltsstelle: '1.1.4430',
      Betrag: 5000,
    },
  ],
  planansaetze: [
    ...[2027, 2028, 2029, 2030, 2031].map((y) => ({
      Haushaltsstelle: '1.1.4430',
      Bezeichnung: 'Beratung',
      Jahr: y,
      Ansatz: 50000,
      Geschützt: 'Nein',
    })),
    // the positions' own line: a position given up as cover must be budgeted (DESIGN.md v2, COVER_UNFUNDED)
    ...[2027, 2028, 2029, 2030, 2031].map((y) => ({
      Haushaltsstelle: '1.1',
      Bezeichnung: 'FB1 – Personalaufwand',
      Jahr: y,
      Ansatz: 400000,
      Geschützt: 'Nein',
      Art: 'Personalaufwand',
    })),
  ],
};

/**
 * A workbook as people really type it: grades in lower case or with a space, Stufe and share as text,
 * dates as "TT.MM.JJJJ" text or with a time of day, a parameter given twice, an implausible rate the engine
 * replaces by its default, a share outside 0…1, an undated and a rejected measure, a saving (negative
 * Sachaufwand). Errors are expected; the formulas must still give the engine's numbers.
 */
export async function writeMessyWorkbook(dir: string, name: string): Promise<string> {
  const data: TemplateData = {
    parameter: { Jahressonderzahlung: 0.9, Zusatzversorgung: '7,5 %' },
    stellen: [
      {
        'Stellen-Nr.': 'U-01',
        Bezeichnung: 'klein geschrieben',
        Entgeltgruppe: 'e9b',
        Stufe: '3',
        Stellenanteil: '0,5',
        Besetzt: 'ja',
        Beginn: '15.03.2027',
      },
      {
        'Stellen-Nr.': 'U-02',
        Bezeichnung: 'mit Leerzeichen',
        Entgeltgruppe: 'E 11',
        Stufe: 2,
        Stellenanteil: 1.5,
        Besetzt: 'Nein',
        Ende: '20.10.2027',
      },
      {
        'Stellen-Nr.': 'U-03',
        Bezeichnung: 'Beamter, Anteil als Prozent',
        Dienstverhältnis: 'Beamte',
        Entgeltgruppe: 'a9',
        Stufe: 4,
        Stellenanteil: '80 %',
        Besetzt: 'Ja',
      },
      {
        'Stellen-Nr.': 'U-04',
        Bezeichnung: 'Beginn mit Uhrzeit',
        Entgeltgruppe: 'E6',
        Stufe: 3,
        Stellenanteil: 1,
        Besetzt: 'Nein',
        Beginn: '2027-06-10',
      },
      {
        'Stellen-Nr.': 'U-05',
        Bezeichnung: 'unbekannte Gruppe',
        Entgeltgruppe: 'E20',
        Stufe: 1,
        Besetzt: 'Nein',
      },
      {
        'Stellen-Nr.': 'U-06',
        Bezeichnung: 'ohne Anteil',
        Entgeltgruppe: 'E5',
        Stufe: 1,
        Besetzt: 'Nein',
        Ende: '2027-02-28',
      },
    ],
    massnahmen: [
      {
        'Maßnahme-Nr.': 'U-M1',
        Bezeichnung: 'Neue Stelle klein geschrieben',
        Art: 'Neue Stelle',
        'Stellen-Nr.': 'U-20',
        Entgeltgruppe: 'e 9a',
        Stufe: '2',
        Stellenanteil: '0,75',
        Beginn: '01.04.2027',
        Ende: '30.09.2029',
      },
      {
        'Maßnahme-Nr.': 'U-M2',
        Bezeichnung: 'Termin offen',
        Art: 'Umsetzung',
        'Stellen-Nr.': 'U-01',
        Beginn: 'Termin offen',
      },
      {
        'Maßnahme-Nr.': 'U-M3',
        Bezeichnung: 'abgelehnt',
        Art: 'Neue Stelle',
        'Stellen-Nr.': 'U-21',
        Entgeltgruppe: 'E15',
        Stufe: 6,
        Beginn: '2027-01-01',
        Status: 'abgelehnt',
      },
      {
        'Maßnahme-Nr.': 'U-M4',
        Bezeichnung: 'Einsparung Porto',
        Art: 'Sachaufwand',
        Planansatz: -4321.09,
        Beginn: '2027-02-14',
      },
      // a different measure whose number differs only in case: sums must not mix the two
      {
        'Maßnahme-Nr.': 'u-m4',
        Bezeichnung: 'Einsparung Papier',
        Art: 'Sachaufwand',
        Planansatz: -1000,
        Beginn: '2027-01-01',
      },
      {
        'Maßnahme-Nr.': 'U-M5',
        Bezeichnung: 'Höhergruppierung Beamter',
        Art: 'Höhergruppierung',
        'Stellen-Nr.': 'U-03',
        Entgeltgruppe: 'A 11',
        Beginn: '2028-07-17',
      },
    ],
    deckung: [
      {
        'Maßnahme-Nr.': 'U-M1',
        Quelle: 'freie Stelle',
        Art: 'Nichtbesetzung',
        'Stellen-Nr.': 'U-02',
        Beginn: '2027-04-01',
      },
      {
        'Maßnahme-Nr.': 'U-M1',
        Quelle: 'Mehrertrag',
        Art: 'Mehrertrag',
        Betrag: 33333.33,
        Beginn: '01.04.2027',
        Ende: '30.09.2029',
      },
      { 'Maßnahme-Nr.': 'U-M5', Quelle: 'Mehrertrag Gebühren', Art: 'Mehrertrag', Betrag: 9999.99 },
      // half a year of an odd-cent amount lands exactly on half a cent: 16.666,665 → 16.666,67; 1,005 → 1,01
      {
        'Maßnahme-Nr.': 'U-M5',
        Quelle: 'Mehrertrag Mieten',
        Art: 'Mehrertrag',
        Betrag: 33333.33,
        Beginn: '2027-07-01',
        Ende: '2027-12-31',
      },
      {
        'Maßnahme-Nr.': 'U-M5',
        Quelle: 'Mehrertrag Kleinbetrag',
        Art: 'Mehrertrag',
        Betrag: 2.01,
        Beginn: '2028-01-01',
        Ende: '2028-06-30',
      },
      {
        'Maßnahme-Nr.': 'U-M5',
        Quelle: 'Mehrertrag Kleinbetrag 2',
        Art: 'Mehrertrag',
        Betrag: 0.09,
        Beginn: '2029-07-01',
        Ende: '2029-12-31',
      },
    ],
  };
  const file = await writeWorkbook(dir, name, data, { besoldung: BESOLDUNG });
  const wb = await loadExcel(file);
  const stellen = wb.getWorksheet('Stellen')!;
  // 10.06.2027 at 18:00, as a date-time cell
  stellen.getCell('K5').value = new Date(Date.UTC(2027, 5, 10, 18, 0, 0));
  stellen.getCell('K5').numFmt = 'dd.mm.yyyy hh:mm';
  // a pay table header pasted from a web page: "Stufe" and the number joined by a no-break space
  wb.getWorksheet('Entgelttabelle')!.getCell('D1').value = 'Stufe\u00a03';
  const parameter = wb.getWorksheet('Parameter')!;
  parameter.eachRow((row) => {
    // "3" meant as 3 %: implausible as a rate, the engine keeps its default 0,03
    if (row.getCell(1).value === 'Tarifsteigerung p.a.') row.getCell(2).value = 3;
  });
  // the same parameter twice: the later row wins
  parameter.addRow(['AG-Anteil Sozialversicherung', 0.2, 'zweite Zeile, gilt']);
  return saveExcel(wb, file);
}
