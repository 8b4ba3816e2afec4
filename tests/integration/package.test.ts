import { execFile } from 'child_process';
import { promises as fs, readdirSync, readFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT } from './support/cli';

/**
 * What a town's IT does with the package (issue 16): `npm pack`, install the tarball into any folder with
 * --ignore-scripts (no build step on their machine), and run `stellenplan` from there, far from this checkout.
 */
jest.setTimeout(600_000);

const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

function run(
  cmd: string,
  args: string[],
  cwd: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      cmd,
      args,
      { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, LANG: 'C.UTF-8' } },
      (e, stdout, stderr) =>
        resolve({ code: e ? (typeof e.code === 'number' ? e.code : -1) : 0, stdout, stderr }),
    );
  });
}

let dir: string;
let tarball: string;
let installed: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'stellenplan-paket-'));
  // `npm pack` runs "prepare", which compiles lib/ from the sources
  const packed = await run('npm', ['pack', '--pack-destination', dir, '--json'], ROOT);
  expect([packed.code, packed.stderr.includes('ERR!')]).toEqual([0, false]);
  tarball = path.join(dir, (JSON.parse(packed.stdout) as { filename: string }[])[0].filename);
  installed = path.join(dir, 'rathaus');
  await fs.mkdir(installed);
  const install = await run(
    'npm',
    ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline', tarball],
    installed,
  );
  expect([install.code, install.stderr.includes('ERR!')]).toEqual([0, false]);
});

afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

const bin = () => path.join(installed, 'node_modules', '.bin', 'stellenplan');

test('the tarball holds the command, the compiled lib/ and the docs, and nothing of the checkout', async () => {
  const listed = await run('tar', ['-tzf', tarball], dir);
  const files = listed.stdout
    .split('\n')
    .filter(Boolean)
    .map((f) => f.replace(/^package\//, ''));
  expect(files).toEqual(
    expect.arrayContaining(['package.json', 'bin/stellenplan.js', 'lib/cli/main.js', 'docs/betrieb.md']),
  );
  expect(
    files.filter((f) => /^(src|tests|scripts|node_modules|examples|bench)\//.test(f) || /\.ts$/.test(f)),
  ).toEqual([]);
  // a plain Node script: npm writes the launchers (.cmd/.ps1 on Windows) from this shebang
  expect(readFileSync(path.join(ROOT, 'bin', 'stellenplan.js'), 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
});

test('the install holds the runtime dependencies only (no dev dependency, no build tools)', async () => {
  type Tree = { dependencies?: Record<string, Tree> };
  const ls = await run('npm', ['ls', '--all', '--json'], installed);
  const ours = (JSON.parse(ls.stdout) as Tree).dependencies![pkg.name];
  expect(Object.keys(ours.dependencies ?? {}).sort()).toEqual(Object.keys(pkg.dependencies).sort());
  // everything in node_modules must be reachable from the runtime dependencies
  const reachable = new Set<string>();
  const walk = (t: Tree) =>
    Object.entries(t.dependencies ?? {}).forEach(([name, sub]) => {
      reachable.add(name);
      walk(sub);
    });
  walk(ours);
  const top = (await fs.readdir(path.join(installed, 'node_modules'))).flatMap((d) =>
    d.startsWith('@') ? readdirScoped(d) : d.startsWith('.') ? [] : [d],
  );
  expect(top.filter((d) => d !== pkg.name && !reachable.has(d))).toEqual([]);
  for (const tool of [
    'typescript',
    'webpack',
    'jest',
    'react',
    '@fluentui/react-components',
    'office-addin-cli',
  ])
    expect([tool, top.includes(tool)]).toEqual([tool, false]);
});

function readdirScoped(scope: string): string[] {
  return readdirSync(path.join(installed, 'node_modules', scope)).map((n) => `${scope}/${n}`);
}

test('the installed stellenplan checks both examples, prints its version and writes a report', async () => {
  const work = path.join(dir, 'kaemmerei');
  await fs.mkdir(work);
  for (const name of ['obertshausen.xlsx', 'konstanz.xlsx']) {
    await fs.copyFile(path.join(ROOT, 'examples', name), path.join(work, name));
    const r = await run(bin(), ['check', name, '--json'], work);
    expect([name, r.code, r.stderr]).toEqual([name, 0, '']);
    const json = JSON.parse(r.stdout) as { summary: { errors: number }; measures: unknown[] };
    expect(json.summary.errors).toBe(0);
    expect(json.measures.length).toBeGreaterThan(0);
  }
  expect((await run(bin(), ['--version'], work)).stdout).toBe(`${pkg.version}\n`);
  const report = await run(bin(), ['report', 'obertshausen.xlsx', '-o', 'bericht.xlsx'], work);
  expect(report.code).toBe(0);
  expect((await fs.stat(path.join(work, 'bericht.xlsx'))).size).toBeGreaterThan(10_000);
  expect((await run(bin(), ['check', 'obertshausen.xlsx', '--jsn'], work)).code).toBe(2);
});

test('in the checkout `npx stellenplan` runs the project’s own command (no link script, nothing downloaded)', async () => {
  // --no: never fetch a package of that name from the registry; the project's own bin must answer
  const r = await run('npm', ['exec', '--no', '--', 'stellenplan', '--version'], ROOT);
  expect([r.code, r.stdout]).toEqual([0, `${pkg.version}\n`]);
});
