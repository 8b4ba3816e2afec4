import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { D } from '../../src/domain/money';
import { euro } from '../../src/taskpane/format';
import { ensureWebBuild } from '../support/build-web';
import { serveStatic } from '../support/static-server';
import { runCli } from '../integration/support/cli';
import { writeMessyWorkbook } from '../integration/support/workbooks';

/**
 * The task pane as a standalone page in Debian's Chromium at Excel's real pane size (350 × 900 px), light
 * and dark: a finance officer opens a workbook file, sees each measure's cover per plan year, asks "wie
 * berechnet?", adds a position with the wizard, adopts a measure after confirming, and nothing leaves the
 * machine. Every wait is on a condition (an element, an attribute), never on a fixed time.
 */
const ROOT = path.join(__dirname, '..', '..');
const ARTIFACTS = path.join(ROOT, 'tests', 'artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OBERTSHAUSEN = path.join(ROOT, 'examples', 'obertshausen.xlsx');
const KONSTANZ = path.join(ROOT, 'examples', 'konstanz.xlsx');
const TABS = ['Maßnahmen', 'Prüfung', 'Neue Stelle', 'Vergleich'];

let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let tmp: string;
let messy: string;

interface Pane {
  context: BrowserContext;
  page: Page;
  requests: string[];
  consoleErrors: string[];
}
const panes: Pane[] = [];

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`Chromium fehlt unter ${CHROMIUM} (.ci/run installiert das Paket chromium).`);
  const dist = ensureWebBuild();
  const html = fs.readFileSync(path.join(dist, 'taskpane.html'), 'utf8');
  // minified: the attribute quotes may be gone (http-equiv=Content-Security-Policy content="…")
  const csp = /http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
  // the built page allows no remote hosts and frames nothing: nothing the user opens can be sent anywhere
  if (!/(^|;)\s*connect-src 'self'\s*(;|$)/.test(csp)) throw new Error(`CSP der gebauten Seite: ${csp}`);
  if (!/(^|;)\s*frame-src 'none'\s*(;|$)/.test(csp)) throw new Error(`CSP ohne frame-src 'none': ${csp}`);
  // office.js is not a script of the page: the bundle loads it only inside Office
  if (/office-js\/office\.js/.test(html)) throw new Error('taskpane.html lädt office.js direkt');
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
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pane-'));
  messy = await writeMessyWorkbook(tmp, 'fehlerhaft.xlsx');
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** A fresh pane (own context) at Excel's pane size; every request and console error is recorded. */
async function newPane(theme: 'light' | 'dark' = 'light'): Promise<Pane> {
  const context = await browser.newContext({
    viewport: { width: 350, height: 900 },
    locale: 'de-DE',
    colorScheme: theme,
    reducedMotion: 'reduce',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const pane: Pane = { context, page, requests: [], consoleErrors: [] };
  page.on('request', (r) => pane.requests.push(r.url()));
  page.on('console', (m) => m.type() === 'error' && pane.consoleErrors.push(m.text()));
  page.on('pageerror', (e) => pane.consoleErrors.push(e.message));
  panes.push(pane);
  await page.goto(`${server.url}/taskpane.html`);
  await page.getByRole('button', { name: 'Arbeitsmappe öffnen …' }).waitFor();
  return pane;
}

// After every test: no console error, no request that left the page's origin, never office.js.
afterEach(async () => {
  const all = panes.splice(0);
  for (const p of all) await p.context.close();
  for (const p of all) {
    expect(p.consoleErrors).toEqual([]);
    const foreign = p.requests.filter(
      (u) => !u.startsWith(server.url) && !u.startsWith('data:') && !u.startsWith('blob:'),
    );
    expect(foreign).toEqual([]);
    expect(p.requests.filter((u) => u.includes('office-js/'))).toEqual([]);
  }
});

/** Opens a file and waits until its analysis is on screen (the summary carries a run counter). */
async function open(page: Page, file: string): Promise<void> {
  const before = Number(await page.locator('main').getAttribute('data-runs'));
  await page.getByTestId('file-input').setInputFiles(file);
  await page
    .locator(`[data-testid="summary"][data-run="${before + 1}"][data-file="${path.basename(file)}"]`)
    .waitFor();
}

/** The next analysis after a write (adopt, undo, wizard, report). */
async function nextRun(page: Page, action: () => Promise<void>): Promise<void> {
  const before = Number(await page.getByTestId('summary').getAttribute('data-run'));
  await action();
  await page.locator(`[data-testid="summary"][data-run="${before + 1}"]`).waitFor();
}

async function showTab(page: Page, name: string): Promise<void> {
  const tab = page.getByRole('tab', { name: new RegExp(`^${name}`) });
  await tab.click();
  await page.locator(`[role="tab"][aria-selected="true"]`, { hasText: name }).waitFor();
}

/** What a user at 350 px would notice: sideways scrolling, amounts broken over two lines, hidden tabs. */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth)
      problems.push(`page ${doc.scrollWidth} px wide in a ${doc.clientWidth} px pane`);
    for (const e of Array.from(document.querySelectorAll('main *'))) {
      const r = e.getBoundingClientRect();
      if (r.width > 0 && r.right > doc.clientWidth + 0.5 && problems.length < 8)
        problems.push(`sticks out: <${e.tagName.toLowerCase()}> "${(e.textContent ?? '').slice(0, 40)}"`);
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent ?? '';
      if (/\d €/.test(text)) problems.push(`amount without non-breaking space: "${text}"`);
      // each amount by itself: its characters' boxes all on one line
      for (const m of text.matchAll(/-?[\d.]+,\d\d\u00a0€/g)) {
        const range = document.createRange();
        range.setStart(n, m.index);
        range.setEnd(n, m.index + m[0].length);
        const lines = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)));
        if (lines.size > 1) problems.push(`amount on ${lines.size} lines: "${m[0]}" in "${text}"`);
      }
    }
    return problems;
  });
}

/** Every tab: visible inside the pane, reachable by a click, and laid out without a problem. */
async function everyTab(page: Page, shot?: string): Promise<void> {
  for (const name of TABS) {
    const tab = page.getByRole('tab', { name: new RegExp(`^${name}`) });
    const box = await tab.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x + box!.width).toBeLessThanOrEqual(350);
    // the four tabs share one row at 350 px
    const first = await page.getByRole('tab').first().boundingBox();
    expect(Math.round(box!.y)).toBe(Math.round(first!.y));
    await showTab(page, name);
    expect(await layoutProblems(page)).toEqual([]);
    if (shot)
      await page.screenshot({
        path: path.join(ARTIFACTS, `pane-${shot}-${name.replace(/\s/g, '-').toLowerCase()}.png`),
        fullPage: true,
      });
  }
}

test('the standalone page never loads office.js and frames nothing', async () => {
  const { page, requests } = await newPane();
  expect(await page.evaluate(() => typeof (window as unknown as { Office?: unknown }).Office)).toBe(
    'undefined',
  );
  expect(page.frames()).toHaveLength(1);
  expect(requests.some((u) => u.includes('office-js/'))).toBe(false);
}, 60_000);

test('Obertshausen at 350 px: every measure with its sources per year, "wie berechnet" for Kosten, Deckung, Saldo', async () => {
  const { page } = await newPane();
  await open(page, OBERTSHAUSEN);
  expect(await page.getByTestId('summary').textContent()).toContain('0 Fehler');
  // E9b Stufe 3: 4.203,56 € × 12,85 × 1,2915 = 69.761,34 € in 2027, with a non-breaking space before €
  expect(await page.getByTestId('cost-M-2027-01-2027').textContent()).toBe('69.761,34\u00a0€');
  await page.getByRole('button', { name: /M-2027-01 Kosten 2027: 69\.761,34/ }).click();
  await page.getByText('Monatsbetrag E9b Stufe 3 (Vollzeit)').waitFor();
  await page.keyboard.press('Escape');
  // each cover source with its amount in the year, and the sum explained
  const card = page.getByTestId('measure-M-2027-01');
  const sources = card.locator('[data-testid^="source-M-2027-01-"]');
  expect(await sources.count()).toBe(2);
  const amounts = await sources.evaluateAll((els) => els.map((e) => e.getAttribute('data-amount') ?? '0'));
  const cover = await page.getByTestId('cover-M-2027-01-2027').getAttribute('data-amount');
  expect(amounts.reduce((a, b) => a.plus(b), new D(0)).toFixed(2)).toBe(cover);
  await page.getByRole('button', { name: /M-2027-01 Deckung 2027/ }).click();
  await page.getByText('Deckung gesamt').waitFor();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: /M-2027-01 Saldo 2027/ }).click();
  await page.getByText('Saldo (Deckung − Kosten)').waitFor();
  await page.keyboard.press('Escape');
  // the verdict per plan year, and another year on request
  expect(await card.locator('[data-testid^="verdict-M-2027-01-"]').count()).toBe(5);
  expect(await page.getByTestId('verdict-M-2027-01-2027').getAttribute('data-verdict')).toBe('gedeckt');
  await page.getByRole('group', { name: 'Planjahr' }).getByRole('button', { name: '2028' }).click();
  await page.getByTestId('cost-M-2027-01-2028').waitFor();
  await everyTab(page, 'obertshausen-hell');
  // the findings tab names cells
  await showTab(page, 'Prüfung');
  await page.getByText('FIXED_TERM_REVIEW').first().waitFor();
  expect(await page.getByRole('button', { name: 'Maßnahmen!K2' }).count()).toBe(1);
}, 120_000);

test('Konstanz and a workbook with errors at 350 px, light and dark: no overflow, amounts on one line, all tabs', async () => {
  for (const theme of ['light', 'dark'] as const) {
    const { page } = await newPane(theme);
    expect(await page.locator('[data-theme]').getAttribute('data-theme')).toBe(theme);
    const background = await page
      .locator('[data-theme]')
      .evaluate((e) => getComputedStyle(e).backgroundColor.match(/\d+/g)!.slice(0, 3).map(Number));
    // dark theme: a dark background (Office's dark themes), light theme: a light one
    expect(background.reduce((a, b) => a + b, 0) / 3 < 128).toBe(theme === 'dark');
    const name = theme === 'dark' ? 'dunkel' : 'hell';
    await open(page, KONSTANZ);
    await everyTab(page, `konstanz-${name}`);
    if (theme === 'dark') {
      await open(page, OBERTSHAUSEN);
      await everyTab(page, `obertshausen-${name}`);
    }
    await open(page, messy);
    expect(await page.getByTestId('summary').textContent()).not.toMatch(/^0 Fehler/);
    await everyTab(page, `fehler-${name}`);
  }
}, 240_000);

test('switches to English and to a variant scenario', async () => {
  const { page } = await newPane();
  await open(page, OBERTSHAUSEN);
  await page.getByRole('button', { name: 'English' }).click();
  await showTab(page, 'Measures');
  await page.getByRole('combobox').selectOption('Verstetigung ab 2029');
  await page.getByTestId('measure-M-2029-01').waitFor();
  await page.getByRole('group', { name: 'Plan year' }).getByRole('button', { name: '2029' }).click();
  await page.getByRole('button', { name: /M-2029-01 Cost 2029/ }).waitFor();
  await page.getByRole('button', { name: 'Deutsch' }).click();
  await page.getByRole('tab', { name: 'Maßnahmen' }).waitFor();
}, 60_000);

test('a broken file ends in a clear German message', async () => {
  const { page } = await newPane();
  const bad = path.join(tmp, 'kaputt.xlsx');
  fs.writeFileSync(bad, 'Das ist keine Arbeitsmappe');
  await page.getByTestId('file-input').setInputFiles(bad);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  expect(await alert.textContent()).toMatch(/keine (lesbare )?Excel-Arbeitsmappe/);
}, 60_000);

test('the wizard cannot write a wrong plan: grades only, "50 %", used-up sources not tickable, submit blocked on errors', async () => {
  const { page } = await newPane();
  await open(page, OBERTSHAUSEN);
  await showTab(page, 'Neue Stelle');
  // the pay grades are the table's grade rows, not its source note
  const grades = await page.getByLabel('Entgeltgruppe').locator('option').allTextContents();
  expect(grades).toContain('E9b');
  expect(grades.some((g) => /QUELLE/i.test(g))).toBe(false);
  // numbered in the workbook's scheme: FB1 positions are 1.01 … 1.20 → 1.21
  await page.getByLabel('Organisationseinheit').fill('FB1 Zentrale Dienste');
  await page
    .getByTestId('wizard-numbers')
    .getByText(/Stellen-Nr\. 1\.21/)
    .waitFor();
  await page.getByLabel('Dezernat').fill('Bürgermeister');
  await page.getByLabel('Haushaltsstelle').fill('1.1.01.5011');
  expect(await page.locator('#wz-hst option[value="1.1.01.5011"]').count()).toBe(1);
  await page.getByLabel('Bezeichnung').fill('Datenschutzkoordination');
  // from 2027 the Supervision position is given to M-2027-01: shown, but it cannot be ticked
  const supervision = page.getByTestId('source-5.07').getByRole('checkbox');
  expect(await supervision.isDisabled()).toBe(true);
  await page.getByTestId('source-5.07').getByText('in den Jahren der Maßnahme nicht frei').waitFor();
  // without cover the preview has an error: the button is disabled and says why
  await page
    .getByTestId('submit-blocked')
    .getByText(/COVER_MISSING/)
    .waitFor();
  const submit = page.getByRole('button', { name: 'Maßnahme und Deckung eintragen' });
  expect(await submit.isDisabled()).toBe(true);
  // "50 %" is a half position: half the cost of the full one in 2027 (rounded once)
  const unrounded = new D('4203.56').times('12.85').times('1.2915');
  const full = unrounded.toDecimalPlaces(2, D.ROUND_HALF_UP);
  expect(await page.getByTestId('preview-cost-2027').textContent()).toBe(euro(full));
  for (const text of ['50 %', '50%', '0,5']) {
    await page.getByLabel('Stellenanteil').fill(text);
    const half = unrounded.div(2).toDecimalPlaces(2, D.ROUND_HALF_UP).toFixed(2);
    await page.locator(`[data-testid="preview-cost-2027"][data-amount="${half}"]`).waitFor();
  }
  await page.getByLabel('Stellenanteil').fill('fünfzig');
  await page.getByText('zwischen 0 und 1').first().waitFor();
  expect(await submit.isDisabled()).toBe(true);
  await page.getByLabel('Stellenanteil').fill('1');
  // from 2029 the Supervision position is still taken: by M-2029-01 in the variant "Verstetigung ab 2029",
  // and a Basis measure belongs to every scenario
  await page.getByLabel('Beginn').fill('2029-01-01');
  await page.getByRole('group', { name: 'Planjahr' }).getByRole('button', { name: /^2029/ }).click();
  // 2029: two years of 3 % tariff growth, rounded once
  const expected2029 = unrounded.times(new D('1.03').pow(2)).toDecimalPlaces(2, D.ROUND_HALF_UP);
  expect(await page.getByTestId('preview-cost-2029').textContent()).toBe(euro(expected2029));
  expect(await supervision.isDisabled()).toBe(true);
  // FB1's personnel line has about 37.000 € margin a year: not enough alone
  await page.getByTestId('source-1.1.01.5011').getByRole('checkbox').check();
  await page
    .getByTestId('submit-blocked')
    .getByText(/COVER_SHORTFALL/)
    .waitFor();
  expect(await submit.isDisabled()).toBe(true);
  // with the Bauhof line's margin (from 2029, when 6.13 has left) the measure is covered in every year
  await page.getByTestId('source-5.4.01.5011').getByRole('checkbox').check();
  await page.getByTestId('submit-blocked').waitFor({ state: 'detached' });
  expect(await page.getByTestId('preview-balance-2029').getAttribute('data-amount')).not.toMatch(/^-/);
  expect(await layoutProblems(page)).toEqual([]);
  await page.screenshot({ path: path.join(ARTIFACTS, 'pane-wizard.png'), fullPage: true });
  await nextRun(page, () => submit.click());
  expect(await page.getByTestId('notice').textContent()).toContain('M-2027-02');
  await page.getByTestId('measure-M-2027-02').waitFor();
  expect(await page.getByTestId('summary').textContent()).toContain('0 Fehler');
  // saving gives the workbook with the new rows and their Protokoll entries
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Arbeitsmappe speichern' }).click(),
  ]);
  const saved = path.join(tmp, 'gespeichert.xlsx');
  await download.saveAs(saved);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(saved);
  const massnahmen = wb.getWorksheet('Maßnahmen')!;
  const row = massnahmen.getColumn(1).values.map(String).indexOf('M-2027-02');
  expect(row).toBeGreaterThan(1);
  const header = (massnahmen.getRow(1).values as unknown[]).map(String);
  const cell = (h: string) => massnahmen.getRow(row).getCell(header.indexOf(h)).text;
  expect(cell('Stellen-Nr.')).toBe('1.21');
  expect(cell('Dezernat')).toBe('Bürgermeister');
  expect(cell('Haushaltsstelle')).toBe('1.1.01.5011');
  const protokoll = wb.getWorksheet('Protokoll')!;
  expect(protokoll.getCell('A1').value).toBe('Zeitpunkt');
  expect(protokoll.rowCount).toBe(4); // header + measure row + two cover rows
  expect(protokoll.getCell('F2').text).toContain('M-2027-02');
  expect(protokoll.getCell('C3').value).toBe('Deckung');
}, 120_000);

test('a personnel budget line with margin is offered as cover and gives a fixed amount', async () => {
  const { page } = await newPane();
  await open(page, OBERTSHAUSEN);
  await showTab(page, 'Neue Stelle');
  await page.getByLabel('Stellenanteil').fill('0,25');
  // FB1's line 1.1.01.5011 has about 35.000 € a year left after its positions
  const line = page.getByTestId('source-1.1.01.5011');
  await line.getByText(/Spielraum Personal-Planansatz/).waitFor();
  await line.getByRole('checkbox').check();
  await page.getByTestId('submit-blocked').waitFor({ state: 'detached' });
  expect(await page.getByTestId('preview-balance-2027').getAttribute('data-amount')).not.toMatch(/^-/);
}, 60_000);

test('adopting and taking back ask first in a dialog listing the cells that change', async () => {
  const { page } = await newPane();
  await open(page, OBERTSHAUSEN);
  // counted by CSS, not by role: while a modal dialog closes, Fluent hides the page from the
  // accessibility tree for a moment, and a role query would see nothing
  const adoptButtons = page.locator('[data-testid="measure-M-2027-01"] button', {
    hasText: 'Beschluss übernehmen',
  });
  expect(await adoptButtons.count()).toBe(1);
  await adoptButtons.click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  expect(await dialog.textContent()).toMatch(/Stellen!A\d+: \(leer\) → „1\.20“/);
  // cancelling writes nothing
  await dialog.getByRole('button', { name: 'Abbrechen' }).click();
  await dialog.waitFor({ state: 'detached' });
  expect(await page.locator('[data-testid="notice"]').count()).toBe(0);
  await adoptButtons.click();
  await dialog.waitFor();
  await nextRun(page, () => dialog.getByRole('button', { name: 'Beschluss übernehmen' }).click());
  await page.getByText('M-2027-01: beschlossen und in den Plan übernommen (Protokoll)').waitFor();
  expect(await page.getByTestId('summary').textContent()).toContain('0 Fehler');
  expect(await adoptButtons.count()).toBe(0);
  await page.locator('button', { hasText: 'Letzten Beschluss zurücknehmen' }).click();
  await dialog.waitFor();
  expect(await dialog.textContent()).toMatch(/„1\.20“ → \(leer\)/);
  await nextRun(page, () => dialog.getByRole('button', { name: 'Letzten Beschluss zurücknehmen' }).click());
  await page.getByText('Letzter Beschluss zurückgenommen (Protokoll)').waitFor();
  expect(await adoptButtons.count()).toBe(1);
  await dialog.waitFor({ state: 'detached' });
}, 60_000);

test('undo after later edits lists every conflicting cell (sheet, cell, adopted, now); "Trotzdem rückgängig machen" undoes', async () => {
  // adopted with the command line, then two logged cells edited by hand (as a user would in Excel)
  const adopted = path.join(tmp, 'beschlossen.xlsx');
  const a = await runCli(['adopt', OBERTSHAUSEN, 'M-2027-01', '-o', adopted]);
  expect(a.code).toBe(0);
  const edited = path.join(tmp, 'nachbearbeitet.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(adopted);
  const ws = wb.getWorksheet('Stellen')!;
  const header = ws.getRow(1).values as unknown[];
  const colOf = (name: string) => header.indexOf(name);
  let newRow = 0;
  ws.eachRow((row, r) => {
    if (row.getCell(1).value === '1.20') newRow = r;
  });
  expect(newRow).toBeGreaterThan(1);
  const bez = ws.getCell(newRow, colOf('Bezeichnung'));
  const adoptedTitle = bez.value as string;
  bez.value = 'Organisator/in (Titel vom Personalamt geändert)';
  const massnahmen = wb.getWorksheet('Maßnahmen')!;
  const statusCol = (massnahmen.getRow(1).values as unknown[]).indexOf('Status');
  let statusRow = 0;
  massnahmen.eachRow((row, r) => {
    if (row.getCell(1).value === 'M-2027-01') statusRow = r;
  });
  massnahmen.getCell(statusRow, statusCol).value = 'beantragt';
  await wb.xlsx.writeFile(edited);
  const letter = (c: number) => String.fromCharCode(64 + c);

  const { page } = await newPane();
  await open(page, edited);
  await page.locator('button', { hasText: 'Letzten Beschluss zurücknehmen' }).click();
  const list = page.getByTestId('undo-conflicts');
  await list.waitFor();
  // nothing asked, nothing written: the list instead of the dialog
  expect(await page.getByRole('dialog').count()).toBe(0);
  expect(await list.textContent()).toContain('Rücknahme verweigert: seit dem Beschluss geändert');
  const title = list.getByTestId(`conflict-Stellen!${letter(colOf('Bezeichnung'))}${newRow}`);
  expect(await title.textContent()).toBe(
    `Stellen!${letter(colOf('Bezeichnung'))}${newRow}Bezeichnungübernommen„${adoptedTitle}“jetzt„Organisator/in (Titel vom Personalamt geändert)“`,
  );
  const status = list.getByTestId(`conflict-Maßnahmen!${letter(statusCol)}${statusRow}`);
  expect(await status.textContent()).toBe(
    `Maßnahmen!${letter(statusCol)}${statusRow}Statusübernommen„beschlossen“jetzt„beantragt“`,
  );
  expect(await list.locator('li').count()).toBe(2);
  expect(await layoutProblems(page)).toEqual([]);
  await page.screenshot({ path: path.join(ARTIFACTS, 'pane-undo-conflicts.png'), fullPage: true });

  // "Nicht zurücknehmen" closes the list, the workbook stays as it is
  await list.getByRole('button', { name: 'Nicht zurücknehmen' }).click();
  await list.waitFor({ state: 'detached' });
  // undo anyway: the usual dialog lists the cells, then the adoption is taken back
  await page.locator('button', { hasText: 'Letzten Beschluss zurücknehmen' }).click();
  await list.waitFor();
  await list.getByRole('button', { name: 'Trotzdem rückgängig machen' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  expect(await dialog.textContent()).toContain('„Organisator/in (Titel vom Personalamt geändert)“ → (leer)');
  await nextRun(page, () => dialog.getByRole('button', { name: 'Trotzdem rückgängig machen' }).click());
  await page.getByText('Letzter Beschluss zurückgenommen (Protokoll)').waitFor();
  expect(await list.count()).toBe(0);
  const adoptButtons = page.locator('[data-testid="measure-M-2027-01"] button', {
    hasText: 'Beschluss übernehmen',
  });
  expect(await adoptButtons.count()).toBe(1);
  await dialog.waitFor({ state: 'detached' });
}, 90_000);

test('compares Basis and the variant (Konstanz) and shows the margin of every personnel budget line', async () => {
  const { page } = await newPane();
  await open(page, KONSTANZ);
  await showTab(page, 'Vergleich');
  await page.getByTestId('scenario-Variante Informationssicherheit').waitFor();
  expect(await page.getByText('zusätzlich K-07').count()).toBe(1);
  // the chart (the definition the PDF prints too): one bar per scenario and plan year, each titled with its
  // amount; a legend naming the variant and a € axis through 0
  expect(await page.locator('figure svg rect:has(title)').count()).toBe(2 * 5);
  expect(await page.locator('figure svg text', { hasText: 'Variante Informationssicherheit' }).count()).toBe(
    1,
  );
  expect(await page.locator('figure svg text', { hasText: /^0\u00a0€$/ }).count()).toBe(1);
  await showTab(page, 'Prüfung');
  await page.getByText('TERM_OPEN').first().waitFor();

  await open(page, OBERTSHAUSEN);
  await showTab(page, 'Vergleich');
  // FB6 Bauhof 2027: Ansatz 262.000 € minus 6.01 (E9a/5), 6.11, 6.12 (E5/3) and 6.13 (E5/4), each × 12,85 × 1,2915
  const cost = ['4697.43', '3449.05', '3449.05', '3587.78'].map((m) =>
    new D(m).times('12.85').times('1.2915').toDecimalPlaces(2, D.ROUND_HALF_UP),
  );
  const margin = new D(262000).minus(cost.reduce((a, b) => a.plus(b), new D(0)));
  expect(await page.getByTestId('budget-5.4.01.5011-margin-2027').textContent()).toBe(euro(margin));
}, 60_000);

test('Nachtrag: against the adopted plan only the adopted measure’s lines, written after a yes; none against itself', async () => {
  // the plan after the council adopted M-2027-01 (new position 1.20 E9b, kw notes on its cover 5.07, 6.12)
  const current = path.join(tmp, 'obertshausen-nachtrag.xlsx');
  expect((await runCli(['adopt', OBERTSHAUSEN, 'M-2027-01', '-o', current])).code).toBe(0);
  const { page } = await newPane();
  await open(page, current);
  await showTab(page, 'Vergleich');
  const section = page.getByTestId('nachtrag');
  await section.getByRole('button', { name: 'Beschlossenen Stellenplan wählen …' }).waitFor();
  await page.getByTestId('adopted-input').setInputFiles(OBERTSHAUSEN);
  const e9b = page.getByTestId('nachtrag-E9b');
  await e9b.waitFor();
  const text = (await e9b.textContent()) ?? '';
  expect(text).toMatch(/bisher\s*0,000/);
  expect(text).toMatch(/neu\s*1,000/);
  expect(text).toMatch(/Veränderung\s*\+1,000/);
  expect(text).toContain('M-2027-01 Organisator/in Prozessoptimierung');
  expect(text).toContain('Stelle 1.20 neu (1,000 E9b, FB1 Zentrale Dienste)');
  // only the changed lines: E9b, and E10 / E5 for the new kw notes on the cover positions
  expect(await section.locator('[data-testid^="nachtrag-E"]').count()).toBe(3);
  expect(await page.getByTestId('nachtrag-E10').textContent()).toMatch(/Veränderung\s*0,000/);
  expect(await page.getByTestId('nachtrag-total-change').textContent()).toMatch(/\+1,000/);
  expect(await page.getByTestId('nachtrag-unchanged').count()).toBe(0);
  expect(await layoutProblems(page)).toEqual([]);
  await page.screenshot({ path: path.join(ARTIFACTS, 'pane-nachtrag.png'), fullPage: true });

  // writing asks first, naming the sheet, then the sheet is in the file in memory
  await section.getByRole('button', { name: 'Nachtragsstellenplan schreiben' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  expect(await dialog.textContent()).toContain('Blatt „Nachtragsstellenplan“ wird neu geschrieben');
  await nextRun(page, () => dialog.getByRole('button', { name: 'Nachtragsstellenplan schreiben' }).click());
  await page.getByText('Nachtragsstellenplan geschrieben', { exact: true }).waitFor();
  await dialog.waitFor({ state: 'detached' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Arbeitsmappe speichern' }).click(),
  ]);
  const saved = path.join(tmp, 'nachtrag-gespeichert.xlsx');
  await download.saveAs(saved);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(saved);
  const sheet = wb.getWorksheet('Nachtragsstellenplan');
  expect(sheet).toBeDefined();
  const rows: unknown[][] = [];
  sheet!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  expect(rows.find((r) => r[0] === 'E9b')?.slice(0, 4)).toEqual(['E9b', 0, 1, 1]);
  expect(String(rows[1][0])).toContain('beschlossener Stellenplan: obertshausen.xlsx');

  // the same plan as adopted: nothing changed
  await page.getByTestId('adopted-input').setInputFiles(current);
  await page.getByTestId('nachtrag-against').filter({ hasText: 'obertshausen-nachtrag.xlsx' }).waitFor();
  await page.getByText('Keine Änderung gegenüber dem beschlossenen Stellenplan.').waitFor();
  expect(await section.locator('[data-testid^="nachtrag-E"]').count()).toBe(0);
  expect(await layoutProblems(page)).toEqual([]);
}, 90_000);

test('writes the committee report into the opened file and saves it with all papers', async () => {
  const { page } = await newPane();
  await open(page, KONSTANZ);
  await nextRun(page, () => page.getByRole('button', { name: 'Bericht HFW schreiben' }).click());
  await page.getByText(/^Bericht geschrieben/).waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Arbeitsmappe speichern' }).click(),
  ]);
  const saved = path.join(tmp, 'bericht.xlsx');
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
}, 60_000);

test('ribbon commands: a failed "Bericht HFW" shows in the pane as an error, "Szenarien" opens its tab', async () => {
  const { page } = await newPane();
  await open(page, KONSTANZ);
  // the commands run in the same page (shared runtime) and report through window events
  await page.evaluate(() =>
    window.dispatchEvent(
      new CustomEvent('stellenplan:outcome', {
        detail: {
          intent: 'error',
          message: 'Der Bericht HFW konnte nicht geschrieben werden: Das Blatt „Stellen“ ist geschützt.',
          messageEn: 'The committee report could not be written: the sheet "Stellen" is protected.',
        },
      }),
    ),
  );
  const alert = page.getByRole('alert');
  await alert.waitFor();
  expect(await alert.textContent()).toContain('Das Blatt „Stellen“ ist geschützt.');
  await page.evaluate(() =>
    window.dispatchEvent(new CustomEvent('stellenplan:tab', { detail: 'scenarios' })),
  );
  await page.locator('[role="tab"][aria-selected="true"]', { hasText: 'Vergleich' }).waitFor();
}, 60_000);
