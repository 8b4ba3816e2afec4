import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { D, formatEuro } from '../../src/domain/money';
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
const consoleErrors: string[] = [];

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`Chromium fehlt unter ${CHROMIUM} (.ci/run installiert das Paket chromium).`);
  const dist = ensureWebBuild();
  const html = fs.readFileSync(path.join(dist, 'taskpane.html'), 'utf8');
  // minified: the attribute quotes may be gone (http-equiv=Content-Security-Policy content="…")
  const csp = /http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
  // the built page allows no remote hosts: nothing the user opens can be sent anywhere
  if (!/(^|;)\s*connect-src 'self'\s*(;|$)/.test(csp)) throw new Error(`CSP der gebauten Seite: ${csp}`);
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
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('pageerror', (e) => consoleErrors.push(e.message));
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

test('the new-position wizard shows live cost, takes a free cover source, writes rows and logs them in Protokoll', async () => {
  await page.getByTestId('file-input').setInputFiles(path.join(ROOT, 'examples', 'obertshausen.xlsx'));
  await page.getByTestId('summary').waitFor();
  await page.getByRole('tab', { name: 'Neue Stelle' }).click();
  await page.getByLabel('Bezeichnung').fill('Datenschutzkoordination');
  await page.getByLabel('Organisationseinheit').fill('FB1 Zentrale Dienste');
  await page.getByLabel('Beginn').fill('2029-01-01');
  // live cost: E9b Stufe 3 in 2029 = 4.203,56 € × 12,85 × 1,2915 × 1,03² (rounded once)
  const expected2029 = new D('4203.56')
    .times('12.85')
    .times('1.2915')
    .times(new D('1.03').pow(2))
    .toDecimalPlaces(2, D.ROUND_HALF_UP);
  expect(await page.getByTestId('preview-cost-2029').textContent()).toBe(formatEuro(expected2029));
  expect(await page.getByTestId('preview-balance-2029').textContent()).toBe(formatEuro(expected2029.neg()));
  // the planned FB5 position is free from 2029 (the motion uses it in 2027–2028), but E10/1 < E9b/3
  await page.getByRole('checkbox', { name: /5\.07 Supervision/ }).check();
  expect(await page.getByTestId('preview-balance-2029').textContent()).toMatch(/^-/);
  await page.getByText('COVER_SHORTFALL').waitFor();
  // with the free Bauhof position as well, 2029 is covered
  await page.getByRole('checkbox', { name: /6\.12 Bauhof/ }).check();
  expect(await page.getByTestId('preview-balance-2029').textContent()).not.toMatch(/^-/);
  await page.screenshot({ path: path.join(ARTIFACTS, 'taskpane-wizard.png'), fullPage: true });
  await page.getByRole('button', { name: 'Maßnahme und Deckung eintragen' }).click();
  await page.getByTestId('notice').waitFor();
  expect(await page.getByTestId('notice').textContent()).toContain('M-2027-02');
  await page.getByText('Datenschutzkoordination').first().waitFor();
  // saving gives the workbook with the new rows and their Protokoll entries
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Arbeitsmappe speichern' }).click(),
  ]);
  const saved = path.join(os.tmpdir(), `gespeichert-${process.pid}.xlsx`);
  await download.saveAs(saved);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(saved);
  const massnahmen = wb.getWorksheet('Maßnahmen')!;
  const ids = massnahmen.getColumn(1).values.slice(2).map(String);
  expect(ids).toContain('M-2027-02');
  const protokoll = wb.getWorksheet('Protokoll')!;
  expect(protokoll.getCell('A1').value).toBe('Zeitpunkt');
  expect(protokoll.rowCount).toBe(4); // header + measure row + two cover rows
  expect(protokoll.getCell('F2').text).toContain('M-2027-02');
  expect(protokoll.getCell('C3').value).toBe('Deckung');
}, 120_000);

test('compares Basis and the variant side by side (Konstanz) and never logged a console error', async () => {
  await page.getByTestId('file-input').setInputFiles(path.join(ROOT, 'examples', 'konstanz.xlsx'));
  await page.getByTestId('summary').waitFor();
  await page.getByRole('tab', { name: 'Szenarienvergleich' }).click();
  await page.getByRole('cell', { name: /^Variante Informationssicherheit/ }).waitFor();
  expect(await page.getByText('zusätzlich K-07').count()).toBe(1);
  // the chart: one bar per scenario and plan year, each titled with its amount; a legend and € axis
  expect(await page.locator('figure svg rect:has(title)').count()).toBe(2 * 5);
  expect(await page.locator('figure svg text', { hasText: 'Variante Informationssicherheit' }).count()).toBe(
    1,
  );
  expect(await page.locator('figure svg text', { hasText: /^0 €$/ }).count()).toBe(1);
  await page.screenshot({ path: path.join(ARTIFACTS, 'taskpane-szenarien.png'), fullPage: true });
  await page.getByRole('tab', { name: /Prüfung/ }).click();
  await page.getByText('TERM_OPEN').first().waitFor();
  await page.screenshot({ path: path.join(ARTIFACTS, 'taskpane-pruefung.png'), fullPage: true });
  expect(consoleErrors).toEqual([]);
}, 60_000);

test('adopts a covered measure into the plan and takes it back, as the command line does', async () => {
  await page.getByTestId('file-input').setInputFiles(path.join(ROOT, 'examples', 'obertshausen.xlsx'));
  await page.getByTestId('summary').waitFor();
  await page.getByRole('tab', { name: 'Maßnahmen' }).click();
  const adopt = page.getByRole('button', { name: 'Beschluss übernehmen' });
  expect(await adopt.count()).toBe(1);
  await adopt.click();
  await page.getByText('M-2027-01: beschlossen und in den Plan übernommen (Protokoll)').waitFor();
  expect(await page.getByTestId('summary').textContent()).toContain('0 Fehler');
  expect(await page.getByRole('button', { name: 'Beschluss übernehmen' }).count()).toBe(0);
  await page.getByRole('button', { name: 'Letzten Beschluss zurücknehmen' }).click();
  await page.getByText('Letzter Beschluss zurückgenommen (Protokoll)').waitFor();
  expect(await page.getByRole('button', { name: 'Beschluss übernehmen' }).count()).toBe(1);
  expect(consoleErrors).toEqual([]);
}, 60_000);

test('shows the margin of every personnel budget line per year', async () => {
  await page.getByTestId('file-input').setInputFiles(path.join(ROOT, 'examples', 'obertshausen.xlsx'));
  await page.getByTestId('summary').waitFor();
  await page.getByRole('tab', { name: 'Planansätze' }).click();
  // FB6 Bauhof 2027: Ansatz 262.000 € minus 6.01 (E9a/5), 6.11, 6.12 (E5/3) and 6.13 (E5/4), each × 12,85 × 1,2915
  const cost = ['4697.43', '3449.05', '3449.05', '3587.78'].map((m) =>
    new D(m).times('12.85').times('1.2915').toDecimalPlaces(2, D.ROUND_HALF_UP),
  );
  const margin = new D(262000).minus(cost.reduce((a, b) => a.plus(b), new D(0)));
  expect(await page.getByTestId('budget-5.4.01.5011-margin-2027').textContent()).toBe(formatEuro(margin));
  await page.screenshot({ path: path.join(ARTIFACTS, 'taskpane-planansaetze.png'), fullPage: true });
}, 60_000);

test('writes the committee report into the opened file and saves it with all papers', async () => {
  await page.getByTestId('file-input').setInputFiles(path.join(ROOT, 'examples', 'konstanz.xlsx'));
  await page.getByTestId('summary').waitFor();
  await page.getByRole('button', { name: 'Bericht HFW schreiben' }).click();
  await page.getByText(/^Bericht geschrieben/).waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Arbeitsmappe speichern' }).click(),
  ]);
  const saved = path.join(os.tmpdir(), `bericht-${process.pid}.xlsx`);
  await download.saveAs(saved);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(saved);
  for (const sheet of [
    'Übersicht HFW',
    'Szenarien',
    'Stellenplan',
    'Beschlussvorlage',
    'Prüfung',
    'Berechnung',
  ])
    expect(wb.getWorksheet(sheet)).toBeDefined();
  expect(consoleErrors).toEqual([]);
}, 60_000);
