import * as os from 'os';
import * as v8 from 'v8';
import * as vm from 'vm';

/**
 * Timing helpers. The machine is shared and noisy: every figure is a median of several runs, and the
 * results are reported as ratios against a baseline measured in the same run.
 */

export interface Timing {
  /** Median wall-clock time in milliseconds. */
  median: number;
  min: number;
  max: number;
  runs: number[];
  /**
   * Median CPU time of this process (user + system, all threads, so GC helper threads count too) in
   * milliseconds, where measured in-process. Unlike wall-clock time it hardly grows when neighbours on
   * the shared machine take the CPUs; min wall-clock and CPU time show how much the load inflated a median.
   */
  cpuMedian?: number;
  cpuRuns?: number[];
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function summarise(runs: number[], cpuRuns?: number[]): Timing {
  const t: Timing = { median: median(runs), min: Math.min(...runs), max: Math.max(...runs), runs };
  if (cpuRuns) {
    t.cpuMedian = median(cpuRuns);
    t.cpuRuns = cpuRuns;
  }
  return t;
}

/** Wall-clock and CPU milliseconds of one call. */
export function measure(fn: () => unknown): { wall: number; cpu: number } {
  const c = process.cpuUsage();
  const t = performance.now();
  fn();
  const wall = performance.now() - t;
  const d = process.cpuUsage(c);
  return { wall, cpu: (d.user + d.system) / 1000 };
}

/** The same for an asynchronous call. */
export async function measureAsync(fn: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const c = process.cpuUsage();
  const t = performance.now();
  await fn();
  const wall = performance.now() - t;
  const d = process.cpuUsage(c);
  return { wall, cpu: (d.user + d.system) / 1000 };
}

/**
 * Collects garbage when node runs with --expose-gc. Used between phases only, not between the runs of
 * one measurement: a forced full GC shrinks the heap, and the next run then pays for growing it again
 * (that made the check ~15 % slower than back-to-back runs in a trial).
 */
export function collectGarbage(): void {
  gcFunction()?.();
}

let gcCache: (() => void) | null | undefined;
/** global.gc, also without --expose-gc on the command line (`npm run bench` has no node flags). */
function gcFunction(): (() => void) | undefined {
  if (gcCache === undefined) {
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (exposed) gcCache = exposed;
    else {
      try {
        v8.setFlagsFromString('--expose-gc');
        gcCache = vm.runInNewContext('gc') as () => void;
      } catch {
        gcCache = null;
      }
    }
  }
  return gcCache ?? undefined;
}

/** Times a synchronous function: `warmup` untimed runs, then `runs` timed ones. */
export function timeSync(fn: () => unknown, runs: number, warmup = 1): Timing {
  for (let i = 0; i < warmup; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return summarise(out);
}

/** Times an asynchronous function likewise. */
export async function timeAsync(fn: () => Promise<unknown>, runs: number, warmup = 1): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return summarise(out);
}

export interface MachineInfo {
  node: string;
  platform: string;
  cpus: number;
  cpuModel: string;
  totalMemoryMB: number;
  loadAverage: number[];
  date: string;
  gcExposed: boolean;
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unbekannt',
    totalMemoryMB: Math.round(os.totalmem() / 1048576),
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
    date: new Date().toISOString(),
    gcExposed: gcFunction() !== undefined,
  };
}

export const round = (x: number, digits = 1): number => Math.round(x * 10 ** digits) / 10 ** digits;

export const mb = (bytes: number): number => round(bytes / 1048576, 1);

/** Progress on stderr, so that stdout can carry JSON. */
export function log(text: string): void {
  process.stderr.write(`${text}\n`);
}
