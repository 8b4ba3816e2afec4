#!/usr/bin/env node
'use strict';
// npm links the bins of dependencies, not the project's own: make `node_modules/.bin/stellenplan` exist too,
// so that the command works the same from scripts, tests and a shell in this checkout.
const fs = require('fs');
const path = require('path');
const binDir = path.join(__dirname, '..', 'node_modules', '.bin');
const target = path.join(binDir, 'stellenplan');
fs.mkdirSync(binDir, { recursive: true });
try {
  fs.unlinkSync(target);
} catch {
  /* not there yet */
}
fs.symlinkSync(path.join('..', '..', 'bin', 'stellenplan.js'), target);
