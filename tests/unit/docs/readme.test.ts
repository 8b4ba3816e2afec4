import * as fs from 'fs';
import * as path from 'path';
import { templateBatch } from '../../../src/workbook/template';

/**
 * The README as a new user and a town's IT meet it (issue 16): a title and one sentence, then the two set-up
 * commands; every file it or docs/ points at is in the repository; the first command writes outside it.
 */
const ROOT = path.join(__dirname, '..', '..', '..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const DOCS = fs
  .readdirSync(path.join(ROOT, 'docs'))
  .filter((f) => f.endsWith('.md'))
  .map((f) => path.join('docs', f));

const codeBlocks = (md: string) => [...md.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => m[2].trim());

test('a title and one sentence come before the two set-up commands, which are the first code blocks', () => {
  const beforeFirstBlock = README.slice(0, README.indexOf('```')).trim();
  const [title, ...rest] = beforeFirstBlock.split('\n');
  expect(title).toMatch(/^# \S/);
  const sentence = rest.join(' ').trim();
  expect(sentence.length).toBeGreaterThan(40);
  // one sentence: a single full stop or colon at its end, none inside
  expect(sentence.replace(/\b(z|d|u)\. ?[A-Za-z]\./g, '').match(/[.!?:](\s|$)/g)).toHaveLength(1);
  const [first, second] = codeBlocks(README);
  expect(first).toMatch(/^npm ci && npx stellenplan check examples\/\S+\.xlsx && npx stellenplan report /);
  expect(second).toBe('npm ci && npm test');
});

test('the first command writes its report outside the repository', () => {
  const out = /-o (\S+)/.exec(codeBlocks(README)[0])?.[1];
  expect(out).toBeDefined();
  const resolved = path.resolve(ROOT, out!);
  expect(
    path.relative(ROOT, resolved).startsWith('..') || path.isAbsolute(path.relative(ROOT, resolved)),
  ).toBe(true);
});

test('README and docs/ name no file outside the repository, and every linked file exists', () => {
  for (const file of ['README.md', ...DOCS]) {
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    expect([file, text.match(/DESIGN\.md|shared\/reference|\.\.\/shared|domain-facts/g)]).toEqual([
      file,
      null,
    ]);
    for (const m of text.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)) {
      const target = m[1];
      if (/^[a-z]+:/i.test(target)) continue;
      const resolved = path.join(ROOT, path.dirname(file), target);
      expect([file, target, fs.existsSync(resolved)]).toEqual([file, target, true]);
    }
  }
});

test('docs/betrieb.md is linked from the README and has an English summary', () => {
  expect(README).toContain('](docs/betrieb.md)');
  const betrieb = fs.readFileSync(path.join(ROOT, 'docs', 'betrieb.md'), 'utf8');
  expect(betrieb).toMatch(/^## English summary$/m);
  for (const topic of [
    'ADDIN_URL',
    'nginx',
    'IIS',
    'Content-Security-Policy',
    'Admin Center',
    'SharePoint',
    'office.js',
  ])
    expect([topic, betrieb.includes(topic)]).toEqual([topic, true]);
});

test('the workbook init writes cites no file of the development repository (only public sources)', () => {
  const written = JSON.stringify(templateBatch());
  expect(written.match(/DESIGN\.md|shared\/|domain-facts|docs\/\w+\.md/g)).toBeNull();
  // the Parameter sheet still names a source or says that there is none
  expect(written).toContain('Planungsannahme');
});
