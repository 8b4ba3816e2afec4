import { readFileSync } from 'fs';
import * as path from 'path';

/**
 * The standalone page never sends the user's workbook anywhere (issue 7): its Content Security Policy
 * allows connections only to its own origin. The browser test shows that no request leaves; this pins
 * the policy itself – in webpack.config.js, in the page template and in the built page (dist).
 */
const ROOT = path.join(__dirname, '..', '..', '..');

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );
}

/** The CSP string as webpack.config.js builds it (the `CSP` array joined with "; "). */
function configCsp(): string {
  const source = readFileSync(path.join(ROOT, 'webpack.config.js'), 'utf8');
  const block = /const CSP = \[([\s\S]*?)\]\.join\('; '\)/.exec(source);
  expect(block).not.toBeNull();
  const parts = [...block![1].matchAll(/"([^"]+)"/g)].map((m) => m[1]);
  return parts.join('; ');
}

test('webpack.config.js: connect-src is only the page itself, and nothing names another host', () => {
  const csp = directives(configCsp());
  expect(csp.get('connect-src')).toEqual(["'self'"]);
  expect(csp.get('default-src')).toEqual(["'self'"]);
  expect(csp.get('form-action')).toEqual(["'none'"]);
  for (const [, values] of csp) for (const v of values) expect(v).not.toMatch(/^(https?:|wss?:|\*)/);
  // the same string goes into the page (meta tag) and the dev server's header
  const source = readFileSync(path.join(ROOT, 'webpack.config.js'), 'utf8');
  expect(source).toMatch(/templateParameters: \{ csp: CSP \}/);
  expect(source).toMatch(/'Content-Security-Policy': CSP/);
  expect(readFileSync(path.join(ROOT, 'src', 'taskpane', 'taskpane.html'), 'utf8')).toMatch(
    /http-equiv="Content-Security-Policy"[^>]*csp/,
  );
});

// The built page (dist/taskpane.html) is checked in tests/browser/taskpane.test.ts, which builds it.
