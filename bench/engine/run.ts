import { spawn } from 'child_process';
import * as path from 'path';
import { CostModel } from '../../src/domain/cost';
import { lookupMonthly, positionLine } from '../../src/domain/pay';
import { checkCoverage } from '../../src/domain/coverage';
import type { CheckResult } from '../../src/domain/result';
import { ZERO, type Dec } from '../../src/domain/money';
import type { WorkbookModel } from '../../src/domain/model';
import { collectGarbage, log, mb, measure, round, summarise, timeSync, type Timing } from '../common/stats';
import { generate, sizesFor, toModel, type BenchSizes } from './generate';

/**
 * bench/engine: the full coverage check (`checkCoverage`) on 10.000 and 100.000 positions.
 *
 * Baseline, measured in the same run: the cost of every position in every plan year, computed once with
 * CostModel.lineCost and summed – the least work any check has to do. The ratio check/baseline says how
 * much the check costs on top of that floor; the ratio 100k/10k says whether it scales linearly (≈ 10).
 * Baseline and check runs are interleaved run by run, so that a busy neighbour on the shared machine
 * slows both alike instead of one of them only.
 *
 * Memory is measured in a fresh child process that runs exactly one 100k check (peak RSS of that process).
 *
 * Run alone: node --expose-gc scripts/run-ts.js bench/engine/run.ts
 */

export interface SizeResult {
  scale: number;
  sizes: BenchSizes & { planansaetze: number };
  /** Generating the data and building the domain model (for information). */
  generate: Timing;
  baseline: Timing;
  check: Timing;
  /** check / baseline */
  ratio: number;
  result: { scenarios: number; measures: number; covered: number; findings: Record<string, number> };
}

export interface MemoryProbe {
  scale: number;
  checkMs: number;
  /** heapUsed with the model only (after GC). */
  heapModelMB: number;
  /** heapUsed right after the check, result alive, garbage not yet collected. */
  heapAfterCheckMB: number;
  /** heapUsed kept alive by the result (after GC, minus the model). */
  heapRetainedByResultMB: number;
  rssAfterCheckMB: number;
  /** Peak RSS of the child process (process.resourceUsage().maxRSS): node + model + one check. */
  maxRssMB: number;
}

export interface EngineResult {
  rounds: { small: number; large: number };
  small: SizeResult;
  large: SizeResult;
  /** check(100k) / check(10k); linear = 10, target (issue 12) ≤ targets.scaling. */
  scaling: number;
  /** baseline(100k) / baseline(10k), for comparison. */
  baselineScaling: number;
  memory?: MemoryProbe;
  targets: { check10kMs: number; scaling: number };
}

/** Issue 12: the 10k check ≤ 200 ms median, the 100k check ≤ 11 × the 10k check (linear = 10). */
export const ENGINE_TARGETS = { check10kMs: 200, scaling: 11 };

/** The baseline: every position's cost in every plan year, once, summed. */
export function sumPositionCosts(model: WorkbookModel): Dec {
  const cost = new CostModel(model.parameter);
  let total = ZERO;
  for (const s of model.stellen) {
    const hit = lookupMonthly(model, s.gruppe, s.stufe);
    if (!hit.ok) continue;
    const spec = positionLine(s, hit);
    for (const y of cost.years) total = total.plus(cost.lineCost(spec, y));
  }
  return total;
}

function describe(result: CheckResult): SizeResult['result'] {
  const findings: Record<string, number> = {};
  for (const f of result.findings) {
    const key = `${f.code} (${f.severity})`;
    findings[key] = (findings[key] ?? 0) + 1;
  }
  return {
    scenarios: result.scenarios.length,
    measures: result.measures.length,
    covered: result.measures.filter((m) => m.covered).length,
    findings,
  };
}

/** One 100k check in this process, for the memory figures (called in a fresh child process). */
export function memoryProbe(scale: number): MemoryProbe {
  const model = toModel(generate(scale));
  collectGarbage();
  const heapModel = process.memoryUsage().heapUsed;
  const t = performance.now();
  const result = checkCoverage(model);
  const checkMs = performance.now() - t;
  const after = process.memoryUsage();
  collectGarbage();
  const retained = process.memoryUsage().heapUsed - heapModel;
  if (result.positions.length !== model.stellen.length) throw new Error('unexpected result');
  return {
    scale,
    checkMs: round(checkMs),
    heapModelMB: mb(heapModel),
    heapAfterCheckMB: mb(after.heapUsed),
    heapRetainedByResultMB: mb(retained),
    rssAfterCheckMB: mb(after.rss),
    maxRssMB: round(process.resourceUsage().maxRSS / 1024, 1),
  };
}

function runMemoryProbe(scale: number): Promise<MemoryProbe | undefined> {
  const root = path.join(__dirname, '..', '..');
  const project = root.includes(`${path.sep}node_modules${path.sep}`)
    ? root.slice(0, root.indexOf(`${path.sep}node_modules${path.sep}`))
    : root;
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        '--expose-gc',
        path.join(project, 'scripts', 'run-ts.js'),
        path.join(project, 'bench', 'engine', 'run.ts'),
        '--memory-probe',
        String(scale),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code) => {
      try {
        resolve(code === 0 ? (JSON.parse(out) as MemoryProbe) : undefined);
      } catch {
        resolve(undefined);
      }
    });
  });
}

/**
 * One size: baseline and check interleaved run by run. The sizes are measured one after the other, each
 * with only its own model in memory: a 100k heap next to the 10k runs made the 10k check ~30 % slower
 * in a trial (bigger old generation, dearer garbage collection), which is not what a user sees.
 */
function measureSize(scale: number, rounds: number): SizeResult {
  const label = `${scale * 10}k`;
  log(`engine: ${label} – Daten erzeugen …`);
  const gen = timeSync(() => toModel(generate(scale)), scale === 1 ? 7 : 3, 1);
  const model = toModel(generate(scale));
  if (model.stellen.length !== sizesFor(scale).positions)
    throw new Error('generator: wrong number of positions');
  collectGarbage();
  log(`engine: ${label} – aufwärmen …`);
  const result = describe(checkCoverage(model));
  sumPositionCosts(model);
  if (scale === 1) {
    checkCoverage(model);
    sumPositionCosts(model);
  }
  const base = { wall: [] as number[], cpu: [] as number[] };
  const check = { wall: [] as number[], cpu: [] as number[] };
  const record = (into: typeof base, m: { wall: number; cpu: number }) => {
    into.wall.push(m.wall);
    into.cpu.push(m.cpu);
  };
  for (let r = 0; r < rounds; r++) {
    record(
      base,
      measure(() => sumPositionCosts(model)),
    );
    record(
      check,
      measure(() => checkCoverage(model)),
    );
    log(
      `engine: ${label} – Runde ${r + 1}/${rounds}: check ${round(check.wall[r])} ms (CPU ${round(check.cpu[r])}), ` +
        `Basislinie ${round(base.wall[r])} ms`,
    );
  }
  const baseline = summarise(base.wall, base.cpu);
  const c = summarise(check.wall, check.cpu);
  return {
    scale,
    sizes: { ...sizesFor(scale), planansaetze: model.planansaetze.length },
    generate: gen,
    baseline,
    check: c,
    ratio: round(c.median / baseline.median, 2),
    result,
  };
}

export async function runEngineBench(rounds = { small: 11, large: 7 }): Promise<EngineResult> {
  const s = measureSize(1, rounds.small);
  collectGarbage();
  const l = measureSize(10, rounds.large);
  collectGarbage();
  log('engine: Speicher (eine 100k-Prüfung in einem frischen Prozess) …');
  const memory = await runMemoryProbe(10);
  return {
    rounds,
    small: s,
    large: l,
    scaling: round(l.check.median / s.check.median, 2),
    baselineScaling: round(l.baseline.median / s.baseline.median, 2),
    memory,
    targets: ENGINE_TARGETS,
  };
}

if (process.argv[1]?.endsWith(path.join('engine', 'run.ts'))) {
  const probe = process.argv.indexOf('--memory-probe');
  if (probe >= 0)
    process.stdout.write(JSON.stringify(memoryProbe(Number(process.argv[probe + 1] ?? 10))) + '\n');
  else void runEngineBench().then((r) => process.stdout.write(JSON.stringify(r, null, 2) + '\n'));
}
