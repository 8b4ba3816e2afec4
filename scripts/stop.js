#!/usr/bin/env node
'use strict';
// `npm stop`: ends the dev server that `npm start` started in this checkout (and only that one).
const fs = require('fs');
const path = require('path');

const pidFile = path.join(__dirname, '..', 'node_modules', '.cache', 'stellenplan-start.json');
let saved;
try {
  saved = JSON.parse(fs.readFileSync(pidFile, 'utf8'));
} catch {
  process.stdout.write('Kein laufender Server von npm start gefunden. / No server started by npm start.\n');
  process.exit(0);
}
let stopped = false;
// the server first, so that it cannot outlive its starter; then the starter
for (const pid of [saved.server, saved.start]) {
  try {
    process.kill(pid, 'SIGTERM');
    stopped = true;
  } catch {
    /* not running any more */
  }
}
fs.rmSync(pidFile, { force: true });
process.stdout.write(
  stopped
    ? `Server beendet (Prozess ${saved.start}). / Server stopped.\n`
    : 'Der Server lief nicht mehr. / The server was no longer running.\n',
);
