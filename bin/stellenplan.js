#!/usr/bin/env node
'use strict';
// A reader that stops early (`stellenplan check … | head`) closes the pipe: end quietly, no stack trace.
process.stdout.on('error', (e) => {
  if (e && e.code === 'EPIPE') process.exit(process.exitCode || 0);
  throw e;
});
// Thin launcher: the command is compiled to lib/ by `npm run build:cli` (runs on npm ci via "prepare").
require('../lib/cli/main.js')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
