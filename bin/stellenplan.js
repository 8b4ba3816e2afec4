#!/usr/bin/env node
'use strict';
// The `stellenplan` command: a plain Node script (npm makes the launchers on Linux and Windows); the program
// is the compiled lib/ shipped in the package (in a checkout `npm ci` compiles it through "prepare").
require('../lib/cli/main.js').run();
