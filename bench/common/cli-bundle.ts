import * as path from 'path';
import { buildSync } from 'esbuild';

const ROOT = path.join(__dirname, '..', '..');
/**
 * The project folder. esbuild bundles a bench into node_modules/.cache, so __dirname is then that folder,
 * not bench/…: cut the path at node_modules.
 */
export const PROJECT = ROOT.includes(`${path.sep}node_modules${path.sep}`)
  ? ROOT.slice(0, ROOT.indexOf(`${path.sep}node_modules${path.sep}`))
  : ROOT;

/**
 * The stellenplan command bundled from a source tree (the current one or a baseline commit's) into one
 * file, packages left external and resolved from the project's node_modules; bin/stellenplan.js would
 * need lib/, built separately.
 */
export function bundleCli(outfile: string, sourceRoot = PROJECT): string {
  buildSync({
    stdin: {
      contents:
        "require('./src/cli/main').main(process.argv.slice(2)).then((code) => { process.exitCode = code; });",
      resolveDir: sourceRoot,
      loader: 'js',
    },
    bundle: true,
    platform: 'node',
    target: 'node20',
    outfile,
    packages: 'external',
    nodePaths: [path.join(PROJECT, 'node_modules')],
    logLevel: 'error',
  });
  return outfile;
}
