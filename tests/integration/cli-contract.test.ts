import { spawn } from 'child_process';
import { promises as fs, readFileSync } from 'fs';
import * as path from 'path';
import { KONSTANZ, OBERTSHAUSEN } from '../../examples/data';
import { COMMANDS, GLOBAL_OPTIONS } from '../../src/cli/args';
import { BIN, ensureBuiltCli, ROOT, runCli, type CliResult } from './support/cli';
import { makeTempDir, removeTempDir, writeMessyWorkbook, writeWorkbook } from './support/workbooks';

/**
 * The strict command line (issue 16): every refusal is exit 2 with one sentence naming what is wrong, in
 * German and with --lang en in English; refused operations are exit 3; --version and per-command --help.
 */
jest.setTimeout(120_000);

let dir: string;
let obertshausen: string;
let konstanz: string;
let messy: string;

beforeAll(async () => {
  dir = await makeTempDir('cli-contract');
  obertshausen = await writeWorkbook(dir, 'obertshausen.xlsx', OBERTSHAUSEN);
  konstanz = await writeWorkbook(dir, 'konstanz.xlsx', KONSTANZ);
  messy = await writeMessyWorkbook(dir, 'unordentlich.xlsx');
});

afterAll(() => removeTempDir(dir));

/** Exit 2, nothing on stdout, one line on stderr that matches. */
function expectUsageError(r: CliResult, pattern: RegExp): void {
  expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 2, stdout: '' });
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr.trim()).toMatch(pattern);
}

describe('unknown options and missing values are exit 2 naming the option', () => {
  test('a misspelt option (check --jsn) is refused, not ignored; in German and in English', async () => {
    expectUsageError(
      await runCli(['check', obertshausen, '--jsn']),
      /^Unbekannte Option „--jsn“ für „check“/,
    );
    expectUsageError(
      await runCli(['check', obertshausen, '--jsn', '--lang', 'en']),
      /^Unknown option "--jsn" for "check"/,
    );
    // an option of another command is unknown here too
    expectUsageError(await runCli(['compare', obertshausen, '--pdf']), /„--pdf“ für „compare“/);
    expectUsageError(await runCli(['check', obertshausen, '-x']), /„-x“/);
  });

  test('-o without a value, at the end, before another option, empty or as --out=', async () => {
    for (const argv of [
      ['report', obertshausen, '-o'],
      ['report', obertshausen, '-o', '--pdf'],
      ['report', obertshausen, '-o', ''],
    ])
      expectUsageError(await runCli(argv), /^Der Option „-o“ fehlt der Wert \(-o AUS\.xlsx\)\.$/);
    expectUsageError(await runCli(['report', obertshausen, '--out=']), /^Der Option „--out“ fehlt der Wert/);
    expectUsageError(
      await runCli(['check', obertshausen, '--scenario', '--lang', 'en']),
      /^Option "--scenario" needs a value \(--scenario NAME\)\.$/,
    );
    // nothing was written next to the input
    expect((await fs.readdir(dir)).filter((f) => f.includes('bericht'))).toEqual([]);
  });

  test('a flag with a value, a value outside its choices, a positional too many', async () => {
    expectUsageError(
      await runCli(['check', obertshausen, '--json=ja']),
      /^Die Option „--json“ nimmt keinen Wert\.$/,
    );
    expectUsageError(
      await runCli(['adopt', obertshausen, 'M-2027-01', '--betrag', 'geschätzt']),
      /^Die Option „--betrag“ kennt „geschätzt“ nicht \(erlaubt: berechnet, planansatz\)\.$/,
    );
    expectUsageError(
      await runCli(['check', obertshausen, '--lang', 'fr']),
      /^Die Option „--lang“ kennt „fr“ nicht \(erlaubt: de, en\)\.$/,
    );
    expectUsageError(
      await runCli(['check', obertshausen, konstanz]),
      /^Unerwartetes Argument „.*konstanz\.xlsx“ \(Aufruf: stellenplan check DATEI\.xlsx \[--json\] \[--scenario NAME\]\)\.$/,
    );
  });

  test('an unknown command lists the commands; a missing file or measure names what is missing', async () => {
    expectUsageError(
      await runCli(['pruefen', obertshausen]),
      /^Unbekannter Befehl „pruefen“ \(Befehle: init, check, report, compare, adopt, undo, vorlage, nachtrag;/,
    );
    expectUsageError(await runCli(['check']), /^Es fehlt DATEI\.xlsx: stellenplan check DATEI\.xlsx/);
    expectUsageError(
      await runCli(['adopt', obertshausen, '--lang', 'en']),
      /^Missing MEASURE: stellenplan adopt FILE\.xlsx MEASURE/,
    );
    expectUsageError(await runCli(['vorlage', obertshausen]), /^Es fehlt MASSNAHME/);
  });
});

describe('--version and --help', () => {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };

  test('--version prints the package version and exits 0', async () => {
    for (const argv of [['--version'], ['check', '--version']]) {
      const r = await runCli(argv);
      expect(r).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    }
  });

  test('COMMAND --help lists every option of that command (init --force too), exit 0', async () => {
    for (const command of COMMANDS)
      for (const lang of ['de', 'en']) {
        const r = await runCli([command.name, '--help', '--lang', lang]);
        expect([command.name, r.code, r.stderr]).toEqual([command.name, 0, '']);
        for (const name of [...Object.keys(command.options), ...Object.keys(GLOBAL_OPTIONS)])
          expect([command.name, lang, r.stdout]).toEqual([
            command.name,
            lang,
            expect.stringContaining(`--${name}`),
          ]);
        for (const o of Object.values(command.options))
          expect(r.stdout).toContain(o.help[lang as 'de' | 'en']);
      }
    const init = await runCli(['init', '--help']);
    expect(init.stdout).toMatch(/--force\s+eine vorhandene Datei überschreiben/);
    expect((await runCli(['undo', '--help'])).stdout).toMatch(/--force/);
    expect((await runCli(['help', 'report'])).stdout).toMatch(/-o, --out AUS\.xlsx/);
  });

  test('--help lists every command and the exit codes 0–3; no command at all is the help on stderr, exit 2', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    for (const c of COMMANDS) expect(r.stdout).toContain(`stellenplan ${c.name} `);
    expect(r.stdout).toMatch(/3 abgelehnt/);
    expect((await runCli(['--help', '--lang', 'en'])).stdout).toMatch(/3 refused/);
    const bare = await runCli([]);
    expect([bare.code, bare.stdout]).toEqual([2, '']);
    expect(bare.stderr).toContain('Aufruf:');
  });
});

describe('refused operations are exit 3 (DESIGN.md), unusable input stays 2', () => {
  test('undo with nothing to undo: exit 3, one sentence, German and English, nothing written', async () => {
    const out = path.join(dir, 'nichts.xlsx');
    const de = await runCli(['undo', obertshausen, '-o', out]);
    expect([de.code, de.stdout, de.stderr]).toEqual([
      3,
      '',
      'Im Protokoll steht kein Beschluss, der zurückgenommen werden kann.\n',
    ]);
    const en = await runCli(['undo', obertshausen, '-o', out, '--lang', 'en']);
    expect([en.code, en.stderr]).toEqual([3, 'Protokoll holds no adoption to undo.\n']);
    await expect(fs.stat(out)).rejects.toThrow();
    // --force is an option of undo (taken over by the undo that checks for later edits)
    expect((await runCli(['undo', obertshausen, '-o', out, '--force'])).code).toBe(3);
  });

  test('adopting twice: exit 3 in English too', async () => {
    const once = path.join(dir, 'einmal.xlsx');
    expect((await runCli(['adopt', obertshausen, 'M-2027-01', '-o', once])).code).toBe(0);
    const r = await runCli([
      'adopt',
      once,
      'M-2027-01',
      '-o',
      path.join(dir, 'zweimal.xlsx'),
      '--lang',
      'en',
    ]);
    expect([r.code, r.stderr]).toEqual([3, 'Measure M-2027-01 has already been adopted.\n']);
  });

  test('an unknown measure (vorlage, adopt) is exit 2 and lists the measures there are', async () => {
    expectUsageError(
      await runCli(['vorlage', konstanz, 'K-99']),
      /^Die Maßnahme „K-99“ gibt es im Blatt Maßnahmen nicht \(vorhanden: K-01, K-02, K-03, K-04, K-05, K-06, K-07\)\.$/,
    );
    expectUsageError(
      await runCli(['adopt', obertshausen, 'M-9', '-o', path.join(dir, 'x.xlsx'), '--lang', 'en']),
      /^Measure "M-9" does not exist in sheet Maßnahmen \(known: M-2027-01, M-2029-01\)\.$/,
    );
  });
});

describe('nachtrag is declared in the table', () => {
  test('--gegen is required; with it the command says it is not available yet (exit 2)', async () => {
    expectUsageError(await runCli(['nachtrag', obertshausen]), /^Die Option „--gegen“ fehlt/);
    expectUsageError(
      await runCli(['nachtrag', obertshausen, '--gegen']),
      /^Der Option „--gegen“ fehlt der Wert/,
    );
    expectUsageError(
      await runCli(['nachtrag', obertshausen, '--gegen', konstanz, '-o', path.join(dir, 'n.xlsx')]),
      /noch nicht verfügbar/,
    );
  });
});

describe('check output', () => {
  const RANK = { error: 0, warning: 1, info: 2 } as const;
  const cellKey = (cell: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
    return Number(m[2]) * 1000 + [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  };

  test('findings are sorted by severity, then sheet, then cell (JSON and text alike)', async () => {
    const r = await runCli(['check', messy, '--json']);
    const findings = (
      JSON.parse(r.stdout) as {
        findings: { severity: keyof typeof RANK; sheet: string; cell: string; code: string }[];
      }
    ).findings;
    // the workbook has all three severities and errors on several sheets, so the order is not by chance
    expect(new Set(findings.map((f) => f.severity)).size).toBe(3);
    expect(new Set(findings.filter((f) => f.severity === 'error').map((f) => f.sheet)).size).toBeGreaterThan(
      1,
    );
    for (let i = 1; i < findings.length; i++) {
      const [a, b] = [findings[i - 1], findings[i]];
      const order =
        RANK[a.severity] - RANK[b.severity] ||
        a.sheet.localeCompare(b.sheet, 'de') ||
        cellKey(a.cell) - cellKey(b.cell);
      expect([i, order <= 0]).toEqual([i, true]);
    }
    const text = await runCli(['check', messy]);
    const lines = text.stdout.split('\n').filter((l) => /^\s+(Fehler|Warnung|Hinweis)\s/.test(l));
    expect(lines.map((l) => l.trim().split(/\s+/).slice(1, 3).join(' '))).toEqual(
      findings.map((f) => `${f.code} ${f.sheet}!${f.cell}`),
    );
  });

  test('text output names each measure with its title and scenario', async () => {
    const r = await runCli(['check', konstanz]);
    expect(r.stdout).toMatch(/^K-01 \(gedeckt\) · Amtsleitung Amt für Digitalisierung.* · Szenario Basis$/m);
    expect(r.stdout).toMatch(/^K-07 \(gedeckt\) · .+ · Szenario Variante Informationssicherheit$/m);
    const en = await runCli(['check', obertshausen, '--lang', 'en']);
    expect(en.stdout).toMatch(/^M-2029-01 \(\w[^)]*\) · .+ · scenario Verstetigung ab 2029$/m);
  });
});

describe('LibreOffice for --pdf', () => {
  const saved = process.env.STELLENPLAN_SOFFICE;
  afterEach(() => {
    if (saved === undefined) delete process.env.STELLENPLAN_SOFFICE;
    else process.env.STELLENPLAN_SOFFICE = saved;
  });

  test('STELLENPLAN_SOFFICE naming nothing: exit 2, the workbook is written, message in both languages', async () => {
    process.env.STELLENPLAN_SOFFICE = path.join(dir, 'kein-libreoffice');
    const out = path.join(dir, 'ohne-pdf.xlsx');
    const de = await runCli(['report', obertshausen, '-o', out, '--pdf']);
    expect(de.code).toBe(2);
    expect(de.stderr).toMatch(
      /^STELLENPLAN_SOFFICE nennt „.*kein-libreoffice“, dort ist kein LibreOffice; die Arbeitsmappe ist geschrieben, das PDF nicht\.\n$/,
    );
    expect((await fs.stat(out)).size).toBeGreaterThan(0);
    const en = await runCli(['report', obertshausen, '-o', out, '--pdf', '--lang', 'en']);
    expect(en.stderr).toMatch(
      /^STELLENPLAN_SOFFICE names ".*kein-libreoffice", which is not LibreOffice; the workbook is written, the PDF is not\.\n$/,
    );
  });

  test('STELLENPLAN_SOFFICE is the program that converts (a stand-in that records its arguments)', async () => {
    const fake = path.join(dir, 'fake-soffice.sh');
    const log = path.join(dir, 'fake-soffice.log');
    // writes <outdir>/<name>.pdf like soffice --convert-to pdf --outdir DIR FILE.xlsx
    await fs.writeFile(
      fake,
      `#!/bin/sh\necho "$@" > '${log}'\nfor a; do last="$a"; done\nwhile [ "$1" != "--outdir" ]; do shift; done\nb=$(basename "$last" .xlsx)\nprintf '%%PDF-1.4 fake' > "$2/$b.pdf"\n`,
      { mode: 0o755 },
    );
    process.env.STELLENPLAN_SOFFICE = fake;
    const out = path.join(dir, 'mit-pdf.xlsx');
    const r = await runCli(['report', obertshausen, '-o', out, '--pdf', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`PDF written: ${path.join(dir, 'mit-pdf.pdf')}`);
    expect(await fs.readFile(path.join(dir, 'mit-pdf.pdf'), 'utf8')).toBe('%PDF-1.4 fake');
    expect(await fs.readFile(log, 'utf8')).toMatch(/--headless .*--convert-to pdf --outdir /);
  });

  test('LibreOffice that produces nothing: exit 2 with the exit code, in English too', async () => {
    const fake = path.join(dir, 'broken-soffice.sh');
    await fs.writeFile(fake, '#!/bin/sh\nexit 81\n', { mode: 0o755 });
    process.env.STELLENPLAN_SOFFICE = fake;
    const r = await runCli([
      'report',
      obertshausen,
      '-o',
      path.join(dir, 'kaputt.xlsx'),
      '--pdf',
      '--lang',
      'en',
    ]);
    expect([r.code, r.stderr]).toEqual([
      2,
      'LibreOffice produced no PDF (exit 81); the workbook is written.\n',
    ]);
  });
});

describe('the binary in a pipe', () => {
  beforeAll(() => ensureBuiltCli());

  test('a reader that closes early (check … | true) gives no EPIPE error and keeps the exit code', async () => {
    // `true` exits without reading, so every write of the command hits a closed pipe
    const script = `"${process.execPath}" "${BIN}" check "${konstanz}" | true; echo "exit=\${PIPESTATUS[0]}" >&2`;
    const r = await new Promise<{ stderr: string }>((resolve, reject) => {
      const child = spawn('bash', ['-c', script], { cwd: ROOT });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
      child.on('error', reject);
      child.on('close', () => resolve({ stderr }));
    });
    expect(r.stderr).toBe('exit=0\n');
  });
});
