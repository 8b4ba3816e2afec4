import { execFileSync, spawn } from 'child_process';
import { existsSync, readdirSync, statSync } from 'fs';
import * as path from 'path';
import { main, type Io } from '../../../src/cli/main';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const BIN = path.join(ROOT, 'bin', 'stellenplan.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The command in-process, with a capturing Io (fast; the same `main` the binary runs). */
export async function runCli(args: string[], today = '2026-11-24'): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    out: (s) => (stdout += s),
    err: (s) => (stderr += s),
    progress: false,
    today: () => today,
    now: () => `${today} 10:00:00`,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/**
 * `report` of a workbook into `dir`, then `adopt` of one measure into the report (both must succeed): the
 * two files a test of "after the decision" compares.
 */
export async function reportThenAdopt(
  dir: string,
  input: string,
  measure = 'M-2027-01',
): Promise<{ report: string; adopted: string }> {
  const report = path.join(dir, 'bericht.xlsx');
  const r = await runCli(['report', input, '-o', report]);
  if (r.code !== 0) throw new Error(`report: Exit ${r.code}\n${r.stderr}`);
  const adopted = path.join(dir, 'beschluss.xlsx');
  const a = await runCli(['adopt', report, measure, '-o', adopted]);
  if (a.code !== 0 || a.stderr !== '') throw new Error(`adopt: Exit ${a.code}\n${a.stderr}`);
  return { report, adopted };
}

/** `check --json` in-process, parsed. */
export async function checkJson(
  file: string,
  ...extra: string[]
): Promise<{ code: number; json: CheckJson; stderr: string }> {
  const r = await runCli(['check', file, '--json', ...extra]);
  let json: CheckJson;
  try {
    json = JSON.parse(r.stdout) as CheckJson;
  } catch {
    throw new Error(`check --json gab kein JSON aus (Exit ${r.code}):\n${r.stdout}\n${r.stderr}`);
  }
  return { code: r.code, json, stderr: r.stderr };
}

export interface CheckJson {
  summary: { errors: number; warnings: number; infos: number };
  measures: {
    id: string;
    scenario: string;
    covered: boolean;
    years: { year: number; cost: string; cover: string; balance: string; covered: boolean }[];
  }[];
  findings: {
    severity: 'error' | 'warning' | 'info';
    code: string;
    message: string;
    sheet: string | null;
    cell: string | null;
    measure: string | null;
  }[];
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else if (/\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name))
      newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * bin/stellenplan.js runs the compiled lib/ (npm ci builds it via "prepare"). A stale lib/ would test old
 * code, so it is rebuilt when any source is newer.
 */
export function ensureBuiltCli(): void {
  const compiled = path.join(ROOT, 'lib', 'cli', 'main.js');
  const sources = ['domain', 'workbook', 'xlsx', 'cli'].map((d) => newestMtime(path.join(ROOT, 'src', d)));
  if (existsSync(compiled) && statSync(compiled).mtimeMs >= Math.max(...sources)) return;
  execFileSync(
    process.execPath,
    [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.cli.json'],
    {
      cwd: ROOT,
      stdio: 'pipe',
    },
  );
}

/** The real binary as a user runs it: `node bin/stellenplan.js …`. */
export function spawnCli(args: string[], timeoutMs = 60_000): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, LANG: 'C.UTF-8' },
    });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`stellenplan ${args.join(' ')}: keine Antwort nach ${timeoutMs} ms`));
    }, timeoutMs);
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr });
    });
  });
}

/** stderr of an unusable or refused file: exactly one sentence, no stack trace, nothing on stdout. */
export function expectOneSentence(r: CliResult, pattern: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(lines[0]).toMatch(/[.!]$/);
  expect(r.stderr).not.toMatch(/\bat .+:\d+:\d+|Error:|TypeError|\.js:\d+|\.ts:\d+/);
}
