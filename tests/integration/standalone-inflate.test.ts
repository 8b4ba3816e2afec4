import { CLEAN, buildWorkbook } from './support/workbooks';
import { zipEntries } from './support/zip';
import { writeZip } from './support/zip-writer';
import { boundedInflate } from '../../src/xlsx/inflate';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';

/**
 * The standalone page opens files with XlsxWorkbook.open(data) and no zlib: it applies the same bounded
 * inflation as the command line, so a small file whose zip directory lies is refused after the declared
 * size, not after inflating everything.
 */
test('a directory that lies (1 KB declared, 64 MB inside) is refused by the page as by the command line', async () => {
  const clean = Buffer.from(await buildWorkbook(CLEAN));
  const entries = [...zipEntries(clean)].map(([name, data]) => ({ name, data }));
  const bytes = writeZip([
    ...entries,
    { name: 'xl/media/luege.bin', data: Buffer.alloc(64 * 1024 * 1024), declaredSize: 1024 },
  ]);
  expect(bytes.length).toBeLessThan(1024 * 1024);
  await expect(XlsxWorkbook.open(bytes)).rejects.toThrow(
    'Die Datei ist beschädigt oder manipuliert: der gepackte Teil „xl/media/luege.bin“ ist größer als im ZIP-Verzeichnis angegeben – sie wird nicht geöffnet.',
  );
});

test('the bounded inflation stops right after the limit, and inflates honest data exactly', () => {
  const { deflateRawSync } = jest.requireActual<typeof import('zlib')>('zlib');
  const bomb = deflateRawSync(Buffer.alloc(64 * 1024 * 1024));
  expect(() => boundedInflate(bomb, 1024)).toThrow(RangeError);
  const text = Buffer.from('Stellenplan & Deckung '.repeat(5000));
  expect(Buffer.from(boundedInflate(deflateRawSync(text), text.length + 1)).equals(text)).toBe(true);
});
