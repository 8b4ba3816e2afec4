import { execFile } from 'child_process';
import * as path from 'path';
import { BIN, ensureBuiltCli } from './support/cli';
import { makeTempDir, removeTempDir, writeWorkbook } from './support/workbooks';

/** `stellenplan check … | head` ends quietly: the closed pipe (EPIPE) is no error and no stack trace. */
jest.setTimeout(120_000);

let dir: string;
beforeAll(async () => {
  ensureBuiltCli();
  dir = await makeTempDir('epipe-');
});
afterAll(() => removeTempDir(dir));

test('check | head -1: one line out, nothing on stderr', async () => {
  // 2.000 positions with an unknown pay grade: a finding each, far more output than a pipe holds
  const stellen = Array.from({ length: 2000 }, (_, i) => ({
    'Stellen-Nr.': `X-${i}`,
    Dezernat: 'Dezernat I',
    Organisationseinheit: 'Hauptamt',
    Bezeichnung: 'Sachbearbeitung',
    Dienstverhältnis: 'Beschäftigte',
    Entgeltgruppe: 'E99',
    Stufe: 3,
    Stellenanteil: 1,
    Besetzt: 'Ja',
  }));
  await writeWorkbook(dir, 'viele.xlsx', { stellen });
  const r = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
    execFile(
      'sh',
      ['-c', `"${process.execPath}" "${BIN}" check "${path.join(dir, 'viele.xlsx')}" | head -1`],
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    ),
  );
  expect(r.stderr).toBe('');
  expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(1);
});
