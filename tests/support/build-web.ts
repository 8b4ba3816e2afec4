import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');

function newest(dir: string): number {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

/** Builds the add-in into dist/ unless the build is newer than every source file; returns dist/. */
export function ensureWebBuild(): string {
  const dist = path.join(ROOT, 'dist');
  const marker = path.join(dist, 'taskpane.html');
  const sources = Math.max(
    newest(path.join(ROOT, 'src')),
    fs.statSync(path.join(ROOT, 'webpack.config.js')).mtimeMs,
  );
  if (!fs.existsSync(marker) || fs.statSync(marker).mtimeMs < sources) {
    execFileSync(
      process.execPath,
      [path.join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', 'production'],
      {
        cwd: ROOT,
        stdio: 'pipe',
      },
    );
  }
  return dist;
}
