#!/usr/bin/env node
'use strict';
// Runs a TypeScript script without a separate build: esbuild bundles it for Node on the fly.
const path = require('path');
const fs = require('fs');
const esbuild = require('esbuild');
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('Aufruf: node scripts/run-ts.js DATEI.ts [ARGUMENTE]');
  process.exit(2);
}
// Inside the project so that bundled-out packages resolve from node_modules.
const cacheDir = path.join(__dirname, '..', 'node_modules', '.cache', 'run-ts');
fs.mkdirSync(cacheDir, { recursive: true });
const outfile = path.join(fs.mkdtempSync(path.join(cacheDir, 'run-')), 'out.js');
esbuild.buildSync({
  entryPoints: [path.resolve(entry)],
  bundle: true,
  platform: 'node',
  target: 'node20',
  outfile,
  packages: 'external',
  sourcemap: 'inline',
  logLevel: 'error',
});
process.argv = [process.argv[0], path.resolve(entry), ...args];
require(outfile);
