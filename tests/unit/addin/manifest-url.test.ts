import * as fs from 'fs';
import * as path from 'path';

/** ADDIN_URL → dist/manifest.prod.xml (docs/betrieb.md): the address IT hosts the add-in at. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { addinUrl, prodManifest, DEV_URL } = require('../../../scripts/manifest-url') as {
  addinUrl: (v?: string) => string;
  prodManifest: (xml: string, base: string) => string;
  DEV_URL: string;
};

const xml = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'manifest.xml'), 'utf8');

test('without ADDIN_URL the production manifest keeps the development address', () => {
  expect(addinUrl(undefined)).toBe(DEV_URL);
  expect(addinUrl('')).toBe(DEV_URL);
});

test('the trailing slash is added, so every file lands inside the folder', () => {
  const base = addinUrl('https://intranet.example/stellenplan');
  expect(base).toBe('https://intranet.example/stellenplan/');
  const prod = prodManifest(xml, base);
  expect(prod).not.toContain('localhost');
  expect(prod).toContain('<SupportUrl DefaultValue="https://intranet.example/stellenplan/hilfe.html"/>');
  expect(prod).toContain('DefaultValue="https://intranet.example/stellenplan/functions.json"');
});

test('http, no address at all, or a query are refused with a German sentence naming ADDIN_URL', () => {
  expect(() => addinUrl('http://intranet.example/stellenplan/')).toThrow(
    /^ADDIN_URL „http:\/\/intranet\.example\/stellenplan\/“ muss mit https:\/\/ beginnen/,
  );
  expect(() => addinUrl('intranet.example/stellenplan')).toThrow(/ist keine Adresse/);
  expect(() => addinUrl('https://intranet.example/?x=1')).toThrow(/weder \? noch #/);
});
