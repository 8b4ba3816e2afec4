/**
 * Nightly fuzzing of the whole path workbook → findings (not part of `npm test`):
 *
 *   node scripts/run-ts.js scripts/fuzz.ts --runs 10000 [--seed N] [--order 0.2] [--adapter 0.2]
 *                                          [--no-report] [--collect]
 *
 * `--runs` cases in all: a share (`--order`, default a fifth) checks that shuffled columns give the same
 * findings and amounts, a share (`--adapter`, default a fifth) that the Office.js adapter (strict fake) sees
 * what the file adapter sees, the rest checks every cell (never a crash, every unusable cell named with sheet
 * and cell, usable cells never) and, unless `--no-report`, also builds and writes the report, checks Excel's
 * limits in it and reopens it. A failure is shrunk and printed with its seed and path, to replay it with
 * `fc.assert(…, { seed, path })`. `--collect` does not stop at the first failure: it counts every violated
 * property over all cases. Exit code 0 when every case passed, 1 otherwise.
 */
import fc from 'fast-check';
import {
  adapterProperty,
  cellProperty,
  checkCase,
  orderProperty,
  runCase,
  stats,
  workbookArb,
  writeFuzzWorkbook,
  type Violation,
} from '../tests/support/fuzz-workbook';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const runs = Number(arg('--runs') ?? 1000);
const seed = Number(arg('--seed') ?? Date.now() % 2 ** 31);
const orderShare = Number(arg('--order') ?? 0.2);
const adapterShare = Number(arg('--adapter') ?? 0.2);
const report = !process.argv.includes('--no-report');

async function collect(): Promise<number> {
  const tally = new Map<string, { count: number; examples: Map<string, string> }>();
  let crashes = 0;
  const cases = fc.sample(workbookArb(), { seed, numRuns: runs });
  for (const [k, fw] of cases.entries()) {
    let violations: Violation[];
    try {
      violations = checkCase(fw, await runCase(await writeFuzzWorkbook(fw), { report }));
    } catch (e) {
      crashes++;
      violations = [
        { property: 'Absturz', detail: (e as Error).stack?.split('\n').slice(0, 4).join(' ') ?? String(e) },
      ];
    }
    for (const v of violations) {
      const t = tally.get(v.property) ?? { count: 0, examples: new Map<string, string>() };
      t.count++;
      // a few examples of different sorts: keyed by the cell's description without its address
      const sort = v.detail
        .replace(/^[^:]*:\s*/, '')
        .replace(/[\d.,]+/g, '#')
        .slice(0, 40);
      if (t.examples.size < 8 && !t.examples.has(sort))
        t.examples.set(sort, `Fall ${k}: ${v.detail.slice(0, 300)}`);
      tally.set(v.property, t);
    }
    if ((k + 1) % 500 === 0) process.stderr.write(`… ${k + 1} Fälle\n`);
  }
  console.log(`Seed ${seed}: ${cases.length} Fälle, ${crashes} Abstürze`);
  console.log(
    `${stats.workbooks} Mappen (${stats.unusable} unbrauchbar), ${stats.cells} Zellen beurteilt – ${stats.bad} unbrauchbar, ${stats.ok} brauchbar, ${stats.empty} leer; ${stats.findings} Meldungen`,
  );
  for (const [p, t] of tally)
    console.log(`- ${p}: ${t.count}×\n${[...t.examples.values()].map((e) => `    ${e}`).join('\n')}`);
  return tally.size === 0 ? 0 : 1;
}

async function main(): Promise<number> {
  if (process.argv.includes('--collect')) return collect();
  const orderRuns = Math.round(runs * orderShare);
  const adapterRuns = Math.round(runs * adapterShare);
  const cellRuns = runs - orderRuns - adapterRuns;
  const started = Date.now();
  let failed = false;
  for (const [name, property, numRuns, s] of [
    ['Zellen', cellProperty({ report }), cellRuns, seed],
    ['Spaltenreihenfolge', orderProperty(), orderRuns, seed + 1],
    ['Excel-Adapter', adapterProperty(), adapterRuns, seed + 2],
  ] as const) {
    if (numRuns === 0) continue;
    const t0 = Date.now();
    const details = await fc.check(property as fc.IAsyncProperty<[unknown]>, { seed: s, numRuns });
    const secs = ((Date.now() - t0) / 1000).toFixed(1);
    if (details.failed) {
      failed = true;
      console.log(
        `✗ ${name}: Fehler nach ${details.numRuns} von ${numRuns} Fällen (${secs} s), seed ${details.seed}, path "${details.counterexamplePath}", ${details.numShrinks}× verkleinert`,
      );
      console.log(String((details.errorInstance as Error | undefined)?.message ?? details.errorInstance));
    } else console.log(`✓ ${name}: ${details.numRuns} Fälle ohne Fehler (${secs} s, seed ${s})`);
  }
  console.log(
    `Zellen-Eigenschaft: ${stats.workbooks} Mappen (${stats.unusable} unbrauchbar), ${stats.cells} Zellen beurteilt – ${stats.bad} unbrauchbar, ${stats.ok} brauchbar, ${stats.empty} leer; ${stats.findings} Meldungen`,
  );
  console.log(
    `${runs} Fälle in ${((Date.now() - started) / 1000).toFixed(0)} s, seed ${seed}${report ? ', mit Bericht' : ''}`,
  );
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(2);
  },
);
