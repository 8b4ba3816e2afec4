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

/**
 * When LibreOffice recalculates the formulas of a loaded .xlsx/.ods: "always" (what the tests need – a
 * cached result must never pass for LibreOffice's own), or "never" (load and save only: the benchmarks
 * use it to tell recalculation from reading and writing a large file).
 */
export type RecalcMode = 'always' | 'never';
const RECALC_VALUE: Record<RecalcMode, number> = { always: 0, never: 1 };

const profileXcu = (mode: RecalcMode) => `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>${RECALC_VALUE[mode]}</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>${RECALC_VALUE[mode]}</value></prop></item>
</oor:items>
`;

/**
 * A private LibreOffice profile in `dir` with the given recalculation mode: created on first use; a profile
 * LibreOffice has already used is kept as it is (it rewrites the settings file on exit, and starts faster
 * the second time), after checking it still has the mode asked for.
 */
export async function ensureProfile(dir: string, mode: RecalcMode): Promise<void> {
  const xcu = path.join(dir, 'user', 'registrymodifications.xcu');
  const text = await fs.readFile(xcu, 'utf8').catch(() => undefined);
  if (text === undefined) {
    await fs.mkdir(path.dirname(xcu), { recursive: true });
    await fs.writeFile(xcu, profileXcu(mode));
    return;
  }
  const found = /OOXMLRecalcMode"[^>]*><value>(\d)</.exec(text)?.[1];
  if (found !== String(RECALC_VALUE[mode]))
    throw new Error(
      `LibreOffice-Profil ${dir}: Neuberechnung ist nicht „${mode}“ (gefunden: ${found ?? 'keine'}).`,
    );
}

export interface ConvertOptions {
  /** Recalculation on load; default "always". */
  mode?: RecalcMode;
  /**
   * A profile folder to use and keep (see ensureProfile); without one, a fresh profile is made next to
   * `outDir` and removed afterwards, so that parallel test workers do not clash.
   */
  profile?: string;
  timeoutMs?: number;
}

/**
 * CPU milliseconds of this process's finished children (Linux /proc, 100 ticks a second), or undefined
 * elsewhere: LibreOffice's own work, which a loaded shared machine stretches far less than the wall clock.
 */
async function childrenCpuMs(): Promise<number | undefined> {
  const stat = await fs.readFile('/proc/self/stat', 'utf8').catch(() => undefined);
  if (!stat) return undefined;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields from "state" on: cutime and cstime are the 16th and 17th of the whole line
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

/**
 * LibreOffice headless converting .xlsx files to .xlsx in ONE soffice run (start-up is the slow part):
 * load, recalculate per `mode`, save. Returns the converted file for each input, in order, the
 * wall-clock milliseconds of the soffice run and, on Linux, its CPU milliseconds.
 */
export async function convertXlsx(
  files: string[],
  outDir: string,
  options: ConvertOptions = {},
): Promise<{ files: string[]; ms: number; cpuMs?: number }> {
  const soffice = sofficePath();
  if (files.some((f) => path.resolve(path.dirname(f)) === path.resolve(outDir)))
    throw new Error(
      'convertXlsx: outDir muss ein anderer Ordner als der der Eingaben sein (soffice überschriebe sie).',
    );
  if (new Set(files.map((f) => path.basename(f))).size !== files.length)
    throw new Error('convertXlsx: die Dateinamen müssen verschieden sein (ein Ausgabeordner für alle).');
  const mode = options.mode ?? 'always';
  const profile = options.profile ?? path.join(path.dirname(outDir), `lo-test-${process.pid}-${Date.now()}`);
  await ensureProfile(profile, mode);
  await fs.mkdir(outDir, { recursive: true });
  const out = files.map((f) => path.join(outDir, path.basename(f)));
  // soffice exits 0 even when it wrote nothing: an old output must not pass for a new one
  await Promise.all(out.map((f) => fs.rm(f, { force: true })));
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
  const cpuBefore = await childrenCpuMs();
  const started = performance.now();
  const output = await new Promise<string>((resolve, reject) => {
    execFile(soffice, args, { timeout: options.timeoutMs ?? 90_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`soffice ist gescheitert (${error.message}):\n${stdout}\n${stderr}`));
      else resolve(`${stdout}\n${stderr}`);
    });
  });
  const ms = performance.now() - started;
  const cpuAfter = await childrenCpuMs();
  const cpuMs = cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore;
  if (!options.profile) await fs.rm(profile, { recursive: true, force: true });
  for (const f of out) {
    try {
      await fs.access(f);
    } catch {
      throw new Error(`soffice hat ${f} nicht geschrieben. Ausgabe:\n${output}`);
    }
  }
  return { files: out, ms, ...(cpuMs === undefined ? {} : { cpuMs }) };
}

/** The tests' use: convert with recalculation "always" and a fresh private profile. */
export async function recalculate(files: string[], outDir: string, timeoutMs = 90_000): Promise<string[]> {
  return (await convertXlsx(files, outDir, { mode: 'always', timeoutMs })).files;
}
