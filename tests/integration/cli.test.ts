import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import * as path from 'path';
import { FINDING_CODES } from '../../src/domain/findings';
import { KONSTANZ, OBERTSHAUSEN } from '../../examples/data';
import { checkJson, ensureBuiltCli, runCli, spawnCli } from './support/cli';
import { CLEAN, loadExcel, makeTempDir, removeTempDir, saveExcel, writeWorkbook } from './support/workbooks';

/** The command line contract of DESIGN.md ("Command line"), as scripts and CI jobs rely on it. */
jest.setTimeout(120_000);

let dir: string;
let obertshausen: string;
let konstanz: string;
let withErrors: string;

const sha256 = async (file: string) =>
  createHash('sha256')
    .update(await fs.readFile(file))
    .digest('hex');

beforeAll(async () => {
  dir = await makeTempDir('cli');
  obertshausen = await writeWorkbook(dir, 'obertshausen.xlsx', OBERTSHAUSEN);
  konstanz = await writeWorkbook(dir, 'konstanz.xlsx', KONSTANZ);
  const wb = await loadExcel(await writeWorkbook(dir, 'basis.xlsx', CLEAN));
  wb.getWorksheet('Stellen')!.getCell('F2').value = 'E16';
  withErrors = await saveExcel(wb, path.join(dir, 'fehler.xlsx'));
});

afterAll(() => removeTempDir(dir));

const AMOUNT = /^-?\d+\.\d{2}$/;

describe('check --json', () => {
  test('prints exactly the documented shape', async () => {
    const { code, json } = await checkJson(obertshausen);
    expect(code).toBe(0);
    expect(Object.keys(json).sort()).toEqual(['findings', 'measures', 'summary']);
    expect(Object.keys(json.summary).sort()).toEqual(['errors', 'infos', 'warnings']);
    for (const k of ['errors', 'warnings', 'infos'] as const)
      expect(Number.isInteger(json.summary[k])).toBe(true);
    expect(json.measures.length).toBeGreaterThan(0);
    for (const m of json.measures) {
      expect(Object.keys(m).sort()).toEqual(['covered', 'id', 'scenario', 'years']);
      expect([typeof m.id, typeof m.scenario, typeof m.covered]).toEqual(['string', 'string', 'boolean']);
      for (const y of m.years) {
        // v2 adds the verdict per year (additive: nothing renamed or removed)
        expect(Object.keys(y).sort()).toEqual(['balance', 'cost', 'cover', 'covered', 'year']);
        expect(typeof y.covered).toBe('boolean');
        expect(Number.isInteger(y.year)).toBe(true);
        for (const k of ['cost', 'cover', 'balance'] as const) expect(y[k]).toMatch(AMOUNT);
        expect((Number(y.cover) - Number(y.cost)).toFixed(2)).toBe(y.balance);
      }
    }
    expect(json.findings.length).toBeGreaterThan(0);
    for (const f of json.findings) {
      expect(Object.keys(f).sort()).toEqual(['cell', 'code', 'measure', 'message', 'severity', 'sheet']);
      expect(['error', 'warning', 'info']).toContain(f.severity);
      expect(Object.keys(FINDING_CODES)).toContain(f.code);
      expect(typeof f.message).toBe('string');
      for (const k of ['sheet', 'cell', 'measure'] as const)
        expect(f[k] === null || typeof f[k] === 'string').toBe(true);
    }
    const count = (s: string) => json.findings.filter((f) => f.severity === s).length;
    expect(json.summary).toEqual({
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
    });
  });

  test('amounts are strings with two decimals; the Obertshausen position costs 69761.34 in 2027', async () => {
    const { json } = await checkJson(obertshausen);
    const m = json.measures.find((x) => x.id === 'M-2027-01')!;
    // E9b Stufe 3: 4.203,56 €/Monat × (12 + 0,85) × (1 + 0,2115 + 0,08) = 69.761,34 € (DESIGN.md cost model)
    expect([m.years[0].year, m.years[0].cost]).toEqual([2027, '69761.34']);
    expect(m).toMatchObject({ scenario: 'Basis', covered: true });
    // a fixed-term position (2027–2028) costs nothing afterwards, and those years are still listed
    expect(m.years.slice(2).map((y) => [y.year, y.cost, y.cover, y.balance])).toEqual([
      [2029, '0.00', '0.00', '0.00'],
      [2030, '0.00', '0.00', '0.00'],
      [2031, '0.00', '0.00', '0.00'],
    ]);
    // the motion asks for a decision after 2 years: a reminder at the measure's Ende cell
    expect(
      json.findings.find((f) => f.code === 'FIXED_TERM_REVIEW' && f.measure === 'M-2027-01'),
    ).toMatchObject({
      severity: 'info',
      sheet: 'Maßnahmen',
      cell: 'K2',
    });
  });

  test('years lists every plan year of the horizon for every measure (also a 7-year horizon)', async () => {
    const wb = await loadExcel(konstanz);
    const ws = wb.getWorksheet('Parameter')!;
    ws.eachRow((row) => {
      if (row.getCell(1).value === 'Anzahl Planjahre') row.getCell(2).value = 7;
    });
    const file = await saveExcel(wb, path.join(dir, 'sieben-jahre.xlsx'));
    for (const [f, n] of [
      [konstanz, 5],
      [file, 7],
    ] as const) {
      const { json } = await checkJson(f);
      const expected = Array.from({ length: n }, (_, i) => 2027 + i);
      for (const m of json.measures) expect([m.id, m.years.map((y) => y.year)]).toEqual([m.id, expected]);
    }
  });

  test('--scenario NAME keeps Basis plus that variant; without it every measure appears once', async () => {
    const all = (await checkJson(konstanz)).json.measures.map((m) => m.id);
    expect(all).toEqual(['K-01', 'K-02', 'K-03', 'K-04', 'K-05', 'K-06', 'K-07']);
    const basis = (await checkJson(konstanz, '--scenario', 'Basis')).json.measures.map((m) => m.id);
    expect(basis).toEqual(['K-01', 'K-02', 'K-03', 'K-04', 'K-05', 'K-06']);
    const variant = await checkJson(konstanz, '--scenario', 'Variante Informationssicherheit');
    expect(variant.code).toBe(0);
    expect(variant.json.measures.map((m) => m.id)).toEqual(all);
    expect(variant.json.measures.find((m) => m.id === 'K-07')!.scenario).toBe(
      'Variante Informationssicherheit',
    );
    const o = (await checkJson(obertshausen, '--scenario=Verstetigung ab 2029')).json.measures.map(
      (m) => m.id,
    );
    expect(o).toEqual(['M-2027-01', 'M-2029-01']);
  });

  test('an unknown scenario is exit 2 with a sentence naming the known ones', async () => {
    const r = await runCli(['check', konstanz, '--json', '--scenario', 'Gibt es nicht']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toMatch(
      /^Das Szenario „Gibt es nicht“ gibt es nicht \(vorhanden: Basis, Variante Informationssicherheit\)\.$/,
    );
  });

  test('errors give exit 1, with the finding located at its cell', async () => {
    const { code, json } = await checkJson(withErrors);
    expect(code).toBe(1);
    expect(json.findings.filter((f) => f.severity === 'error').map((f) => [f.code, f.sheet, f.cell])).toEqual(
      [['PAYGRADE_UNKNOWN', 'Stellen', 'F2']],
    );
  });
});

describe('check (text)', () => {
  test('German by default: table per measure and findings with sheet!cell', async () => {
    const r = await runCli(['check', withErrors]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Deckung je Maßnahme und Planjahr/);
    expect(r.stdout).toMatch(/M-1 \(gedeckt\)/);
    expect(r.stdout).toMatch(
      /Fehler\s+PAYGRADE_UNKNOWN\s+Stellen!F2\s+Stelle 1\.01: die Entgeltgruppe „E16“/,
    );
    expect(r.stdout).toMatch(/69\.761,34 €/);
  });

  test('English with --lang en', async () => {
    const r = await runCli(['check', withErrors, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Cover per measure and plan year/);
    expect(r.stdout).toMatch(
      /error\s+PAYGRADE_UNKNOWN\s+Stellen!F2\s+.*pay grade E16 step 4 is not in the Entgelttabelle\./,
    );
    expect(r.stdout).not.toMatch(/Fehler|Deckung je/);
  });

  test('an undated measure ("Termin offen") is shown as such, not as covered', async () => {
    const r = await runCli(['check', konstanz]);
    expect(r.stdout).toMatch(/K-02 \(Termin offen\)/);
    expect(r.stdout).toMatch(/K-01 \(gedeckt\)/);
  });
});

describe('compare', () => {
  test('prints every scenario with its totals per year', async () => {
    for (const [file, names] of [
      [obertshausen, ['Basis', 'Verstetigung ab 2029']],
      [konstanz, ['Basis', 'Variante Informationssicherheit']],
    ] as const) {
      const r = await runCli(['compare', file]);
      expect(r.code).toBe(0);
      const lines = r.stdout.split('\n');
      for (const name of names) {
        // the name stands alone, followed by the number of measures (never glued to it)
        const line = lines.find((l) => l.startsWith(`${name} `));
        expect([name, line]).toEqual([
          name,
          expect.stringMatching(new RegExp(`^${name}\\s+\\d+\\s+\\d+\\s*$`)),
        ]);
      }
      expect(lines.filter((l) => /^\s+Saldo\s/.test(l))).toHaveLength(names.length);
      expect(r.stdout).toMatch(/2027\s+2028\s+2029\s+2030\s+2031/);
    }
  });

  test('the Basis totals equal the sum of the Basis measures of check --json', async () => {
    const { json } = await checkJson(konstanz, '--scenario', 'Basis');
    const r = await runCli(['compare', konstanz]);
    const basisBlock = r.stdout.split('\n');
    const start = basisBlock.findIndex((l) => l.startsWith('Basis '));
    const saldo = basisBlock.slice(start).find((l) => /^\s+Saldo/.test(l))!;
    const total = json.measures.reduce((s, m) => s + Number(m.years[0].balance), 0);
    const de = total
      .toFixed(2)
      .replace('.', ',')
      .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    expect(saldo).toContain(`${de} €`);
  });

  test('counts errors of the position plan too (the same errors check reports)', async () => {
    const r = await runCli(['compare', withErrors]);
    expect(r.stdout.split('\n').find((l) => l.startsWith('Basis '))).toMatch(/^Basis\s+1\s+1\s*$/);
  });
});

describe('init', () => {
  test('creates a workbook that check accepts with exit 0', async () => {
    const file = path.join(dir, 'neu.xlsx');
    const r = await runCli(['init', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(file);
    const check = await runCli(['check', file]);
    expect(check.code).toBe(0);
    const wb = await loadExcel(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining([
        'Stellen',
        'Maßnahmen',
        'Deckung',
        'Planansätze',
        'Parameter',
        'Entgelttabelle',
        'Besoldungstabelle',
      ]),
    );
  });

  test('refuses to overwrite an existing file', async () => {
    const file = path.join(dir, 'vorhanden.xlsx');
    await fs.copyFile(obertshausen, file);
    const hash = await sha256(file);
    const r = await runCli(['init', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/gibt es schon; sie wird nicht überschrieben/);
    expect(await sha256(file)).toBe(hash);
  });
});

describe('report', () => {
  test('without -o writes FILE-bericht.xlsx next to the input and leaves the input alone', async () => {
    const file = path.join(dir, 'plan.xlsx');
    await fs.copyFile(obertshausen, file);
    const hash = await sha256(file);
    const r = await runCli(['report', file]);
    expect(r.code).toBe(0);
    const out = path.join(dir, 'plan-bericht.xlsx');
    expect(r.stdout).toContain(out);
    expect(await sha256(file)).toBe(hash);
    expect((await loadExcel(out)).getWorksheet('Übersicht HFW')).toBeDefined();
  });

  test('never overwrites its input without --in-place, whatever the spelling of the path', async () => {
    const hash = await sha256(obertshausen);
    const relative = path.relative(process.cwd(), obertshausen);
    for (const out of [
      obertshausen,
      relative,
      path.join(dir, '..', path.basename(dir), 'obertshausen.xlsx'),
    ]) {
      const r = await runCli(['report', obertshausen, '-o', out]);
      expect([out, r.code]).toEqual([out, 2]);
    }
    expect(await sha256(obertshausen)).toBe(hash);
  });
});

test('an output that cannot be written is exit 2 with a sentence, and no temporary file is left', async () => {
  const missing = path.join(dir, 'gibt-es-nicht', 'bericht.xlsx');
  const r = await runCli(['report', obertshausen, '-o', missing]);
  expect(r.code).toBe(2);
  expect(r.stderr.trim()).toBe(
    `Die Datei „${missing}“ lässt sich nicht schreiben (den Ordner gibt es nicht); nichts wurde verändert.`,
  );
  const onto = path.join(dir, 'ordner.xlsx');
  await fs.mkdir(onto);
  const r2 = await runCli(['init', path.join(onto), '--force']);
  expect(r2.code).toBe(2);
  expect(r2.stderr).toMatch(
    /lässt sich nicht schreiben \(dort liegt ein Ordner\)(; nichts wurde verändert)?\.\n$/,
  );
  expect((await fs.readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
});

describe('usage', () => {
  test('--help is exit 0; an unknown command or a missing file is exit 2 with a sentence', async () => {
    expect((await runCli(['--help'])).code).toBe(0);
    const unknown = await runCli(['pruefen', obertshausen]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unbekannter Befehl „pruefen“/);
    const noFile = await runCli(['check']);
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toMatch(/Es fehlt DATEI\.xlsx/);
  });
});

describe('the real binary (node bin/stellenplan.js)', () => {
  beforeAll(() => ensureBuiltCli());

  test('exit 0: check of a workbook without errors', async () => {
    const r = await spawnCli(['check', obertshausen, '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { summary: { errors: number } };
    expect(json.summary.errors).toBe(0);
  });

  test('exit 1: check of a workbook with errors', async () => {
    const r = await spawnCli(['check', withErrors]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/PAYGRADE_UNKNOWN\s+Stellen!F2/);
  });

  test('exit 2: a text file named .xlsx, one sentence on stderr and no stack trace', async () => {
    const file = path.join(dir, 'text.xlsx');
    await fs.writeFile(file, 'Dies ist keine Arbeitsmappe.\n');
    const r = await spawnCli(['check', file, '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([
      'Die Datei ist keine Excel-Arbeitsmappe (.xlsx): sie ist kein ZIP-Container.',
    ]);
  });

  test('exit 0: report writes the output file', async () => {
    const out = path.join(dir, 'bin-bericht.xlsx');
    const r = await spawnCli(['report', konstanz, '-o', out]);
    expect(r.code).toBe(0);
    expect((await loadExcel(out)).getWorksheet('Berechnung')).toBeDefined();
  });
});
