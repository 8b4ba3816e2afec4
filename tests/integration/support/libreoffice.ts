import { execFile, execFileSync } from 'child_process';
import { promises as fs } from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import ExcelJS from 'exceljs';

/**
 * LibreOffice headless as the independent spreadsheet engine (DESIGN.md principle 4). The suite fails,
 * never skips, when `soffice` is missing: CI installs it (.ci/run).
 */

let found: string | undefined;

export function sofficePath(): string {
  if (found) return found;
  const candidates = [process.env.SOFFICE, 'soffice', 'libreoffice'].filter((c): c is string => Boolean(c));
  for (const c of candidates) {
    try {
      execFileSync(c, ['--version'], { stdio: 'pipe', timeout: 60_000 });
      return (found = c);
    } catch {
      // try the next name
    }
  }
  throw new Error(
    'LibreOffice (soffice) wurde nicht gefunden: die Integrationstests brauchen es, um die Formeln nachzurechnen. ' +
      'Installieren: apt-get install libreoffice-calc-nogui (oder SOFFICE=/pfad/zu/soffice setzen).',
  );
}

/** A formula result that no honest recalculation produces: proves the value came from LibreOffice. */
export const STALE_RESULT = -987654.32;

/**
 * Replaces every cached formula result by STALE_RESULT, so that a value read after conversion can only
 * have been computed by LibreOffice. Returns the number of formulas.
 */
export async function poisonCachedResults(from: string, to: string): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(from);
  let formulas = 0;
  wb.eachSheet((ws) =>
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value as ExcelJS.CellFormulaValue | null;
        if (v && typeof v === 'object' && 'formula' in v) {
          cell.value = { formula: v.formula, result: STALE_RESULT };
          formulas++;
        }
      }),
    ),
  );
  await wb.xlsx.writeFile(to);
  return formulas;
}

/** LibreOffice keeps cached results of .xlsx files unless told to recalculate on load: "always". */
const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * Converts several files in ONE soffice run (start-up is the slow part) with a private profile, so that
 * parallel test workers do not clash. Returns the converted file for each input, in order.
 */
export async function recalculate(files: string[], outDir: string, timeoutMs = 90_000): Promise<string[]> {
  const soffice = sofficePath();
  if (files.some((f) => path.resolve(path.dirname(f)) === path.resolve(outDir)))
    throw new Error(
      'recalculate: outDir muss ein anderer Ordner als der der Eingaben sein (soffice überschriebe sie).',
    );
  if (new Set(files.map((f) => path.basename(f))).size !== files.length)
    throw new Error('recalculate: die Dateinamen müssen verschieden sein (ein Ausgabeordner für alle).');
  const profile = path.join(path.dirname(outDir), `lo-test-${process.pid}-${Date.now()}`);
  await fs.mkdir(path.join(profile, 'user'), { recursive: true });
  await fs.writeFile(path.join(profile, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
  await fs.mkdir(outDir, { recursive: true });
  const args = [
    `-env:UserInstallation=${pathToFileURL(profile).href}`,
    '--headless',
    '--norestore',
    '--calc',
    '--convert-to',
    'xlsx',
    '--outdir',
    outDir,
    ...files,
  ];
  const output = await new Promise<string>((resolve, reject) => {
    execFile(soffice, args, { timeout: timeoutMs }, (error, stdout, stderr) => {
      if (error) reject(new Error(`soffice ist gescheitert (${error.message}):\n${stdout}\n${stderr}`));
      else resolve(`${stdout}\n${stderr}`);
    });
  });
  await fs.rm(profile, { recursive: true, force: true });
  const out = files.map((f) => path.join(outDir, path.basename(f)));
  for (const f of out) {
    try {
      await fs.access(f);
    } catch {
      throw new Error(`soffice hat ${f} nicht geschrieben. Ausgabe:\n${output}`);
    }
  }
  return out;
}
