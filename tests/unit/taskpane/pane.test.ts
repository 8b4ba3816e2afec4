import { readFileSync } from 'fs';
import * as path from 'path';
import { outcomeOf } from '../../../src/commands/commands';
import { D } from '../../../src/domain/money';
import { obertshausenModel } from '../../support/fixtures';
import { euro, fte } from '../../../src/taskpane/format';
import { isDarkColour } from '../../../src/taskpane/host/seam';
import { isInsideOffice, type PageSignals } from '../../../src/taskpane/host/office-presence';
import { langOf } from '../../../src/taskpane/i18n';
import { planAdoption } from '../../../src/workbook/adopt';
import {
  analyseRead,
  analyseWorkbook,
  coverageOf,
  coverageRuns,
  workbookVersion,
} from '../../../src/workbook/analysis';
import { summariseBatch } from '../../../src/workbook/batch-summary';
import { WorkbookUnusableError } from '../../../src/workbook/port';
import { XlsxWorkbook } from '../../../src/xlsx/xlsx-workbook';

const EXAMPLE = path.join(__dirname, '..', '..', '..', 'examples', 'obertshausen.xlsx');

test('amounts in German currency format with a non-breaking space, exact from decimals', () => {
  expect(euro(new D('69761.34'))).toBe('69.761,34\u00a0€');
  expect(euro(new D('-1234.5'))).toBe('-1.234,50\u00a0€');
  expect(euro(new D('0.005'))).toBe('0,01\u00a0€');
  // beyond float precision: still exact
  expect(euro(new D('12345678901234567.89'))).toBe('12.345.678.901.234.567,89\u00a0€');
});

test('Stellen (VZÄ) as the Stellenplan prints them: "1,000", an increase signed', () => {
  expect(fte(new D('1'))).toBe('1,000');
  expect(fte(new D('12.5'))).toBe('12,500');
  expect(fte(new D('1'), true)).toBe('+1,000');
  expect(fte(new D('-0.5'), true)).toBe('-0,500');
  expect(fte(new D('0'), true)).toBe('0,000');
});

test('office.js is loaded only where office.js itself would find a host', () => {
  const page: PageSignals = { search: '', name: '', storedHostInfo: null, hasHostObject: false };
  expect(isInsideOffice(page)).toBe(false);
  expect(isInsideOffice({ ...page, search: '?x=1' })).toBe(false);
  expect(isInsideOffice({ ...page, search: '?_host_Info=Excel$Win32$16.01$de-DE$$$$0' })).toBe(true);
  expect(isInsideOffice({ ...page, search: '?a=b&_host_Info=Excel|Web|16.00|de-DE' })).toBe(true);
  expect(isInsideOffice({ ...page, name: '{"hostInfo":"Excel$Web$16.00"}' })).toBe(true);
  expect(isInsideOffice({ ...page, name: 'irgendein Fenster' })).toBe(false);
  expect(isInsideOffice({ ...page, storedHostInfo: 'Excel$Mac$16.00$de-DE' })).toBe(true);
  expect(isInsideOffice({ ...page, hasHostObject: true })).toBe(true);
});

test("the pane follows Office's display language and theme", () => {
  expect(langOf('de-DE')).toBe('de');
  expect(langOf('de-AT')).toBe('de');
  expect(langOf('en-US')).toBe('en');
  expect(langOf('fr-FR')).toBe('de');
  expect(langOf(undefined)).toBe('de');
  // Office themes: Schwarz (#262626 background), Dunkelgrau, Weiß, Bunt
  expect(isDarkColour('#262626')).toBe(true);
  expect(isDarkColour('#666666')).toBe(true);
  expect(isDarkColour('#FFFFFF')).toBe(false);
  expect(isDarkColour('#e6e6e6')).toBe(false);
  expect(isDarkColour(undefined)).toBe(false);
});

test('ribbon commands report failures and results as a message for the pane', () => {
  const failed = outcomeOf(
    'reportWorkbook',
    new WorkbookUnusableError('Das Blatt „Stellen“ ist geschützt.', 'The sheet "Stellen" is protected.'),
  );
  expect(failed.intent).toBe('error');
  expect(failed.message).toBe(
    'Der Bericht HFW konnte nicht geschrieben werden: Das Blatt „Stellen“ ist geschützt.',
  );
  expect(failed.messageEn).toContain('The sheet "Stellen" is protected.');
  expect(outcomeOf('checkWorkbook', { errors: 2, warnings: 1, infos: 0 })).toMatchObject({
    intent: 'warning',
    message: 'Prüfung geschrieben: 2 Fehler, 1 Warnungen.',
  });
  expect(outcomeOf('checkWorkbook', { errors: 0, warnings: 0, infos: 3 }).intent).toBe('success');
});

test('one analysis: findings carry their cell; the version changes with any cell, and the engine runs once per model', async () => {
  const port = await XlsxWorkbook.open(readFileSync(EXAMPLE));
  const a = await analyseWorkbook(port);
  const review = a.findings.find((f) => f.code === 'FIXED_TERM_REVIEW');
  expect(review?.sheet).toBeTruthy();
  expect(review?.cell).toMatch(/^[A-Z]+\d+$/);
  expect(analyseRead(a.read, { scenario: 'Basis' }).result.scenarios.map((s) => s.name)).toEqual(['Basis']);
  const v = workbookVersion(a.read.tables);
  expect(workbookVersion(a.read.tables)).toBe(v);
  const changed = new Map(a.read.tables);
  const stellen = changed.get('Stellen')!;
  changed.set('Stellen', {
    ...stellen,
    rows: stellen.rows.map((r, i) => (i === 0 ? ['1.99', ...r.slice(1)] : r)),
  });
  expect(workbookVersion(changed)).not.toBe(v);

  const model = obertshausenModel();
  const before = coverageRuns();
  for (let i = 0; i < 50; i++) coverageOf(model);
  expect(coverageRuns() - before).toBe(1);
  coverageOf(obertshausenModel());
  expect(coverageRuns() - before).toBe(2);
});

test('the confirmation lists every cell an adoption changes, with old and new value', async () => {
  const port = await XlsxWorkbook.open(readFileSync(EXAMPLE));
  const a = await analyseWorkbook(port);
  const batch = planAdoption(a.read, a.result, 'M-2027-01', { amount: 'berechnet', when: '30.11.2026' });
  const summary = summariseBatch(a.read, batch);
  expect(summary.cells.length).toBe(batch.updates?.length);
  expect(summary.cells.some((c) => c.sheet === 'Stellen' && c.old === '' && c.value === '1.20')).toBe(true);
  // the measure's status changes from its old value to "beschlossen"
  expect(
    summary.cells.some((c) => c.sheet === 'Maßnahmen' && c.value === 'beschlossen' && c.old !== ''),
  ).toBe(true);
  expect(summary.appends.find((x) => x.table === 'Protokoll')?.rows).toBeGreaterThan(0);
});
