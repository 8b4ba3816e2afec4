import { execFile } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { GeneratedSheet, SheetCell, WriteBatch } from '../workbook/port';
import { SHEETS } from '../workbook/schema';
import type ExcelJS from 'exceljs';
import { XlsxWorkbook } from '../xlsx/xlsx-workbook';
import { D } from '../domain/money';
import { balanceChart, balanceChartSvg } from '../workbook/balance-chart';
import { svgToPng } from './chart-png';
import { findSoffice } from './soffice';

/** The committee papers, in the order a reader expects them. */
const PAPERS: string[] = [
  SHEETS.uebersicht,
  SHEETS.szenarien,
  SHEETS.stellenplan,
  SHEETS.vorlage,
  SHEETS.pruefung,
  SHEETS.nachtrag,
];

/** A printable copy: formulas become their values, links plain text (the PDF holds only these sheets). */
function printable(sheet: GeneratedSheet): GeneratedSheet {
  const cell = (c: SheetCell | null): SheetCell | null =>
    !c ? c : c.f !== undefined ? { v: c.r ?? null, s: c.s } : c.link ? { v: c.v, s: c.s } : c;
  return { ...sheet, rows: sheet.rows.map((r) => (r ? r.map(cell) : r)) };
}

/** The balance chart under the Szenarien table: the shared chart definition, rendered to PNG. */
function addChart(book: XlsxWorkbook, chart: ChartData): void {
  const ws = book.workbook.getWorksheet(SHEETS.szenarien);
  if (!ws) return;
  const definition = balanceChart({
    title: 'Saldo (Deckung − Kosten) je Planjahr und Szenario',
    years: chart.years,
    series: chart.scenarios.map((s) => ({ name: s.name, values: s.balance.map((v) => new D(v)) })),
    width: 900,
    height: 330,
  });
  const png = svgToPng(balanceChartSvg(definition));
  const id = book.workbook.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' });
  const top = ws.rowCount + 1;
  ws.addImage(id, { tl: { col: 0, row: top }, ext: { width: definition.width, height: definition.height } });
}

/**
 * A private LibreOffice profile whose locale is de-DE: number formats without a locale tag and the
 * page fields print German whatever LANG the caller has (no system locale needs to be generated).
 */
async function germanProfile(dir: string): Promise<string> {
  const user = path.join(dir, 'profil', 'user');
  await fs.mkdir(user, { recursive: true });
  await fs.writeFile(
    path.join(user, 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>de-DE</value></prop></item>
</oor:items>
`,
  );
  return pathToFileURL(path.join(dir, 'profil')).href;
}

function run(cmd: string, args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { timeout: 180_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 127) : 0;
      resolve({ code, out: `${stdout}${stderr}` });
    });
  });
}

export class PdfUnavailableError extends Error {
  constructor(
    message: string,
    readonly messageEn: string,
  ) {
    super(message);
  }
}

/**
 * Writes `pdfFile` with the committee sheets of the report, converted by LibreOffice headless (which must be
 * installed: package libreoffice-calc-nogui). A private LibreOffice profile keeps it apart from a running one.
 */
export interface ChartData {
  years: number[];
  scenarios: { name: string; balance: number[] }[];
}

export async function writePdf(batch: WriteBatch, pdfFile: string, chart?: ChartData): Promise<void> {
  const sheets = PAPERS.map((name) => batch.sheets?.find((s) => s.name === name)).filter(
    (s): s is GeneratedSheet => !!s,
  );
  const book = XlsxWorkbook.create();
  await book.write({ sheets: sheets.map(printable) });
  if (chart) addChart(book, chart);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'stellenplan-pdf-'));
  try {
    const base = path.basename(pdfFile, path.extname(pdfFile));
    const xlsx = path.join(dir, `${base}.xlsx`);
    await fs.writeFile(xlsx, await book.toBuffer());
    const profile = await germanProfile(dir);
    const soffice = findSoffice();
    if (!soffice.program)
      throw new PdfUnavailableError(
        `STELLENPLAN_SOFFICE nennt „${soffice.badVariable}“, dort ist kein LibreOffice; die Arbeitsmappe ist geschrieben, das PDF nicht.`,
        `STELLENPLAN_SOFFICE names "${soffice.badVariable}", which is not LibreOffice; the workbook is written, the PDF is not.`,
      );
    const r = await run(soffice.program, [
      `-env:UserInstallation=${profile}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      xlsx,
    ]);
    const produced = path.join(dir, `${base}.pdf`);
    if (r.code === 127 || /ENOENT|not found/.test(r.out))
      throw new PdfUnavailableError(
        'Für --pdf wird LibreOffice gebraucht (Paket libreoffice-calc-nogui, unter Windows libreoffice.org; anderer Ort: STELLENPLAN_SOFFICE); die Arbeitsmappe ist geschrieben, das PDF nicht.',
        '--pdf needs LibreOffice (package libreoffice-calc-nogui, on Windows libreoffice.org; elsewhere: STELLENPLAN_SOFFICE); the workbook is written, the PDF is not.',
      );
    try {
      await fs.copyFile(produced, pdfFile);
    } catch {
      throw new PdfUnavailableError(
        `LibreOffice hat kein PDF erzeugt (Exit ${r.code}); die Arbeitsmappe ist geschrieben.`,
        `LibreOffice produced no PDF (exit ${r.code}); the workbook is written.`,
      );
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
