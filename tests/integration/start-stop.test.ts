import { execFile, spawn } from 'child_process';
import * as http from 'http';
import * as path from 'path';
import { ROOT } from './support/cli';

/** `npm stop` ends what `npm start` started (issue 16): the dev server stops listening, both processes end. */
jest.setTimeout(240_000);

const port = 31000 + Math.floor(Math.random() * 2000);

function answers(): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/', timeout: 5000 }, (res) => {
      res.resume();
      resolve(true);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => req.destroy());
  });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

test('npm start -- --http serves; npm stop ends the server and the starter', async () => {
  const start = spawn(process.execPath, [path.join(ROOT, 'scripts', 'start.js'), '--http'], {
    cwd: ROOT,
    env: { ...process.env, STELLENPLAN_PORT: String(port) },
  });
  let out = '';
  start.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
  start.stderr.on('data', (d: Buffer) => (out += d.toString('utf8')));
  const ended = new Promise<number | null>((resolve) => start.on('exit', (code) => resolve(code)));
  try {
    // the dev server listens before its first compilation is done
    const deadline = Date.now() + 180_000;
    while (!(await answers())) {
      if (Date.now() > deadline || start.exitCode !== null)
        throw new Error(`kein Server auf ${port}:\n${out}`);
      await new Promise((r) => setTimeout(r, 1000));
    }
    expect(out).toContain('beenden: npm stop');
    const stop = await new Promise<string>((resolve, reject) =>
      execFile('npm', ['stop'], { cwd: ROOT }, (e, stdout) =>
        e ? reject(new Error(e.message)) : resolve(stdout),
      ),
    );
    expect(stop).toMatch(/Server beendet/);
    await ended;
    expect(await answers()).toBe(false);
    expect(alive(start.pid!)).toBe(false);
  } finally {
    if (start.exitCode === null) start.kill();
  }
});
