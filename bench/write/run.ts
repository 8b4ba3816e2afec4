import { execFile } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkCoverage } from '../../src/domain/coverage';
import { readWorkbookModel } from '../../src/workbook/read';
import { buildReport } from '../../src/workbook/report';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';
import { buildExcelPackage } from '../../tests/support/excel-package';
import { generate, toTemplateData } from '../engine/generate';
import { buildBenchWorkbook } from '../workbook/run';
import { log, machineInfo, round, summarise, type Timing } from '../common/stats';

/**
 * bench/write: what the writes that keep the package cost (issue #11). All figures from one run, as ratios:
 *  (a) `stellenplan report` on 10.000 positions (a child process: node start-up, read, check, write) against
 *      the bare ExcelJS load of the same file in a child process – the floor any reader pays;
 *  (b) `report` on 100.000 positions against (a): the ratio shows whether every step is linear or n log n
 *      (target ≤ 12), and its peak memory (target ≤ 2 GB);
 *  (c) the write alone (toBuffer after the report batch) of a 10.000-position workbook that carries the
 *      feature set of tests/support/excel-package.ts (chart, pivot, comments, …): the package patch against
 *      today's ExcelJS write of the whole workbook (which loses those parts).
 *
 * Run: npm run build:cli && node scripts/run-ts.js bench/write/run.ts [--no-100k]
 * Writes bench/results/write.json and bench/results/WRITE.md.
 */

const ROOT = path.join(__dirname, '..', '..');
const PROJECT = ROOT.includes(`${path.sep}node_modules${path.sep}`)
  ? ROOT.slice(0, ROOT.indexOf(`${path.sep}node_modules${path.sep}`))
  : ROOT;
const RESULTS = path.join(PROJECT, 'bench', 'results');
const MAIN = path.join(PROJECT, 'lib', 'cli', 'main.js');

/** A child node process running one command; wall time and peak memory (max RSS) of the child. */
function child(script: string): Promise<{ ms: number; maxRssMB: number; code: number }> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--max-old-space-size=4096', '-e', script],
      { timeout: 30 * 60_000, maxBuffer: 64 * 1024 * 1024 },
      (error, _stdout, stderr) => {
        const ms = performance.now() - start;
        const m = /@@(\{.*\})@@/.exec(stderr);
        if (!m)
          return reject(
            new Error(`Kindprozess ohne Ergebnis: ${error?.message ?? ''}\n${stderr.slice(-2000)}`),
          );
        const r = JSON.parse(m[1]) as { maxRSS: number; code: number };
        resolve({ ms, maxRssMB: round(r.maxRSS / 1024, 0), code: r.code });
      },
    );
  });
}

const done = (code: string) =>
  `process.stderr.write('@@' + JSON.stringify({ maxRSS: process.resourceUsage().maxRSS, code: ${code} }) + '@@')`;

function reportScript(file: string, out: string): string {
  const io = `{ out: () => {}, err: () => {}, progress: false, today: () => '2026-11-24', now: () => '24.11.2026, 10:00:00' }`;
  return `require(${JSON.stringify(MAIN)}).main(['report', ${JSON.stringify(file)}, '-o', ${JSON.stringify(out)}], ${io}).then((c) => { ${done('c')} })`;
}

function loadScript(file: string): string {
  return `const E = require(${JSON.stringify(require.resolve('exceljs', { paths: [PROJECT] }))}); const b = require('fs').readFileSync(${JSON.stringify(file)}); new E.Workbook().xlsx.load(b).then(() => { ${done('0')} })`;
}

async function timeChild(script: string, runs: number): Promise<Timing & { maxRssMB: number; code: number }> {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await child(script));
  return {
    ...summarise(results.map((r) => r.ms)),
    maxRssMB: Math.max(...results.map((r) => r.maxRssMB)),
    code: results[0].code,
  };
}

export interface WriteResult {
  machine: ReturnType<typeof machineInfo>;
  files: { positions: number; bytes: number }[];
  excelLoad10k: Timing & { maxRssMB: number };
  report10k: Timing & { maxRssMB: number; code: number };
  report100k?: Timing & { maxRssMB: number; code: number };
  ratios: { report10kVsLoad: number; report100kVs10k?: number };
  write10kFeatures: { positions: number; bytes: number; patch: Timing; excelJs: Timing; ratio: number };
}

export async function runWriteBench(options: { with100k: boolean }): Promise<WriteResult> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-write-'));
  try {
    log('bench/write: Arbeitsmappen bauen …');
    const file10k = path.join(dir, 'plan-10k.xlsx');
    await fs.writeFile(file10k, await buildBenchWorkbook(generate(1)));
    const files = [{ positions: 10_000, bytes: (await fs.stat(file10k)).size }];
    const file100k = path.join(dir, 'plan-100k.xlsx');
    if (options.with100k) {
      await fs.writeFile(file100k, await buildBenchWorkbook(generate(10)));
      files.push({ positions: 100_000, bytes: (await fs.stat(file100k)).size });
    }

    log('(a) ExcelJS-Laden und report, 10.000 Stellen, je 3 Läufe als Kindprozess …');
    const excelLoad10k = await timeChild(loadScript(file10k), 3);
    const report10k = await timeChild(reportScript(file10k, path.join(dir, 'bericht-10k.xlsx')), 3);
    let report100k: WriteResult['report100k'];
    if (options.with100k) {
      log('(b) report, 100.000 Stellen, 1 Lauf …');
      report100k = await timeChild(reportScript(file100k, path.join(dir, 'bericht-100k.xlsx')), 1);
    }

    log('(c) Schreiben einer 10.000-Stellen-Mappe mit Diagramm, Pivot, Kommentaren … (je 3 Läufe) …');
    const data = toTemplateData(generate(1));
    const built = buildExcelPackage({ data, userSheetNamed: 'Prüfung' });
    const prepared = async (legacy: boolean) => {
      const wb = await XlsxWorkbook.open(built.bytes);
      // today's write: the same workbook written whole by ExcelJS (as before the patch layer)
      if (legacy) (wb as unknown as { original?: Uint8Array }).original = undefined;
      const read = await readWorkbookModel(wb);
      await wb.write(buildReport(read, checkCoverage(read.model), { stand: '2026-11-24', lang: 'de' }));
      return wb;
    };
    const patchRuns: number[] = [];
    const excelRuns: number[] = [];
    for (let i = 0; i < 3; i++) {
      const a = await prepared(false);
      let t = performance.now();
      await a.toBuffer();
      patchRuns.push(performance.now() - t);
      const b = await prepared(true);
      t = performance.now();
      await b.toBuffer();
      excelRuns.push(performance.now() - t);
    }
    const patch = summarise(patchRuns);
    const excelJs = summarise(excelRuns);

    return {
      machine: machineInfo(),
      files,
      excelLoad10k,
      report10k,
      report100k,
      ratios: {
        report10kVsLoad: round(report10k.median / excelLoad10k.median, 2),
        report100kVs10k: report100k ? round(report100k.median / report10k.median, 2) : undefined,
      },
      write10kFeatures: {
        positions: 10_000,
        bytes: built.bytes.length,
        patch,
        excelJs,
        ratio: round(patch.median / excelJs.median, 2),
      },
    };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

function markdown(r: WriteResult): string {
  const s = (t: Timing) =>
    `${round(t.median / 1000, 2)} s (min ${round(t.min / 1000, 2)} s, ${t.runs.length} Läufe)`;
  return [
    '# Schreiben, das das Paket erhält (bench/write, Issue #11)',
    '',
    `Geschrieben von \`node scripts/run-ts.js bench/write/run.ts\` am ${r.machine.date} (${r.machine.cpus} CPUs, ${r.machine.cpuModel}, Node ${r.machine.node}, Last ${r.machine.loadAverage.join(' / ')}); Rohdaten in \`write.json\`. Alle Zahlen aus einem Lauf, als Verhältnis zu einer Basis desselben Laufs; die Maschine wird geteilt, die Mediane schwanken.`,
    '',
    '| Messung | Wert | Verhältnis | Ziel |',
    '| --- | --- | --- | --- |',
    `| ExcelJS lädt die Mappe mit 10.000 Stellen (Kindprozess, Basis) | ${s(r.excelLoad10k)}, ${r.excelLoad10k.maxRssMB} MB | 1 | – |`,
    `| \`report\` 10.000 Stellen (Kindprozess: Start, Lesen, Prüfen, Schreiben) | ${s(r.report10k)}, ${r.report10k.maxRssMB} MB | ${r.ratios.report10kVsLoad} × Laden | – |`,
    r.report100k
      ? `| \`report\` 100.000 Stellen | ${s(r.report100k)}, Spitze ${r.report100k.maxRssMB} MB | ${r.ratios.report100kVs10k} × report 10.000 | ≤ 12 ×, ≤ 2048 MB |`
      : '| `report` 100.000 Stellen | nicht gemessen (--no-100k) | | |',
    `| Schreiben (toBuffer) einer 10.000-Stellen-Mappe mit Diagramm, Pivot, Kommentaren …: Paket-Patch | ${s(r.write10kFeatures.patch)} | ${r.write10kFeatures.ratio} × ExcelJS | ≤ 1 × |`,
    `| … dieselbe Mappe, wie bisher ganz von ExcelJS geschrieben (verliert Diagramm, Pivot …) | ${s(r.write10kFeatures.excelJs)} | 1 | – |`,
    '',
  ].join('\n');
}

async function run(): Promise<void> {
  const result = await runWriteBench({ with100k: !process.argv.includes('--no-100k') });
  await fs.mkdir(RESULTS, { recursive: true });
  await fs.writeFile(path.join(RESULTS, 'write.json'), JSON.stringify(result, null, 2) + '\n');
  await fs.writeFile(path.join(RESULTS, 'WRITE.md'), markdown(result));
  process.stdout.write(markdown(result));
}

if (require.main === module || process.argv[1]?.endsWith(path.join('write', 'run.ts'))) void run();
