import { execFileSync } from 'child_process';
import { promises as fs } from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';

/**
 * Bundle budget (issues 5, 15): gzip size of what the task pane loads before the first screen (taskpane.html's
 * own scripts), against the 250 KB target; lazily loaded chunks are listed for information. office.js is
 * not part of it: the page loads it only inside Office, and with it the custom functions (functions-runtime).
 * `npm run bench:bundle` builds with webpack (production) into dist/ and writes bench/results/bundle.json.
 */
// run-ts bundles this file into node_modules/.cache: the project is where npm runs the script.
const ROOT = process.cwd();
const DIST = path.join(ROOT, 'dist');
const TARGET_KB = 250;

export interface BundleResult {
  date: string;
  targetKb: number;
  initialGzipKb: number;
  met: boolean;
  initial: { file: string; bytes: number; gzip: number }[];
  lazy: { file: string; bytes: number; gzip: number }[];
}

/** Builds (unless told not to), measures and writes bench/results/bundle.json. */
export async function measureBundle(options: { build: boolean }): Promise<BundleResult> {
  if (options.build)
    execFileSync(
      process.execPath,
      [path.join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', 'production'],
      {
        cwd: ROOT,
        stdio: 'inherit',
      },
    );
  const html = await fs.readFile(path.join(DIST, 'taskpane.html'), 'utf8');
  const initial = [...html.matchAll(/<script[^>]*src="?([^"\s>]+)/g)]
    .map((m) => m[1])
    .filter((src) => !src.startsWith('office-js/'));
  const files = (await fs.readdir(DIST)).filter((f) => f.endsWith('.js'));
  const size = async (f: string) => {
    const bytes = await fs.readFile(path.join(DIST, f));
    return { file: f, bytes: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
  };
  const all = await Promise.all(files.map(size));
  const first = all.filter((f) => initial.some((src) => src.endsWith(f.file)));
  const lazy = all.filter((f) => !first.includes(f));
  const initialGzipKb = Math.round((first.reduce((n, f) => n + f.gzip, 0) / 1024) * 10) / 10;
  const result: BundleResult = {
    date: new Date().toISOString(),
    targetKb: TARGET_KB,
    initialGzipKb,
    met: initialGzipKb <= TARGET_KB,
    initial: first,
    lazy,
  };
  await fs.mkdir(path.join(ROOT, 'bench', 'results'), { recursive: true });
  await fs.writeFile(
    path.join(ROOT, 'bench', 'results', 'bundle.json'),
    JSON.stringify(result, null, 2) + '\n',
  );
  return result;
}

async function main(): Promise<void> {
  const result = await measureBundle({ build: !process.argv.includes('--no-build') });
  const { initialGzipKb } = result;
  const [first, lazy] = [result.initial, result.lazy];
  process.stdout.write(
    `Erster Bildschirm (gzip): ${initialGzipKb} KB, Ziel ≤ ${result.targetKb} KB: ${result.met ? 'erfüllt' : 'NICHT erfüllt'}\n`,
  );
  for (const f of [...first, ...lazy])
    process.stdout.write(
      `  ${first.includes(f) ? 'initial' : 'lazy   '} ${f.file}: ${f.bytes} B, gzip ${f.gzip} B\n`,
    );
}

if (process.argv[1]?.endsWith('bundle/run.ts')) void main();
