import { promises as fs } from 'fs';
import * as path from 'path';
import { checkJson, runCli } from './support/cli';
import { formulaCells, sameAmount, shownValue } from './support/cells';
import {
  convertXlsx,
  poisonCachedResults,
  recalculate,
  sofficePath,
  STALE_RESULT,
} from './support/libreoffice';
import { EXAMPLES, loadExcel, makeTempDir, removeTempDir, writeWorkbook } from './support/workbooks';

/**
 * A workbook saved by LibreOffice Calc (a finance office without Excel, or one that opened the file there
 * once): LibreOffice rewrites styles, shared strings, sheets and defined names. Both examples, converted by
 * soffice, must be read as before, and the report written into them must recalculate in LibreOffice to the
 * engine's figures.
 */
jest.setTimeout(300_000);

let dir: string;
const cases: { name: string; original: string; saved: string }[] = [];

beforeAll(async () => {
  sofficePath();
  dir = await makeTempDir('lo-geschrieben-');
  const inputs = await Promise.all(EXAMPLES.map((e) => writeWorkbook(path.join(dir), e.name, e.data)));
  // load and save only: what LibreOffice writes, not what it computes
  const saved = await convertXlsx(inputs, path.join(dir, 'libreoffice'), { mode: 'never' });
  inputs.forEach((original, i) =>
    cases.push({ name: path.basename(original), original, saved: saved.files[i] }),
  );
}, 240_000);
afterAll(() => removeTempDir(dir));

test('check reads the LibreOffice-saved examples exactly as the originals', async () => {
  for (const c of cases) {
    const before = await checkJson(c.original);
    const after = await checkJson(c.saved);
    expect({ name: c.name, code: after.code, json: after.json }).toEqual({
      name: c.name,
      code: before.code,
      json: before.json,
    });
  }
});

test('report into a LibreOffice-saved file: every formula LibreOffice recalculates equals the engine to the cent', async () => {
  const reports: string[] = [];
  const poisoned: string[] = [];
  await fs.mkdir(path.join(dir, 'poisoned'), { recursive: true });
  for (const c of cases) {
    const out = path.join(dir, `bericht-${c.name}`);
    const r = await runCli(['report', c.saved, '-o', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    reports.push(out);
    const target = path.join(dir, 'poisoned', c.name);
    expect(await poisonCachedResults(out, target)).toBeGreaterThan(100);
    poisoned.push(target);
  }
  const recalculated = await recalculate(poisoned, path.join(dir, 'recalculated'));
  for (const [i, report] of reports.entries()) {
    const engine = formulaCells(await loadExcel(report));
    const lo = await loadExcel(recalculated[i]);
    const differ = engine
      .filter((f) => typeof f.result === 'number')
      .map((f) => ({
        at: `${f.sheet}!${f.address}`,
        engine: f.result,
        lo: shownValue(lo.getWorksheet(f.sheet)!.getCell(f.address)),
      }))
      .filter((d) => d.lo === STALE_RESULT || !sameAmount(d.lo, d.engine as number));
    expect({ file: cases[i].name, differ }).toEqual({ file: cases[i].name, differ: [] });
  }
});
