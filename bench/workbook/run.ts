import { execFile, spawn } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PROJECT, bundleCli } from '../common/cli-bundle';
import ExcelJS from 'exceljs';
import { openWorkbook } from '../../src/cli/files';
import { main, type Io } from '../../src/cli/main';
import { checkJson } from '../../src/cli/output';
import { checkCoverage } from '../../src/domain/coverage';
import { mapTables } from '../../src/workbook/read';
import type { GeneratedSheet, SheetCell } from '../../src/workbook/port';
import { BESOLDUNGSTABELLE, tableRequests } from '../../src/workbook/schema';
import { templateBatch } from '../../src/workbook/template';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';
import { generate, toTemplateData, type BenchData } from '../engine/generate';
import { log, mb, measureAsync, round, summarise, timeAsync, type Timing } from '../common/stats';
import { convertXlsx } from '../../tests/integration/support/libreoffice';

/**
 * bench/workbook: a 10.000-position workbook file, built with the product's own template.
 *  (a) bare ExcelJS load of the file (the floor: any reader of the file pays this),
 *  (b) `stellenplan check FILE --json` end to end, in-process via main() with a silent Io
 *      (file read, ExcelJS load, table reading, coverage check, JSON output); also spawned as a new
 *      node process, which adds node start-up and module loading,
 *  (c) LibreOffice headless converting the same file (load, recalculate, save) with a fresh profile,
 *      and, for information, the `report` output whose Jahreskosten column and sheets are formulas.
 *
 * Run alone: node --expose-gc scripts/run-ts.js bench/workbook/run.ts [--no-libreoffice]
 */

export interface WorkbookResult {
  file: {
    path: string;
    bytes: number;
    positions: number;
    measures: number;
    covers: number;
    planansaetze: number;
  };
  build: { ms: number };
  /** (a) new ExcelJS.Workbook().xlsx.load(buffer); the buffer is read from disk once, outside the timing. */
  excelLoad: Timing;
  /** (b) main(['check', FILE, '--json']) in this process; reads the file itself. */
  checkInProcess: Timing & { exitCode: number; jsonBytes: number };
  /** (b') node <bundled stellenplan> check FILE --json as a child process. */
  checkSpawned: Timing & { exitCode: number };
  /**
   * Where (b) spends its time: the steps of `check` called one by one, as main() does (medians of
   * separate runs, so they need not add up exactly to (b)).
   */
  phases: { open: Timing; readTables: Timing; mapTables: Timing; checkCoverage: Timing; json: Timing };
  /** (a') the bare ExcelJS load as a child process (node start-up, require('exceljs'), cold JIT): read (b') against it. */
  excelLoadSpawned: Timing;
  /** Node start-up alone (node -e ""), to read (b') against. */
  nodeStartup: Timing;
  libreoffice?: {
    version: string;
    /** First soffice run with the fresh profile (creates it), on a tiny file: not part of the timings. */
    profileInitMs: number;
    /** (c) the same file as (a) and (b). */
    convert: Timing;
    /** For information: the `report` output of the same file (formulas in Stellen and the generated sheets). */
    convertReport?: Timing & { reportBytes: number; reportMs: number };
  };
  /** b/a (target ≤ 1.5) and c/b (target ≥ 2: the check clearly faster than LibreOffice). */
  ratios: {
    checkToLoad: number;
    /** b'/a': both as fresh processes. */
    spawnedToSpawnedLoad: number;
    libreofficeToCheck?: number;
    /** c/b': LibreOffice against the check as a fresh process (what a user at the terminal waits for). */
    libreofficeToSpawnedCheck?: number;
    libreofficeReportToCheck?: number;
  };
  /** libreofficeToCheck: "clearly faster" read as LibreOffice taking at least twice as long. */
  targets: { checkToLoad: number; libreofficeToCheck: number };
  memory: { rssMB: number; heapUsedMB: number };
}

/** The template's Besoldungstabelle is empty on purpose; the benchmark's Beamte need figures. */
function besoldungSheet(data: BenchData): GeneratedSheet {
  const header: SheetCell[] = BESOLDUNGSTABELLE.columns.map((c) => ({ v: c.header, s: 'header' }));
  const rows: SheetCell[][] = data.besoldung.map(([grade, steps]) => [
    { v: grade },
    ...steps.map((v): SheetCell => ({ v, s: 'money' })),
  ]);
  return { name: BESOLDUNGSTABELLE.sheet, rows: [header, ...rows] };
}

export async function buildBenchWorkbook(data: BenchData): Promise<Uint8Array> {
  const batch = templateBatch(toTemplateData(data));
  batch.sheets = batch.sheets!.map((s) => (s.name === BESOLDUNGSTABELLE.sheet ? besoldungSheet(data) : s));
  const wb = XlsxWorkbook.create();
  await wb.write(batch);
  return wb.toBuffer();
}

type PhaseName = keyof WorkbookResult['phases'];

/** The steps of `stellenplan check --json`, timed one by one (src/cli/main.ts: load, check). */
async function phaseRun(file: string, into: Record<PhaseName, number[]>): Promise<void> {
  let t = performance.now();
  const lap = (name: PhaseName) => {
    const now = performance.now();
    into[name].push(now - t);
    t = now;
  };
  const workbook = await openWorkbook(file);
  lap('open');
  const tables = await workbook.readTables(tableRequests());
  lap('readTables');
  const read = mapTables(tables);
  lap('mapTables');
  const result = checkCoverage(read.model);
  lap('checkCoverage');
  const text = JSON.stringify(checkJson(read, result, [...read.findings, ...result.findings], 'de'), null, 2);
  lap('json');
  if (text.length === 0) throw new Error('empty JSON');
}

/** The command's output counted, not printed; a fixed date so that runs compare. */
export function silentIo(): Io & { bytes: number } {
  const io = {
    bytes: 0,
    out: (s: string) => {
      io.bytes += s.length;
    },
    err: () => undefined,
    progress: false,
    today: () => '2027-01-15',
    now: () => '15.01.2027, 10:00:00',
  };
  return io;
}

/** The stellenplan command bundled from the current sources (bin/stellenplan.js needs lib/, built separately). */
const bundleCurrentCli = () =>
  bundleCli(path.join(PROJECT, 'node_modules', '.cache', 'stellenplan-bench', 'stellenplan-cli.js'));

function run(
  command: string,
  args: string[],
  timeoutMs = 600_000,
  cwd?: string,
): Promise<{ code: number; ms: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, ms: performance.now() - t, stdout, stderr });
    });
  });
}

async function timeRuns(fn: () => Promise<number>, runs: number): Promise<Timing> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) out.push(await fn());
  return summarise(out);
}

/** LibreOffice keeps cached results of .xlsx files unless told to recalculate on load: "always". */
function sofficeVersion(): Promise<string | undefined> {
  return new Promise((resolve) =>
    execFile('soffice', ['--version'], { timeout: 60_000 }, (error, stdout) =>
      resolve(error ? undefined : stdout.trim()),
    ),
  );
}

async function libreoffice(
  file: string,
  reportFile: string | undefined,
  workDir: string,
  runs: number,
): Promise<WorkbookResult['libreoffice']> {
  const version = await sofficeVersion();
  if (!version) {
    log('workbook: soffice nicht gefunden – LibreOffice wird übersprungen');
    return undefined;
  }
  const profile = '/tmp/lo-bench';
  await fs.rm(profile, { recursive: true, force: true });
  const outDir = path.join(workDir, 'lo-out');
  const convert = async (input: string): Promise<number> =>
    (await convertXlsx([input], outDir, { mode: 'always', profile, timeoutMs: 600_000 })).ms;
  // a tiny workbook first: the fresh profile is created on the first start
  const tiny = path.join(workDir, 'tiny.xlsx');
  const wb = XlsxWorkbook.create();
  await wb.write(templateBatch());
  await fs.writeFile(tiny, await wb.toBuffer());
  log('workbook: LibreOffice – Profil anlegen …');
  const profileInitMs = await convert(tiny);
  log(`workbook: LibreOffice – ${runs}× dieselbe Datei …`);
  const same = await timeRuns(() => convert(file), runs);
  let convertReport: NonNullable<WorkbookResult['libreoffice']>['convertReport'];
  if (reportFile) {
    log('workbook: LibreOffice – Bericht (mit Formeln) …');
    const t = await timeRuns(() => convert(reportFile), 1);
    convertReport = { ...t, reportBytes: (await fs.stat(reportFile)).size, reportMs: 0 };
  }
  return { version, profileInitMs: round(profileInitMs), convert: same, convertReport };
}

export async function runWorkbookBench(
  options: { libreoffice?: boolean; loRuns?: number } = {},
): Promise<WorkbookResult> {
  const workDir = path.join(os.tmpdir(), 'stellenplan-bench');
  await fs.rm(workDir, { recursive: true, force: true });
  await fs.mkdir(workDir, { recursive: true });
  const file = path.join(workDir, 'stellenplan-10k.xlsx');

  log('workbook: Arbeitsmappe mit 10.000 Stellen erzeugen …');
  const data = generate(1);
  let t = performance.now();
  const bytes = await buildBenchWorkbook(data);
  const buildMs = performance.now() - t;
  await fs.writeFile(file, bytes);
  const buffer = await fs.readFile(file);
  const arrayBuffer = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength);

  // (a) and (b) interleaved, so that both see the same machine load
  log('workbook: (a) ExcelJS laden und (b) stellenplan check im Prozess, abwechselnd …');
  const loadRuns = { wall: [] as number[], cpu: [] as number[] };
  const checkRuns = { wall: [] as number[], cpu: [] as number[] };
  let exitCode = -1;
  let jsonBytes = 0;
  const load = () => new ExcelJS.Workbook().xlsx.load(arrayBuffer);
  const check = async () => {
    const io = silentIo();
    exitCode = await main(['check', file, '--json'], io);
    jsonBytes = io.bytes;
  };
  const record = (into: typeof loadRuns, m: { wall: number; cpu: number }) => {
    into.wall.push(m.wall);
    into.cpu.push(m.cpu);
  };
  await load(); // warm-up
  await check();
  const phaseRuns: Record<PhaseName, number[]> = {
    open: [],
    readTables: [],
    mapTables: [],
    checkCoverage: [],
    json: [],
  };
  await phaseRun(file, { open: [], readTables: [], mapTables: [], checkCoverage: [], json: [] }); // warm-up
  for (let i = 0; i < 5; i++) {
    record(loadRuns, await measureAsync(load));
    record(checkRuns, await measureAsync(check));
    await phaseRun(file, phaseRuns);
  }
  if (exitCode === 2) throw new Error('stellenplan check: Exit 2 – die Arbeitsmappe ist unbrauchbar?');
  const excelLoad = summarise(loadRuns.wall, loadRuns.cpu);
  const checkInProcess = { ...summarise(checkRuns.wall, checkRuns.cpu), exitCode, jsonBytes };
  const phases = {
    open: summarise(phaseRuns.open),
    readTables: summarise(phaseRuns.readTables),
    mapTables: summarise(phaseRuns.mapTables),
    checkCoverage: summarise(phaseRuns.checkCoverage),
    json: summarise(phaseRuns.json),
  };
  const memory = { rssMB: mb(process.memoryUsage().rss), heapUsedMB: mb(process.memoryUsage().heapUsed) };
  log(`workbook: (a) ${round(excelLoad.median)} ms, (b) ${round(checkInProcess.median)} ms`);
  log(
    `workbook: (b) Schritte: ${Object.entries(phases)
      .map(([k, v]) => `${k} ${round(v.median)} ms`)
      .join(', ')}`,
  );

  log('workbook: (b′) stellenplan check als eigener Prozess …');
  const cli = bundleCurrentCli();
  let spawnedExit = -1;
  const nodeStartup = await timeAsync(async () => run(process.execPath, ['-e', '']), 3, 1);
  const loadScript =
    "const E = require('exceljs'); new E.Workbook().xlsx.load(require('fs').readFileSync(process.argv[1]));";
  const excelLoadSpawned = await timeRuns(async () => {
    const r = await run(process.execPath, ['-e', loadScript, file], 600_000, PROJECT);
    if (r.code !== 0) throw new Error(`ExcelJS (Prozess): Exit ${r.code}\n${r.stderr}`);
    return r.ms;
  }, 3);
  const spawned = await timeRuns(async () => {
    const r = await run(process.execPath, [cli, 'check', file, '--json']);
    spawnedExit = r.code;
    if (r.code === 2) throw new Error(`stellenplan check (Prozess): Exit 2\n${r.stderr}`);
    return r.ms;
  }, 3);
  const checkSpawned = { ...spawned, exitCode: spawnedExit };
  log(
    `workbook: (b′) ${round(checkSpawned.median)} ms, (a′) ExcelJS allein ${round(excelLoadSpawned.median)} ms, node allein ${round(nodeStartup.median)} ms`,
  );

  let lo: WorkbookResult['libreoffice'];
  if (options.libreoffice !== false) {
    const reportFile = path.join(workDir, 'stellenplan-10k-bericht.xlsx');
    t = performance.now();
    const code = await main(['report', file, '-o', reportFile], silentIo());
    const reportMs = performance.now() - t;
    lo = await libreoffice(file, code === 0 ? reportFile : undefined, workDir, options.loRuns ?? 2);
    if (lo?.convertReport) lo.convertReport.reportMs = round(reportMs);
  }

  const ratios: WorkbookResult['ratios'] = {
    checkToLoad: round(checkInProcess.median / excelLoad.median, 2),
    spawnedToSpawnedLoad: round(checkSpawned.median / excelLoadSpawned.median, 2),
  };
  if (lo) {
    ratios.libreofficeToCheck = round(lo.convert.median / checkInProcess.median, 2);
    ratios.libreofficeToSpawnedCheck = round(lo.convert.median / checkSpawned.median, 2);
  }
  if (lo?.convertReport)
    ratios.libreofficeReportToCheck = round(lo.convertReport.median / checkInProcess.median, 2);
  return {
    file: {
      path: file,
      bytes: bytes.length,
      positions: data.stellen.length,
      measures: data.massnahmen.length,
      covers: data.deckung.length,
      planansaetze: data.planansaetze.length,
    },
    build: { ms: round(buildMs) },
    excelLoad,
    checkInProcess,
    checkSpawned,
    phases,
    excelLoadSpawned,
    nodeStartup,
    libreoffice: lo,
    ratios,
    targets: { checkToLoad: 1.5, libreofficeToCheck: 2 },
    memory,
  };
}

if (process.argv[1]?.endsWith('workbook/run.ts')) {
  void runWorkbookBench({ libreoffice: !process.argv.includes('--no-libreoffice') }).then((r) =>
    process.stdout.write(JSON.stringify(r, null, 2) + '\n'),
  );
}
