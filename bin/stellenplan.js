#!/usr/bin/env node
'use strict';
// Thin launcher: the command is compiled to lib/ by `npm run build:cli` (runs on npm ci via "prepare").
require('../lib/cli/main.js')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
