import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ensureWebBuild } from '../support/build-web';
import { serveStatic } from '../support/static-server';

/**
 * The task pane as a standalone page in Debian's Chromium: a finance officer opens a workbook file,
 * sees the cover per plan year, asks "wie berechnet?", switches language, and nothing leaves the machine.
 */
const ROOT = path.join(__dirname, '..', '..');
const ARTIFACTS = path.join(ROOT, 'tests', 'artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let page: Page;
const requests: string[] = [];

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`Chromium fehlt unter ${CHROMIUM} (.ci/run installiert das Paket chromium).`);
  const dist = ensureWebBuild();
  const html = fs.readFileSync(path.join(dist, 'taskpane.html'), 'utf8');
  const csp = /Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
  server = await serveStatic(dist, csp);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  page = await browser.newPage({
    viewport: { width: 900, height: 1000 },
    locale: 'de-DE',
    reducedMotion: 'reduce',
  });
  page.on('request', (r) => requests.push(r.url()));
  fs.mkdirSync(ARTIFACTS, { recursive: true });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('shows the Obertshausen cover per plan year from an opened file, with "wie berechnet"', async () => {
  await page.goto(`${server.url}/taskpane.html`);
  await page.getByRole('button', { name: 'Arbeitsmappe öffnen …' }).waitFor();
  await page.getByTestId('file-input').setInputFiles(path.join(ROOT, 'examples', 'obertshausen.xlsx'));
  await page.getByTestId('summary').waitFor();
  expect(await page.getByTestId('summary').textContent()).toContain('0 Fehler');
  // E9b Stufe 3: 4.203,56 € × 12,85 × 1,2915 = 69.761,34 € in 2027
  const amount = page.getByRole('button', { name: /M-2027-01 Kosten 2027: 69\.761,34 €/ });
  await amount.click();
  await page.getByText('Monatsbetrag E9b Stufe 3 (Vollzeit)').waitFor();
  expect(await page.getByText('4.203,56 €').first().isVisible()).toBe(true);
  await page.screenshot({ path: path.join(ARTIFACTS, 'taskpane-obertshausen.png'), fullPage: true });
  await page.keyboard.press('Escape');
  // the findings tab names cells
  await page.getByRole('tab', { name: /Prüfung/ }).click();
  await page.getByText('FIXED_TERM_REVIEW').first().waitFor();
  expect(await page.getByRole('button', { name: 'Maßnahmen!K2' }).count()).toBe(1);
}, 120_000);

test('switches to English and to a variant scenario', async () => {
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('tab', { name: 'Measures' }).click();
  await page.getByRole('combobox').selectOption('Verstetigung ab 2029');
  await page.getByText('M-2029-01').waitFor();
  expect(await page.getByRole('button', { name: /M-2029-01 Cost 2029/ }).count()).toBe(1);
  await page.getByRole('button', { name: 'Deutsch' }).click();
}, 60_000);

test('a broken file ends in a clear German message, and no request left the page origin', async () => {
  const bad = path.join(os.tmpdir(), `kaputt-${process.pid}.xlsx`);
  fs.writeFileSync(bad, 'Das ist keine Arbeitsmappe');
  await page.getByTestId('file-input').setInputFiles(bad);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  expect(await alert.textContent()).toMatch(/keine (lesbare )?Excel-Arbeitsmappe/);
  const foreign = requests.filter(
    (u) => !u.startsWith(server.url) && !u.startsWith('data:') && !u.startsWith('blob:'),
  );
  expect(foreign).toEqual([]);
}, 60_000);
