import { execFileSync } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ENGINE_TARGETS, runEngineBench, type EngineResult } from './engine/run';
import { log, machineInfo, round, type MachineInfo, type Timing } from './common/stats';
import { runWorkbookBench, type WorkbookResult } from './workbook/run';
import { measureBundle, type BundleResult } from './bundle/run';

/**
 * All benchmarks in one run: `npm run bench` (options: --no-libreoffice, --engine-only, --workbook-only,
 * --no-bundle). Writes bench/results/engine.json, workbook.json, bundle.json and RESULTS.md; a partial run
 * (--engine-only, --workbook-only) rewrites its own JSON, and RESULTS.md keeps the other parts from theirs.
 *
 * The machine is shared and noisy, so the results are medians, and the targets are read as ratios
 * against a baseline measured in the same run wherever the target allows it.
 */

const ROOT = path.join(__dirname, '..');
const PROJECT = ROOT.includes(`${path.sep}node_modules${path.sep}`)
  ? ROOT.slice(0, ROOT.indexOf(`${path.sep}node_modules${path.sep}`))
  : ROOT;
const RESULTS = path.join(PROJECT, 'bench', 'results');

interface Run {
  machine: MachineInfo & { loadAverageEnd: number[]; commit: string; workingTreeClean: boolean };
  /** Parts not run this time, taken from their stored JSON so that RESULTS.md stays whole: when they ran. */
  kept: { part: string; date: string; load?: number[] }[];
}

/**
 * A part of an earlier run (engine.json, workbook.json, bundle.json), for the parts `--engine-only` or
 * `--workbook-only` leave out; undefined when there is none.
 */
async function storedPart<T>(file: string): Promise<(T & { machine?: MachineInfo }) | undefined> {
  try {
    return JSON.parse(await fs.readFile(path.join(RESULTS, file), 'utf8')) as T & { machine?: MachineInfo };
  } catch {
    return undefined;
  }
}

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: PROJECT, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    return '';
  }
}

const ms = (x: number | undefined) =>
  x === undefined ? '–' : round(x, x < 10 ? 2 : 1).toLocaleString('en-US');
const yesNo = (ok: boolean | undefined) => (ok === undefined ? '–' : ok ? '**yes**' : '**no**');

/** median | min | CPU median */
const times = (t: Timing | undefined) =>
  t === undefined ? '– | – | –' : `${ms(t.median)} | ${ms(t.min)} | ${ms(t.cpuMedian)}`;
const row = (what: string, t: Timing | undefined, ratio = '–', target = '–', met = '–') =>
  `| ${what} | ${times(t)} | ${ratio} | ${target} | ${met} |`;

function engineRows(e: EngineResult): string[] {
  const s = e.small;
  const l = e.large;
  const t = ENGINE_TARGETS;
  const linear = e.scaling <= t.scaling;
  return [
    row('Engine: baseline 10k (every position × year via CostModel.lineCost, summed)', s.baseline),
    row(
      'Engine: `checkCoverage` 10k positions',
      s.check,
      `${s.ratio} × baseline`,
      `≤ ${t.check10kMs} ms`,
      yesNo(s.check.median <= t.check10kMs),
    ),
    row('Engine: baseline 100k', l.baseline, `${e.baselineScaling} × baseline 10k`),
    row(
      'Engine: `checkCoverage` 100k positions',
      l.check,
      `**${e.scaling}** × check 10k; ${l.ratio} × baseline`,
      `≤ ${t.scaling} (linear = 10)`,
      yesNo(linear),
    ),
    row('Engine: generator + model 10k (information)', s.generate),
    row('Engine: generator + model 100k (information)', l.generate),
  ];
}

function workbookRows(w: WorkbookResult): string[] {
  const lo = w.libreoffice;
  const p = w.phases;
  const rows = [
    row('Workbook: (a) bare ExcelJS load, 10k file', w.excelLoad, '1 (floor)'),
    row(
      'Workbook: (b) `stellenplan check --json`, in-process `main()`',
      w.checkInProcess,
      `**${w.ratios.checkToLoad}** × (a)`,
      '≤ 1.5 × (a)',
      yesNo(w.ratios.checkToLoad <= 1.5),
    ),
    row(
      `… (b) step: open (read file; ${w.checkReader === 'package' ? 'sheets read from the package, no ExcelJS' : 'ExcelJS load'})`,
      p.open,
      `${round(p.open.median / w.excelLoad.median, 2)} × (a)`,
    ),
    row(
      '… (b) step: read tables (table-blocks readBlock)',
      p.readTables,
      `${round(p.readTables.median / w.excelLoad.median, 2)} × (a)`,
    ),
    row(
      '… (b) step: map rows to the model (read.ts, cells.ts)',
      p.mapTables,
      `${round(p.mapTables.median / w.excelLoad.median, 2)} × (a)`,
    ),
    row(
      '… (b) step: `checkCoverage`',
      p.checkCoverage,
      `${round(p.checkCoverage.median / w.excelLoad.median, 2)} × (a)`,
    ),
    row('… (b) step: JSON output', p.json, `${round(p.json.median / w.excelLoad.median, 2)} × (a)`),
    row(
      'Workbook: (b′) `stellenplan check --json`, spawned process',
      w.checkSpawned,
      `${w.ratios.spawnedToSpawnedLoad} × (a′)`,
    ),
    row('Workbook: (a′) bare ExcelJS load, spawned process', w.excelLoadSpawned),
    row('Workbook: node start-up alone (`node -e ""`)', w.nodeStartup),
  ];
  if (lo) {
    rows.push(
      row(
        'Workbook: (c) LibreOffice headless convert (recalc on load), same file',
        lo.convert,
        `**${w.ratios.libreofficeToCheck}** × (b); ${w.ratios.libreofficeToSpawnedCheck} × (b′)`,
        '≥ 2 × (b) (check clearly faster)',
        yesNo((w.ratios.libreofficeToCheck ?? 0) >= 2),
      ),
    );
    if (lo.convertReport)
      rows.push(
        row(
          'Workbook: (c′) LibreOffice, the `report` output of the same file (with formulas; information)',
          lo.convertReport,
          `${w.ratios.libreofficeReportToCheck} × (b)`,
        ),
      );
  } else
    rows.push(
      row('Workbook: (c) LibreOffice', undefined, '–', 'not measured (soffice missing or --no-libreoffice)'),
    );
  return rows;
}

function markdown(run: Run, engine?: EngineResult, workbook?: WorkbookResult, bundle?: BundleResult): string {
  const m = run.machine;
  const lines = [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (bench/run-all.ts); raw figures in `engine.json` and `workbook.json` next to this file.',
    'Times in milliseconds: median and fastest run (wall clock), and the median CPU time of the process where measured',
    'in-process (user + system, all threads: garbage collection helpers count, waiting for a CPU does not). The machine is',
    'shared and noisy: read the ratios (measured in the same run) before the absolute figures; a median far above the',
    'fastest run means a busy neighbour.',
    '',
    '| measurement | median ms | min ms | CPU ms | ratio | target | met |',
    '| --- | ---: | ---: | ---: | --- | --- | --- |',
    ...(engine ? engineRows(engine) : []),
    ...(workbook ? workbookRows(workbook) : []),
    ...(bundle
      ? [
          `| Task pane: first screen, gzip (${bundle.initial.map((f) => f.file).join(' + ')}; ExcelJS and the Excel adapter load lazily) | – | – | – | **${bundle.initialGzipKb} KB** | ≤ ${bundle.targetKb} KB | ${yesNo(bundle.met)} |`,
        ]
      : []),
    '',
  ];
  if (engine) {
    const e = engine;
    lines.push(
      '## Engine',
      '',
      `Data (seeded generator, bench/engine/generate.ts): ${e.small.sizes.positions.toLocaleString('de-DE')} positions, ` +
        `${e.small.sizes.measures.toLocaleString('de-DE')} measures (all six kinds, ~20 % in three variant scenarios), ` +
        `${e.small.sizes.covers.toLocaleString('de-DE')} cover rows (all five kinds), ${e.small.sizes.planansaetze.toLocaleString('de-DE')} Planansätze ` +
        `(5 plan years); 100k = ten times everything. Runs: ${e.rounds.small} (10k) and ${e.rounds.large} (100k) after warm-up, ` +
        'baseline and check interleaved run by run; the two sizes one after the other, each with only its own model in memory.',
      '',
      `- 10k check: median ${ms(e.small.check.median)} ms (min ${ms(e.small.check.min)}, max ${ms(e.small.check.max)}); ` +
        `100k: median ${ms(e.large.check.median)} ms (min ${ms(e.large.check.min)}, max ${ms(e.large.check.max)}).`,
      `- Result of the 10k check: ${e.small.result.scenarios} scenarios, ${e.small.result.measures} measures in the result ` +
        `(${e.small.result.covered} covered), findings: ${Object.entries(e.small.result.findings)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}.`,
    );
    if (e.memory)
      lines.push(
        `- Memory, one 100k check in a fresh process: peak RSS ${e.memory.maxRssMB} MB; heap ${e.memory.heapModelMB} MB with the model, ` +
          `${e.memory.heapAfterCheckMB} MB right after the check, ${e.memory.heapRetainedByResultMB} MB kept alive by the result ` +
          `(check took ${ms(e.memory.checkMs)} ms there, cold).`,
      );
    lines.push('');
  }
  if (workbook) {
    const w = workbook;
    lines.push(
      '## Workbook',
      '',
      `File: ${w.file.positions.toLocaleString('de-DE')} positions, ${w.file.measures.toLocaleString('de-DE')} measures, ` +
        `${w.file.covers.toLocaleString('de-DE')} cover rows, ${w.file.planansaetze.toLocaleString('de-DE')} Planansätze, built with ` +
        `src/workbook/template.ts (templateBatch + XlsxWorkbook), ${Math.round(w.file.bytes / 1024)} KB, built in ${ms(w.build.ms)} ms.`,
      `(a) and (b) ran alternately, ${w.excelLoad.runs.length} times each after one warm-up; (b) exit code ${w.checkInProcess.exitCode} ` +
        `(the data contains deliberate errors), ${Math.round(w.checkInProcess.jsonBytes / 1024)} KB JSON. (b′) runs a bundle of the ` +
        'current sources (esbuild, like scripts/run-ts.js) as `node bundle.js check FILE --json`, so it includes node start-up, module ' +
        'loading and a cold JIT; bin/stellenplan.js needs lib/ built by `npm run build:cli` and would measure that build instead.',
    );
    if (w.libreoffice)
      lines.push(
        `(c) ${w.libreoffice.version}; fresh profile /tmp/lo-bench set to recalculate on load ("always"), created by a first ` +
          `conversion of a tiny file (${ms(w.libreoffice.profileInitMs)} ms, not counted); ${w.libreoffice.convert.runs.length} timed runs ` +
          '(`soffice --headless --calc --convert-to xlsx`). The template file itself holds no formulas (the Jahreskosten column and ' +
          'the generated sheets are written by `report`), so (c′) converts the `report` output of the same file as well' +
          (w.libreoffice.convertReport
            ? ` (writing the report took ${ms(w.libreoffice.convertReport.reportMs)} ms).`
            : '.'),
      );
    lines.push('');
  }
  lines.push(
    '## Machine',
    '',
    ...run.kept.map(
      (k) =>
        `- ${k.part}: figures of an earlier run (${k.date}${k.load ? `, load ${k.load.join(' / ')}` : ''}), ` +
        'kept from its JSON: this run measured only the other part(s).',
    ),
    `- node ${m.node}, ${m.platform}`,
    `- ${m.cpus} CPUs (${m.cpuModel}), ${m.totalMemoryMB.toLocaleString('en-US')} MB RAM`,
    `- load average at start ${m.loadAverage.join(' / ')}, at the end ${m.loadAverageEnd.join(' / ')} (1/5/15 min)`,
    `- date ${m.date}; commit ${m.commit || 'unknown'}${m.workingTreeClean ? '' : ' plus uncommitted changes in the working tree'}`,
    `- garbage collection between phases: ${m.gcExposed ? 'yes' : 'no (not available)'}`,
    '',
  );
  return lines.join('\n');
}

async function runAll(): Promise<void> {
  const args = process.argv.slice(2);
  const machine = machineInfo();
  const commit = git(['rev-parse', '--short', 'HEAD']);
  const workingTreeClean = git(['status', '--porcelain', '--', 'src']) === '';
  log(`bench: node ${machine.node}, ${machine.cpus} CPUs, Last ${machine.loadAverage.join(' / ')}`);
  await fs.mkdir(RESULTS, { recursive: true });

  let engine: EngineResult | undefined;
  let workbook: WorkbookResult | undefined;
  if (!args.includes('--workbook-only')) {
    engine = await runEngineBench();
    await fs.writeFile(
      path.join(RESULTS, 'engine.json'),
      JSON.stringify({ machine, ...engine }, null, 2) + '\n',
    );
  }
  if (!args.includes('--engine-only')) {
    workbook = await runWorkbookBench({ libreoffice: !args.includes('--no-libreoffice') });
    const stored = {
      ...workbook,
      file: { ...workbook.file, path: path.relative(os.tmpdir(), workbook.file.path) },
    };
    await fs.writeFile(
      path.join(RESULTS, 'workbook.json'),
      JSON.stringify({ machine, ...stored }, null, 2) + '\n',
    );
  }
  let bundle: BundleResult | undefined;
  const partial = args.includes('--engine-only') || args.includes('--workbook-only');
  if (!args.includes('--no-bundle') && !partial) bundle = await measureBundle({ build: true });
  // A partial run rewrites only its own part: the others come from their stored JSON, marked with their date.
  const kept: Run['kept'] = [];
  if (partial) {
    const storedEngine = engine ? undefined : await storedPart<EngineResult>('engine.json');
    if (storedEngine) {
      engine = storedEngine;
      kept.push({
        part: 'Engine',
        date: storedEngine.machine?.date ?? '?',
        load: storedEngine.machine?.loadAverage,
      });
    }
    const stored = workbook ? undefined : await storedPart<WorkbookResult>('workbook.json');
    if (stored) {
      workbook = stored;
      kept.push({ part: 'Workbook', date: stored.machine?.date ?? '?', load: stored.machine?.loadAverage });
    }
    if ((bundle = await storedPart<BundleResult>('bundle.json')))
      kept.push({ part: 'Task pane bundle', date: bundle.date });
  }
  const run: Run = {
    machine: { ...machine, loadAverageEnd: os.loadavg().map((x) => round(x, 2)), commit, workingTreeClean },
    kept,
  };
  const md = markdown(run, engine, workbook, bundle);
  await fs.writeFile(path.join(RESULTS, 'RESULTS.md'), md);
  process.stdout.write(md);
}

if (process.argv[1]?.endsWith('run-all.ts')) void runAll();
