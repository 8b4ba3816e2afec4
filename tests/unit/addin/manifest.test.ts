import * as fs from 'fs';
import * as path from 'path';
import { DOMParser, type Element } from '@xmldom/xmldom';

/**
 * Offline checks of manifest.xml, standing in for `office-addin-manifest validate` (an online service,
 * unreachable in CI): element order of the add-in manifest schema, resids, shared runtime, ids, URLs.
 */
const xml = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'manifest.xml'), 'utf8');
const errors: string[] = [];
const doc = new DOMParser({
  onError: (level, msg) => level !== 'warning' && errors.push(msg),
}).parseFromString(xml, 'text/xml');
const root = doc.documentElement!;

const children = (e: Element) => Array.from(e.childNodes).filter((n): n is Element => n.nodeType === 1);
const all = (name: string) => Array.from(doc.getElementsByTagName(name));
const child = (e: Element, name: string) => children(e).find((c) => c.localName === name);

test('is well-formed XML with the TaskPaneApp root', () => {
  expect(errors).toEqual([]);
  expect(root.localName).toBe('OfficeApp');
  expect(root.getAttribute('xsi:type')).toBe('TaskPaneApp');
});

test('top-level elements follow the sequence of the OfficeApp schema', () => {
  const order = [
    'Id',
    'Version',
    'ProviderName',
    'DefaultLocale',
    'DisplayName',
    'Description',
    'IconUrl',
    'HighResolutionIconUrl',
    'SupportUrl',
    'AppDomains',
    'Hosts',
    'Requirements',
    'DefaultSettings',
    'Permissions',
    'VersionOverrides',
  ];
  const seen = children(root).map((c) => c.localName);
  const positions = seen.map((n) => order.indexOf(n!));
  expect(positions.every((p) => p >= 0)).toBe(true);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  for (const required of [
    'Id',
    'Version',
    'ProviderName',
    'DefaultLocale',
    'DisplayName',
    'Description',
    'IconUrl',
    'DefaultSettings',
    'Permissions',
  ])
    expect(seen).toContain(required);
});

test('the Workbook host in VersionOverrides has Runtimes, AllFormFactors, DesktopFormFactor in schema order', () => {
  const host = all('Host').find((h) => h.getAttribute('xsi:type') === 'Workbook')!;
  expect(children(host).map((c) => c.localName)).toEqual(['Runtimes', 'AllFormFactors', 'DesktopFormFactor']);
  const desktop = child(host, 'DesktopFormFactor')!;
  expect(children(desktop).map((c) => c.localName)).toEqual(['GetStarted', 'FunctionFile', 'ExtensionPoint']);
});

test('id, version and permission are what Office accepts', () => {
  expect(child(root, 'Id')!.textContent).toMatch(
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  );
  expect(child(root, 'Version')!.textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  expect(child(root, 'Permissions')!.textContent).toBe('ReadWriteDocument');
  expect(
    all('Host')
      .filter((h) => h.getAttribute('Name'))
      .map((h) => h.getAttribute('Name')),
  ).toEqual(['Workbook']);
});

test('every resid resolves to a resource, and resource ids are at most 32 characters', () => {
  const resources = new Set(
    ['bt:Image', 'bt:Url', 'bt:String']
      .flatMap((tag) => Array.from(doc.getElementsByTagName(tag)).map((e) => e.getAttribute('id')))
      .filter(Boolean),
  );
  const used = Array.from(doc.getElementsByTagName('*'))
    .map((e) => e.getAttribute('resid'))
    .filter((r): r is string => !!r);
  expect(used.length).toBeGreaterThan(10);
  for (const r of used) expect(resources).toContain(r);
  for (const id of resources) expect(id!.length).toBeLessThanOrEqual(32);
  const controlIds = all('Control').map((c) => c.getAttribute('id')!);
  expect(new Set(controlIds).size).toBe(controlIds.length);
  for (const id of [...controlIds, ...all('Group').map((g) => g.getAttribute('id')!)])
    expect(id.length).toBeLessThanOrEqual(125);
});

test('one shared runtime: Runtime, custom functions Page and FunctionFile use the same resid, long lifetime', () => {
  const runtime = all('Runtime')[0];
  expect(runtime.getAttribute('lifetime')).toBe('long');
  const resid = runtime.getAttribute('resid');
  const page = all('Page')[0].getElementsByTagName('SourceLocation')[0];
  expect(page.getAttribute('resid')).toBe(resid);
  expect(all('FunctionFile')[0].getAttribute('resid')).toBe(resid);
  for (const a of all('Action').filter((x) => x.getAttribute('xsi:type') === 'ShowTaskpane'))
    expect(a.getElementsByTagName('SourceLocation')[0].getAttribute('resid')).toBe(resid);
  expect(all('Set').map((s) => s.getAttribute('Name'))).toContain('SharedRuntime');
});

test('the ribbon has the Stellenplan buttons and the STELLENPLAN functions namespace, German first with English', () => {
  const strings = new Map(
    Array.from(doc.getElementsByTagName('bt:String')).map((e) => [e.getAttribute('id'), e]),
  );
  const labels = all('Control').map((c) =>
    strings.get(child(c, 'Label')!.getAttribute('resid'))!.getAttribute('DefaultValue'),
  );
  expect(labels).toEqual(['Prüfen', 'Bericht HFW', 'Neue Stelle', 'Szenarien', 'Aufgabenbereich öffnen']);
  const ns = all('Namespace')[0].getAttribute('resid');
  expect(strings.get(ns)!.getAttribute('DefaultValue')).toBe('STELLENPLAN');
  for (const c of all('Control')) {
    const label = strings.get(child(c, 'Label')!.getAttribute('resid'))!;
    expect(
      Array.from(label.getElementsByTagName('bt:Override')).map((o) => o.getAttribute('Locale')),
    ).toContain('en-US');
  }
  expect(child(root, 'DefaultLocale')!.textContent).toBe('de-DE');
});

test('every URL is https and every icon exists in assets/', () => {
  const urls = [
    ...Array.from(doc.getElementsByTagName('*')).flatMap((e) =>
      e.getAttribute('DefaultValue')?.startsWith('http') ? [e.getAttribute('DefaultValue')!] : [],
    ),
    ...all('SourceLocation')
      .map((e) => e.getAttribute('DefaultValue'))
      .filter((u): u is string => !!u),
  ];
  expect(urls.length).toBeGreaterThan(5);
  for (const u of urls) expect(u).toMatch(/^https:\/\//);
  for (const img of Array.from(doc.getElementsByTagName('bt:Image')).filter((e) => e.getAttribute('id'))) {
    const file = new URL(img.getAttribute('DefaultValue')!).pathname.replace(/^\//, '');
    expect(fs.existsSync(path.join(__dirname, '..', '..', '..', file))).toBe(true);
  }
});
