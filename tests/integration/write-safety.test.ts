import { existsSync, promises as fs } from 'fs';
import * as path from 'path';
import { OBERTSHAUSEN } from '../../examples/data';
import { writeError } from '../../src/cli/files';
import { buildExcelPackage } from '../support/excel-package';
import { expectOneSentence, runCli } from './support/cli';
import { makeTempDir, removeTempDir } from './support/workbooks';

/**
 * Where a write cannot keep what the user wrote it refuses before anything is written, naming the sheet,
 * the part or the cell; files are replaced safely (backup each time, temporary file and rename, mode kept,
 * symlink followed, read-only refused).
 */
jest.setTimeout(120_000);

let dir: string;

beforeAll(async () => {
  dir = await makeTempDir('schreiben');
});

afterAll(() => removeTempDir(dir));

async function workbook(name: string, options: Parameters<typeof buildExcelPackage>[0]): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, buildExcelPackage(options).bytes);
  return file;
}

async function unchanged(file: string, action: () => Promise<void>): Promise<void> {
  const before = await fs.readFile(file);
  const entries = await fs.readdir(dir);
  await action();
  expect((await fs.readFile(file)).equals(before)).toBe(true);
  expect((await fs.readdir(dir)).sort()).toEqual(entries.sort());
}

describe('refusals before writing', () => {
  test('a workbook whose structure is protected gets no new sheets', async () => {
    const file = await workbook('struktur.xlsx', { data: OBERTSHAUSEN, lockStructure: true });
    await unchanged(file, async () => {
      expectOneSentence(
        await runCli(['report', file, '--in-place']),
        /^Die Arbeitsmappe ist gegen Änderungen der Struktur geschützt \(Überprüfen › Arbeitsmappe schützen\): das Blatt „Übersicht HFW“ kann nicht angelegt werden – bitte den Schutz aufheben\. Nichts wurde geschrieben\.$/,
      );
    });
  });

  test('a protected Stellen sheet is not written into', async () => {
    const file = await workbook('blattschutz.xlsx', { data: OBERTSHAUSEN, protectStellen: true });
    const out = path.join(dir, 'blattschutz-bericht.xlsx');
    await unchanged(file, async () => {
      expectOneSentence(
        await runCli(['report', file, '-o', out]),
        /^Das Blatt „Stellen“ ist geschützt \(Überprüfen › Blatt schützen\): Stellenplan & Deckung schreibt nicht hinein – bitte den Blattschutz aufheben\. Nichts wurde geschrieben\.$/,
      );
    });
    expect(existsSync(out)).toBe(false);
  });

  test("a user's note right of the Stellen table is never overwritten by Jahreskosten: refused naming the cell", async () => {
    const options = { data: OBERTSHAUSEN, noteRightOfStellen: 'Rückfrage Personalrat' };
    const file = await workbook('notiz.xlsx', options);
    // the note is in the third row, in the first column right of the table
    const table = buildExcelPackage(options).parts.get('xl/tables/table1.xml') as string;
    const right = /<tableColumns count="(\d+)"/.exec(table)![1];
    const cell = `${String.fromCharCode(64 + Number(right) + 1)}3`;
    await unchanged(file, async () => {
      const r = await runCli(['report', file, '--in-place']);
      expectOneSentence(
        r,
        /^Die Spalte „Jahreskosten“ kann nicht neben der Tabelle „Stellen“ angelegt werden/,
      );
      expect(r.stderr).toBe(
        `Die Spalte „Jahreskosten“ kann nicht neben der Tabelle „Stellen“ angelegt werden: die Zelle Stellen!${cell} enthält Daten, die nicht überschrieben werden – bitte die Spalte Jahreskosten in die Tabelle einfügen oder die Zelle leeren. Nichts wurde geschrieben.\n`,
      );
    });
  });
});

describe('replacing files', () => {
  test('a read-only file is refused with --in-place, nothing is written (no backup either)', async () => {
    const file = await workbook('nurlesen.xlsx', { data: OBERTSHAUSEN });
    await fs.chmod(file, 0o444);
    await unchanged(file, async () => {
      expectOneSentence(
        await runCli(['report', file, '--in-place']),
        new RegExp(
          `^Die Datei „${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}“ ist schreibgeschützt und wird nicht ersetzt; bitte den Schreibschutz aufheben oder mit -o eine andere Ausgabedatei wählen\\.$`,
        ),
      );
    });
  });

  test('--in-place keeps a private file private (0600) and its backup too', async () => {
    const file = await workbook('privat.xlsx', { data: OBERTSHAUSEN });
    await fs.chmod(file, 0o600);
    const r = await runCli(['report', file, '--in-place']);
    expect(r.code).toBe(0);
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    const backup = /Sicherungskopie: (.*)\n/.exec(r.stderr)![1];
    expect((await fs.stat(backup)).mode & 0o777).toBe(0o600);
  });

  test('-o gives a new file the input mode: personnel data does not become world-readable', async () => {
    const file = await workbook('privat2.xlsx', { data: OBERTSHAUSEN });
    await fs.chmod(file, 0o640);
    const out = path.join(dir, 'privat2-bericht.xlsx');
    expect((await runCli(['report', file, '-o', out])).code).toBe(0);
    expect((await fs.stat(out)).mode & 0o777).toBe(0o640);
  });

  test('--in-place through a symlink writes the real file; the link stays a link', async () => {
    const real = await workbook('echt.xlsx', { data: OBERTSHAUSEN });
    const link = path.join(dir, 'verknuepfung.xlsx');
    await fs.symlink(real, link);
    const before = await fs.readFile(real);
    const r = await runCli(['report', link, '--in-place']);
    expect(r.code).toBe(0);
    expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
    expect(await fs.readlink(link)).toBe(real);
    expect((await fs.readFile(real)).equals(before)).toBe(false);
    const backup = /Sicherungskopie: (.*)\n/.exec(r.stderr)![1];
    expect((await fs.lstat(backup)).isFile()).toBe(true);
    expect((await fs.readFile(backup)).equals(before)).toBe(true);
  });

  test('-o naming a symlink to the input is refused: the input is never overwritten', async () => {
    const real = await workbook('quelle.xlsx', { data: OBERTSHAUSEN });
    const link = path.join(dir, 'ausgabe-link.xlsx');
    await fs.symlink(real, link);
    await unchanged(real, async () => {
      const r = await runCli(['report', real, '-o', link]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        'Die Eingabedatei wird nicht überschrieben: bitte eine andere Ausgabedatei wählen oder --in-place angeben.\n',
      );
    });
  });

  test('a folder that does not exist is one German sentence', async () => {
    const file = await workbook('ordner.xlsx', { data: OBERTSHAUSEN });
    const out = path.join(dir, 'gibt-es-nicht', 'bericht.xlsx');
    expectOneSentence(
      await runCli(['report', file, '-o', out]),
      new RegExp(
        `^Die Datei „.*bericht\\.xlsx“ lässt sich nicht schreiben \\(den Ordner gibt es nicht\\); nichts wurde verändert\\.$`,
      ),
    );
  });

  test('EACCES, ENOSPC and the like are one German sentence each, never "Unerwarteter Fehler"', () => {
    const err = (code: string) => Object.assign(new Error(`${code}: boom`), { code });
    expect(writeError('plan.xlsx', err('EACCES')).message).toBe(
      'Die Datei „plan.xlsx“ lässt sich nicht schreiben (keine Schreibrechte); nichts wurde verändert.',
    );
    expect(writeError('plan.xlsx', err('ENOSPC')).message).toBe(
      'Die Datei „plan.xlsx“ lässt sich nicht schreiben (der Datenträger ist voll); nichts wurde verändert.',
    );
    expect(writeError('plan.xlsx', err('EROFS')).message).toBe(
      'Die Datei „plan.xlsx“ lässt sich nicht schreiben (das Laufwerk ist schreibgeschützt); nichts wurde verändert.',
    );
    expect(writeError('plan.xlsx', err('EXDEV')).message).toBe(
      'Die Datei „plan.xlsx“ lässt sich nicht schreiben (Fehler EXDEV); nichts wurde verändert.',
    );
  });
});
