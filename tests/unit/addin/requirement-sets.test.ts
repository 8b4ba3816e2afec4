import * as fs from 'fs';
import * as path from 'path';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { compareVersions, officeApiUses, type ApiUse } from '../../support/office-api-sets';

/**
 * The manifest declares the requirement sets of every Office.js member the add-in uses, at the highest
 * version used: Excel then offers the add-in only where it works, and refuses it with a clear message on an
 * older Excel instead of failing at the first call. The uses are found with the TypeScript type checker in
 * the adapter, the ribbon commands, the custom functions and the task pane.
 */
jest.setTimeout(120_000);

const ROOT = path.join(__dirname, '..', '..', '..');
const FOLDERS = ['src/excel', 'src/commands', 'src/functions', 'src/taskpane'];

let uses: ApiUse[];
beforeAll(() => {
  uses = officeApiUses(ROOT, FOLDERS);
});

function declaredSets(): Map<string, string> {
  const xml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const requirements = Array.from(doc.documentElement!.childNodes).find(
    (n): n is Element => n.nodeType === 1 && (n as Element).localName === 'Requirements',
  )!;
  const sets = requirements.getElementsByTagName('Sets')[0];
  const fallback = sets.getAttribute('DefaultMinVersion') ?? '1.1';
  return new Map(
    Array.from(requirements.getElementsByTagName('Set')).map((s) => [
      s.getAttribute('Name')!,
      s.getAttribute('MinVersion') ?? fallback,
    ]),
  );
}

/** The highest version used per set, with one use that needs it. */
function needed(): Map<string, ApiUse> {
  const top = new Map<string, ApiUse>();
  for (const u of uses) {
    const seen = top.get(u.set);
    if (!seen || compareVersions(u.version, seen.version) > 0) top.set(u.set, u);
  }
  return top;
}

test('the scan finds Office.js members with their sets (the print setup needs ExcelApi 1.9)', () => {
  expect(uses.length).toBeGreaterThan(20);
  expect(uses).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ member: 'Worksheet.pageLayout', set: 'ExcelApi', version: '1.9' }),
      expect.objectContaining({ member: 'Addin.showAsTaskpane', set: 'SharedRuntime', version: '1.1' }),
    ]),
  );
  // no preview or web-only API: those would fail in Excel on Windows and Mac
  expect(uses.filter((u) => /BETA/i.test(u.version) || /Online$/.test(u.set))).toEqual([]);
});

test('manifest.xml declares every set used, at exactly the highest version used', () => {
  const declared = declaredSets();
  const want = needed();
  const rows = [...new Set([...declared.keys(), ...want.keys()])].sort().map((set) => {
    const use = want.get(set);
    return {
      set,
      declared: declared.get(set) ?? null,
      needed: use?.version ?? null,
      example: use ? `${use.member} (${use.at})` : null,
    };
  });
  // a row here is a set used but not declared, declared too low, or declared but not needed
  expect(rows.filter((r) => r.declared !== r.needed)).toEqual([]);
  // SharedRuntime is declared anyway: the manifest's Runtimes element needs it
  expect(declared.get('SharedRuntime')).toBe('1.1');
});
