#!/usr/bin/env node
'use strict';
// `npm start`: serves the add-in and the standalone page from webpack's dev server on port 3000.
// https needs the Office dev certificates (office-addin-dev-certs installs a CA, which asks for sudo on
// Linux); `npm start -- --http` serves plain http, enough for the standalone page on this machine.
// `npm stop` ends what this started: the process ids are kept in node_modules/.cache/stellenplan-start.json.
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');

const pidFile = path.join(__dirname, '..', 'node_modules', '.cache', 'stellenplan-start.json');
const http = process.argv.includes('--http');
const env = { ...process.env, ...(http ? { NO_HTTPS: '1' } : {}) };
const scheme = http ? 'http' : 'https';
process.stdout.write(
  [
    `Stellenplan & Deckung: ${scheme}://localhost:3000/taskpane.html (beenden: npm stop)`,
    '  Ohne Excel: die Seite im Browser öffnen und eine .xlsx-Datei wählen (die Datei bleibt auf dem Rechner).',
    '  Excel im Web: Einfügen › Add-ins › Meine Add-ins verwalten › Mein Add-In hochladen › manifest.xml.',
    '  Excel unter Windows/Mac: manifest.xml über einen freigegebenen Ordner bzw. ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef querladen.',
    '',
  ].join('\n'),
);
const child = spawn(
  process.execPath,
  [
    path.join(__dirname, '..', 'node_modules', 'webpack', 'bin', 'webpack.js'),
    'serve',
    '--mode',
    'development',
  ],
  { stdio: 'inherit', env },
);
fs.mkdirSync(path.dirname(pidFile), { recursive: true });
fs.writeFileSync(pidFile, JSON.stringify({ start: process.pid, server: child.pid }));

function forget() {
  try {
    const saved = JSON.parse(fs.readFileSync(pidFile, 'utf8'));
    if (saved.start === process.pid) fs.unlinkSync(pidFile);
  } catch {
    /* already gone */
  }
}
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => {
    child.kill(signal);
  });
child.on('exit', (code, signal) => {
  forget();
  process.exit(code ?? (signal ? 0 : 1));
});
