import { execFileSync, spawn } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PROJECT, bundleCli } from '../common/cli-bundle';
import { main } from '../../src/cli/main';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';
import { templateBatch } from '../../src/workbook/template';
import { generate } from '../engine/generate';
import { buildBenchWorkbook, silentIo } from '../workbook/run';
import { log, machineInfo, round, summarise, type Timing } from '../common/stats';
import { convertXlsx, type RecalcMode } from '../../tests/integration/support/libreoffice';

/**
 * bench/papers (issue 14): the committee papers' speed targets, each against a baseline of the same run.
 *  (1) `stellenplan report examples/obertshausen.xlsx --pdf`, current sources against the sources of
 *      BASELINE_COMMIT (the state before issue 14), both bundled with esbuild and spawned alternately;
 *      target: < 2 × the baseline.
 *  (2) LibreOffice headless converting (load, recalculate, save) the 10k benchmark workbook and the
 *      `report` output of the same file, alternately, recalculation on load "always"; target: the report
 *      ≤ 2 × the plain file. Both are also converted with recalculation "never", which shows how much
 *      of the time is recalculation and how much loading and saving the larger file. One LibreOffice
 *      helper for tests and benches (tests/integration/support/libreoffice.ts, mode always / never).
 *      Besides the wall clock (the target), LibreOffice's CPU time is recorded on Linux: on a shared,
 *      loaded machine it is the steadier figure of how much work each file is.
 *
 * Run: node scripts/run-ts.js bench/papers/run.ts [--runs N]   (results: bench/results/papers.{json,md})
 */
const BASELINE_COMMIT = '1a89f1a';

const CACHE = path.join(PROJECT, 'node_modules', '.cache', 'stellenplan-bench-papers');

function run(
  command: string,
  args: string[],
  cwd?: string,
): Promise<{ code: number; ms: number; out: string }> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], cwd });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, ms: performance.now() - t, out }));
  });
}

/** The command line bundled from a source tree (the current one, or the baseline commit's). */
const bundle = (sourceRoot: string, name: string) => bundleCli(path.join(CACHE, `${name}.js`), sourceRoot);

/** The baseline's src/ from git (read only: `git archive`), next to the cache so packages resolve. */
function baselineSources(): string {
  const dir = path.join(CACHE, `base-${BASELINE_COMMIT}`);
  execFileSync('rm', ['-rf', dir]);
  execFileSync('mkdir', ['-p', dir]);
  const tar = execFileSync('git', ['-C', PROJECT, 'archive', BASELINE_COMMIT, 'src'], {
    maxBuffer: 64 * 1024 * 1024,
  });
  execFileSync('tar', ['-x', '-C', dir], { input: tar });
  return dir;
}

async function reportPdf(runs: number, work: string) {
  const input = path.join(PROJECT, 'examples', 'obertshausen.xlsx');
  const current = bundle(PROJECT, 'current');
  const baseline = bundle(baselineSources(), 'baseline');
  const once = async (cli: string, tag: string) => {
    const r = await run(process.execPath, [
      cli,
      'report',
      input,
      '-o',
      path.join(work, `ob-${tag}.xlsx`),
      '--pdf',
    ]);
    if (r.code !== 0) throw new Error(`report --pdf (${tag}): Exit ${r.code}\n${r.out}`);
    return r.ms;
  };
  await once(current, 'warm');
  await once(baseline, 'warm');
  const c: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    log(`papers: report --pdf, Lauf ${i + 1}/${runs} …`);
    b.push(await once(baseline, 'base'));
    c.push(await once(current, 'current'));
  }
  const pages = (file: string) => {
    const text = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    return Number(/Pages:\s+(\d+)/.exec(text)?.[1] ?? 0);
  };
  return {
    baseline: summarise(b),
    current: summarise(c),
    ratio: round(summarise(c).median / summarise(b).median, 2),
    pages: {
      baseline: pages(path.join(work, 'ob-base.pdf')),
      current: pages(path.join(work, 'ob-current.pdf')),
    },
  };
}

async function recalc10k(runs: number, work: string) {
  log('papers: Arbeitsmappe mit 10.000 Stellen und ihren Bericht erzeugen …');
  const plain = path.join(work, 'stellenplan-10k.xlsx');
  await fs.writeFile(plain, await buildBenchWorkbook(generate(1)));
  const report = path.join(work, 'stellenplan-10k-bericht.xlsx');
  const io = silentIo();
  const t = performance.now();
  const code = await main(['report', plain, '-o', report], io);
  const reportMs = performance.now() - t;
  if (code !== 0) throw new Error(`report: Exit ${code}`);
  const profiles: Record<RecalcMode, string> = {
    always: path.join(work, 'lo-always'),
    never: path.join(work, 'lo-never'),
  };
  const outDir = path.join(work, 'lo-out');
  // wall clock (the target) and, on Linux, LibreOffice's CPU time (less stretched by a loaded machine)
  const wall: Record<Side, number[]> = { plain: [], report: [], reportNever: [], plainNever: [] };
  const cpu: Record<Side, number[]> = { plain: [], report: [], reportNever: [], plainNever: [] };
  const convert = async (file: string, mode: RecalcMode, side?: Side) => {
    const c = await convertXlsx([file], outDir, { mode, profile: profiles[mode], timeoutMs: 600_000 });
    if (!side) return;
    wall[side].push(c.ms);
    if (c.cpuMs !== undefined) cpu[side].push(c.cpuMs);
  };
  // the profiles are created on the first start: a tiny file first, not counted
  const tiny = path.join(work, 'tiny.xlsx');
  const wb = XlsxWorkbook.create();
  await wb.write(templateBatch());
  await fs.writeFile(tiny, await wb.toBuffer());
  await convert(tiny, 'always');
  await convert(tiny, 'never');
  for (let i = 0; i < runs; i++) {
    log(`papers: LibreOffice, Lauf ${i + 1}/${runs} …`);
    await convert(plain, 'always', 'plain');
    await convert(report, 'always', 'report');
    await convert(report, 'never', 'reportNever');
    await convert(plain, 'never', 'plainNever');
  }
  const summary = (x: Record<Side, number[]>) => ({
    plain: summarise(x.plain),
    report: summarise(x.report),
    reportNoRecalc: summarise(x.reportNever),
    plainNoRecalc: summarise(x.plainNever),
  });
  const w = summary(wall);
  const c = cpu.plain.length === runs ? summary(cpu) : undefined;
  return {
    bytes: { plain: (await fs.stat(plain)).size, report: (await fs.stat(report)).size },
    reportMs: round(reportMs),
    ...w,
    ratio: round(w.report.median / w.plain.median, 2),
    // recalculation alone, as the difference of the medians with and without it (the plain file has no
    // formulas: its difference is start-up noise around zero, so it is given, not divided by)
    recalcOnlyMs: {
      report: round(w.report.median - w.reportNoRecalc.median),
      plain: round(w.plain.median - w.plainNoRecalc.median),
    },
    cpu: c && { ...c, ratio: round(c.report.median / c.plain.median, 2) },
  };
}

type Side = 'plain' | 'report' | 'reportNever' | 'plainNever';

const ms = (t: Timing) => `${round(t.median)} (min ${round(t.min)})`;

async function mainBench(): Promise<void> {
  const runsArg = process.argv.indexOf('--runs');
  const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
  const work = path.join(os.tmpdir(), 'stellenplan-bench-papers');
  await fs.rm(work, { recursive: true, force: true });
  await fs.mkdir(work, { recursive: true });
  await fs.mkdir(CACHE, { recursive: true });
  const machineStart = machineInfo();
  const pdf = await reportPdf(runs, work);
  const lo = await recalc10k(Math.max(3, runs), work);
  const machine = { ...machineInfo(), loadAtStart: machineStart.loadAverage };
  const results = { baselineCommit: BASELINE_COMMIT, runs, pdf, libreoffice: lo, machine };
  const out = path.join(PROJECT, 'bench', 'results');
  await fs.writeFile(path.join(out, 'papers.json'), JSON.stringify(results, null, 2) + '\n');
  const md = `# Papers benchmark (issue 14)

Written by \`node scripts/run-ts.js bench/papers/run.ts\`; raw figures in \`papers.json\`. Milliseconds, median
(fastest) of runs that alternate between the two sides, so both see the same machine load.

| measurement | median (min) ms | ratio | target | met |
| --- | ---: | --- | --- | --- |
| \`report --pdf\` Obertshausen, baseline ${BASELINE_COMMIT} (${pdf.pages.baseline} pages) | ${ms(pdf.baseline)} | 1 | – | – |
| \`report --pdf\` Obertshausen, current (${pdf.pages.current} pages) | ${ms(pdf.current)} | **${pdf.ratio}** × baseline | < 2 × | **${pdf.ratio < 2 ? 'yes' : 'no'}** |
| LibreOffice convert, plain 10k workbook (${Math.round(lo.bytes.plain / 1024)} KB) | ${ms(lo.plain)} | 1 | – | – |
| LibreOffice convert, its \`report\` output (${Math.round(lo.bytes.report / 1024)} KB), recalculation always | ${ms(lo.report)} | **${lo.ratio}** × plain | ≤ 2 × | **${lo.ratio <= 2 ? 'yes' : 'no'}** |
| … the same report, recalculation never (load and save only) | ${ms(lo.reportNoRecalc)} | ${round(lo.reportNoRecalc.median / lo.plain.median, 2)} × plain | – | – |
| … the plain workbook, recalculation never | ${ms(lo.plainNoRecalc)} | ${round(lo.plainNoRecalc.median / lo.plain.median, 2)} × plain | – | – |

Recalculation alone (median with recalculation minus median without; labelled separately, the target above
is the whole convert): report ${lo.recalcOnlyMs.report} ms, plain workbook ${lo.recalcOnlyMs.plain} ms (it
holds no formulas: start-up noise).
${
  lo.cpu
    ? `
LibreOffice's CPU time of the same runs (user + system of soffice and its children; for information – a
loaded machine stretches it far less than the wall clock): plain ${ms(lo.cpu.plain)}, report with
recalculation ${ms(lo.cpu.report)} = **${lo.cpu.ratio} ×** plain, report without recalculation
${ms(lo.cpu.reportNoRecalc)}, plain without ${ms(lo.cpu.plainNoRecalc)}.
`
    : ''
}
Writing the 10k report took ${round(lo.reportMs)} ms. Machine: ${machine.cpus} CPUs, node ${machine.node},
load average ${machine.loadAtStart.join(' / ')} at start and ${machine.loadAverage.join(' / ')} at the end (shared machine:
read the ratios, not the absolute figures); ${machine.date}.
`;
  await fs.writeFile(path.join(out, 'papers.md'), md);
  log(md);
}

void mainBench();
