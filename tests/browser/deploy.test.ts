import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as https from 'https';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import { DOMParser, type Element, type Node } from '@xmldom/xmldom';
import { chromium, type Browser } from 'playwright-core';
import { ensureWebBuild } from '../support/build-web';
import { staticFiles } from '../support/static-server';

/**
 * docs/betrieb.md on this machine: dist/ served by an HTTPS server with a certificate from an internal CA,
 * under the address IT chose (ADDIN_URL), with the add-in's CSP as a header; every URL of the production
 * manifest answers with the file from dist/; the task pane and the help page work in Chromium.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { addinUrl, prodManifest } = require('../../scripts/manifest-url') as {
  addinUrl: (v?: string) => string;
  prodManifest: (xml: string, base: string) => string;
};

const ROOT = path.join(__dirname, '..', '..');
const ARTIFACTS = path.join(ROOT, 'tests', 'artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HOST = 'intranet.example';

let dist: string;
let tmp: string;
let ca: string;
let server: https.Server;
let base: string;
let browser: Browser;
let csp: string;

/** Every URL a manifest names (attribute values and element text). */
function manifestUrls(xml: string): string[] {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const urls = new Set<string>();
  const walk = (n: Node) => {
    if (n.nodeType === 1)
      for (const a of Array.from((n as Element).attributes))
        // namespace declarations are names, not addresses Office loads
        if (/^https?:/.test(a.value) && !/^xmlns(:|$)/.test(a.name)) urls.add(a.value);
    if (n.nodeType === 3 && /^\s*https?:/.test(n.nodeValue ?? '')) urls.add(n.nodeValue!.trim());
    Array.from(n.childNodes).forEach(walk);
  };
  walk(doc.documentElement!);
  return [...urls].sort();
}

function openssl(args: string[]): void {
  execFileSync('openssl', args, { cwd: tmp, stdio: 'pipe' });
}

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`Chromium fehlt unter ${CHROMIUM} (.ci/run installiert das Paket chromium).`);
  dist = ensureWebBuild();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'stellenplan-betrieb-'));
  // an internal CA and a server certificate it signed, as a town's IT would have (docs/betrieb.md)
  openssl([
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-subj',
    '/CN=Stadt Beispiel CA',
    '-keyout',
    'ca.key',
    '-out',
    'ca.crt',
  ]);
  openssl([
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    `/CN=${HOST}`,
    '-keyout',
    'server.key',
    '-out',
    'server.csr',
  ]);
  fs.writeFileSync(path.join(tmp, 'san.ext'), `subjectAltName=DNS:${HOST}\n`);
  openssl([
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.crt',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-days',
    '2',
    '-extfile',
    'san.ext',
    '-out',
    'server.crt',
  ]);
  ca = fs.readFileSync(path.join(tmp, 'ca.crt'), 'utf8');
  const html = fs.readFileSync(path.join(dist, 'taskpane.html'), 'utf8');
  csp = /http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
  // the web server of docs/betrieb.md: dist/ under /stellenplan/, the CSP as a header, nothing else
  server = https.createServer(
    {
      key: fs.readFileSync(path.join(tmp, 'server.key')),
      cert: fs.readFileSync(path.join(tmp, 'server.crt')),
    },
    staticFiles(dist, csp, { prefix: '/stellenplan/', headers: { 'X-Content-Type-Options': 'nosniff' } }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = addinUrl(`https://${HOST}:${(server.address() as AddressInfo).port}/stellenplan`);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', `--host-resolver-rules=MAP ${HOST} 127.0.0.1`, '--no-first-run'],
  });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** GET over HTTPS trusting only the internal CA, the host name resolved to this machine. */
function get(url: string): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { ca, lookup: (_h, _o, cb) => cb(null, [{ address: '127.0.0.1', family: 4 }]) }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

test('every URL of the built manifest.prod.xml is a file in dist/', () => {
  const urls = manifestUrls(fs.readFileSync(path.join(dist, 'manifest.prod.xml'), 'utf8'));
  expect(urls.length).toBeGreaterThanOrEqual(6);
  // whatever ADDIN_URL the build had (localhost by default): one base, the task pane's folder
  const built = urls.find((u) => u.endsWith('/taskpane.html'))!.slice(0, -'taskpane.html'.length);
  const missing = urls.filter(
    (u) => !u.startsWith(built) || !fs.existsSync(path.join(dist, u.slice(built.length).split('?')[0])),
  );
  expect(missing).toEqual([]);
  // the SupportUrl, which used to point nowhere
  expect(urls).toContain(`${built}hilfe.html`);
});

test('with ADDIN_URL every manifest URL answers over HTTPS (internal CA) with the file from dist/', async () => {
  const xml = prodManifest(fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8'), base);
  expect(xml).not.toContain('localhost');
  const urls = manifestUrls(xml);
  expect(urls.every((u) => u.startsWith(base))).toBe(true);
  for (const url of urls) {
    const r = await get(url);
    const file = fs.readFileSync(path.join(dist, url.slice(base.length)));
    expect([url, r.status, r.body.equals(file)]).toEqual([url, 200, true]);
  }
  // the certificate is checked: without the internal CA the connection is refused
  await expect(
    new Promise((resolve, reject) =>
      https
        .get(
          `${base}hilfe.html`,
          { lookup: (_h, _o, cb) => cb(null, [{ address: '127.0.0.1', family: 4 }]) },
          resolve,
        )
        .on('error', reject),
    ),
  ).rejects.toThrow(/self[- ]signed|unable to (get|verify)/i);
});

test('Chromium loads the task pane and the help page from the intranet address, nothing from elsewhere', async () => {
  // Chromium does not know the internal CA (a real PC gets it by group policy); Node checked the chain above
  const context = await browser.newContext({ ignoreHTTPSErrors: true, locale: 'de-DE' });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  const failed: string[] = [];
  page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
  page.on(
    'console',
    (m) => m.type() === 'error' && !/^Failed to load resource/.test(m.text()) && errors.push(m.text()),
  );
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}taskpane.html`);
  await page.getByRole('button', { name: 'Arbeitsmappe öffnen …' }).waitFor();
  await page.getByTestId('file-input').setInputFiles(path.join(ROOT, 'examples', 'obertshausen.xlsx'));
  await page.getByTestId('summary').waitFor();
  expect(await page.getByTestId('summary').textContent()).toContain('0 Fehler');
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, 'betrieb-taskpane.png') });
  await page.goto(`${base}hilfe.html`);
  await page.getByRole('heading', { name: 'Stellenplan & Deckung – Hilfe' }).waitFor();
  expect(await page.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(64);
  await page.screenshot({ path: path.join(ARTIFACTS, 'betrieb-hilfe.png'), fullPage: true });
  await context.close();
  expect(errors).toEqual([]);
  // the browser's own favicon request goes to the server root, outside the add-in's folder
  expect(failed.filter((f) => !f.endsWith('/favicon.ico'))).toEqual([]);
  expect(
    requests.filter((u) => !u.startsWith(base) && !u.startsWith('blob:') && !u.startsWith('data:')),
  ).toEqual([]);
}, 180_000);
