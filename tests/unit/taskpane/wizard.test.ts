import { readFileSync } from 'fs';
import * as path from 'path';
import { D } from '../../../src/domain/money';
import { previewMeasure } from '../../../src/domain/proposal';
import { payGrades } from '../../../src/taskpane/wizard/grades';
import { previewProposal } from '../../../src/taskpane/wizard/preview';
import { nextMeasureNumber, nextPositionNumber } from '../../../src/taskpane/wizard/numbering';
import { parseShare, validShare } from '../../../src/taskpane/wizard/share';
import { wizardSources } from '../../../src/taskpane/wizard/sources';
import { analyseWorkbook, type Analysis } from '../../../src/workbook/analysis';
import { XlsxWorkbook } from '../../../src/xlsx/xlsx-workbook';

/** The wizard's rules on the shipped examples, as the pane reads them. */
const EXAMPLES = path.join(__dirname, '..', '..', '..', 'examples');
let obertshausen: Analysis;
let konstanz: Analysis;

beforeAll(async () => {
  const load = async (name: string) =>
    analyseWorkbook(await XlsxWorkbook.open(readFileSync(path.join(EXAMPLES, name))));
  [obertshausen, konstanz] = await Promise.all([load('obertshausen.xlsx'), load('konstanz.xlsx')]);
});

test('Stellenanteil as people type it: "0,5", "0.5", "50 %", "50%", "1"; anything else is refused', () => {
  for (const text of ['0,5', '0.5', '50 %', '50%', ' 50 % ', '50,0 %'])
    expect(parseShare(text)?.toString()).toBe('0.5');
  expect(parseShare('1')?.toString()).toBe('1');
  expect(parseShare('100 %')?.toString()).toBe('1');
  for (const text of ['', 'fünfzig', '0,5,1', '-0,5', '%']) expect(parseShare(text)).toBeUndefined();
  // parsed but outside 0 < share ≤ 1
  expect(validShare(parseShare('50'))).toBe(false);
  expect(validShare(parseShare('0'))).toBe(false);
  expect(validShare(parseShare('120 %'))).toBe(false);
  expect(validShare(parseShare('50 %'))).toBe(true);
});

test('the pay-grade list has the grade rows only, not the source note under the table', () => {
  const model = obertshausen.read.model;
  // the note row is read into the table (it sits in the grade column) …
  expect([...model.entgelttabelle.rows.keys()].some((g) => /QUELLE/i.test(g))).toBe(true);
  // … but the wizard offers only grades
  const grades = payGrades(model);
  expect(grades).toContain('E9b');
  expect(grades).toContain('E15Ü');
  expect(grades.some((g) => /QUELLE/i.test(g))).toBe(false);
  expect(grades.every((g) => g.length <= 5)).toBe(true);
});

test('a new position is numbered in the workbook scheme: by Organisationseinheit, then Dezernat', () => {
  const o = obertshausen.read.model;
  // FB1 has 1.01 … 1.03 and the planned 1.20
  expect(nextPositionNumber(o, 'FB1 Zentrale Dienste', '')).toBe('1.21');
  expect(nextPositionNumber(o, 'FB6 Bauhof', '')).toBe('6.14');
  // an unknown unit in a known Dezernat takes the Dezernat's most used series
  expect(nextPositionNumber(o, 'Neue Stabsstelle', 'Erster Stadtrat')).toMatch(/^\d\.\d{2}$/);
  const k = konstanz.read.model;
  // the Amt für Digitalisierung exists only in measures so far (15.01, 15.02)
  expect(nextPositionNumber(k, 'Amt für Digitalisierung', '')).toBe('15.03');
  expect(nextPositionNumber(k, 'Hauptamt', 'Dezernat I')).toBe('10.16');
  // measure numbers: "M-<first plan year>-nn" continues, "K-nn" continues
  expect(nextMeasureNumber(o, 2027)).toBe('M-2027-02');
  expect(nextMeasureNumber(k, 2027)).toBe('K-08');
});

test('sources already given away in the measure years cannot be ticked; free ones and personnel margins can', () => {
  const result = obertshausen.result;
  const from2027 = wizardSources(result, [2027, 2028, 2029, 2030, 2031]);
  const from2029 = wizardSources(result, [2029, 2030, 2031]);
  const ownVariantFrom2029 = wizardSources(result, [2029, 2030, 2031], 'Eigene Variante');
  const find = (list: typeof from2027, id: string) => list.find((s) => s.id === id)!;
  // Supervision 5.07 and Bauhof 6.12 cover M-2027-01 in 2027–2028: listed, not tickable from 2027 …
  expect(find(from2027, '5.07').tickable).toBe(false);
  expect(find(from2027, '6.12').tickable).toBe(false);
  expect(
    find(from2027, '5.07')
      .years.find((y) => y.year === 2027)!
      .free.isZero(),
  ).toBe(true);
  // … from 2029 the variant "Verstetigung ab 2029" uses it: a Basis measure (part of every scenario)
  // cannot take it, a measure of another variant (Basis plus itself) can
  expect(find(from2029, '5.07').tickable).toBe(false);
  expect(find(ownVariantFrom2029, '5.07').tickable).toBe(true);
  // personnel budget lines with a margin are offered (Ansatz − cost of their positions)
  const fb1 = find(from2027, '1.1.01.5011');
  expect(fb1.personnel).toBe(true);
  expect(fb1.tickable).toBe(true);
  const margin = result.budget.find((b) => b.haushaltsstelle === '1.1.01.5011')!.years[0].margin!;
  expect(fb1.years[0].free.toFixed(2)).toBe(margin.toFixed(2));
  // ticking a used-up source would have been an error: the engine agrees
  const m = obertshausen.read.model;
  const measure = { ...m.massnahmen[0], nr: 'M-2027-02', stellenNr: '1.21', szenario: 'Basis' };
  const twice = previewMeasure(m, measure, [
    { ...m.deckung[0], massnahmeNr: 'M-2027-02', betrag: undefined },
  ]);
  expect(twice.findings.some((f) => f.severity === 'error' && f.code === 'COVER_OVERUSED')).toBe(true);
  expect(new D(0).lt(fb1.years[0].free)).toBe(true);
});

test('the preview reports errors the proposal causes elsewhere in the plan (a variant now over-used)', () => {
  const result = obertshausen.result;
  const m = obertshausen.read.model;
  // a Basis measure from 2029 on the Supervision position, which the variant's M-2029-01 already uses
  const measure = {
    ...m.massnahmen[0],
    nr: 'M-2027-02',
    stellenNr: '1.21',
    szenario: 'Basis',
    beginn: '2029-01-01',
    ende: undefined,
  };
  const cover = [{ ...m.deckung[0], massnahmeNr: 'M-2027-02', betrag: undefined }];
  const all = previewProposal(result, measure, cover);
  const errors = [...all.findings, ...all.newErrors].filter((f) => f.severity === 'error');
  expect(errors.some((f) => f.code === 'COVER_OVERUSED')).toBe(true);
  // the same proposal checked in Basis alone looks fine: that is why the wizard checks every scenario
  const basisOnly = previewMeasure(m, measure, cover);
  expect(basisOnly.findings.some((f) => f.code === 'COVER_OVERUSED')).toBe(false);
});
