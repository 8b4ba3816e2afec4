import { svgToPng } from '../../../src/cli/chart-png';
import { D } from '../../../src/domain/money';
import { balanceChart, balanceChartSvg, SERIES_COLORS } from '../../../src/workbook/balance-chart';

/** The one balance chart: € axis, legend, years, values on the bars, colours by scenario, never by sign. */
const input = {
  title: 'Saldo je Planjahr und Szenario',
  years: [2027, 2028, 2029],
  series: [
    { name: 'Basis', values: [new D('55928.09'), new D('-12000.5'), new D(0)] },
    { name: 'Verstetigung ab 2029', values: [new D('55928.09'), new D('57605.94'), new D('50759.94')] },
  ],
};

test('axis labels in €, the years, a legend with every scenario, each non-zero value on its bar', () => {
  const chart = balanceChart(input);
  const texts = chart.shapes.flatMap((s) => (s.kind === 'text' ? [s.text] : []));
  expect(texts).toEqual(expect.arrayContaining(['2027', '2028', '2029', 'Basis', 'Verstetigung ab 2029']));
  expect(texts).toEqual(
    expect.arrayContaining(['55.928\u00a0€', '-12.001\u00a0€', '57.606\u00a0€', '50.760\u00a0€']),
  );
  // the axis: a zero line label and round steps in German format
  expect(texts).toContain('0\u00a0€');
  expect(texts.filter((t) => /^-?\d{1,3}(\.\d{3})*\u00a0€$/.test(t)).length).toBeGreaterThanOrEqual(4);
  // a zero balance gets no label on the bar
  expect(texts.filter((t) => t === '0\u00a0€')).toHaveLength(1);
});

test('a negative balance has the colour of its scenario, not a warning colour', () => {
  const bars = balanceChart(input).shapes.filter((s) => s.kind === 'rect' && s.tooltip);
  const basis = bars.filter((b) => b.kind === 'rect' && b.tooltip!.startsWith('Basis'));
  expect(basis).toHaveLength(3);
  expect(new Set(basis.map((b) => (b.kind === 'rect' ? b.fill : '')))).toEqual(new Set([SERIES_COLORS[0]]));
  const negative = basis.find((b) => b.kind === 'rect' && b.tooltip!.includes('2028'))!;
  const positive = basis.find((b) => b.kind === 'rect' && b.tooltip!.includes('2027'))!;
  // below the zero line: starts where the positive bar ends
  if (negative.kind === 'rect' && positive.kind === 'rect')
    expect(negative.y).toBeCloseTo(positive.y + positive.height, 5);
});

test('the SVG escapes names and renders to a PNG of the chart size (twice the pixels for print)', () => {
  const svg = balanceChartSvg(
    balanceChart({ ...input, series: [{ name: 'A & B <neu>', values: input.series[0].values }] }),
  );
  expect(svg).toContain('A &amp; B &lt;neu&gt;');
  const png = svgToPng(svg);
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(png.readUInt32BE(16)).toBe(900 * 2);
  expect(png.readUInt32BE(20)).toBe(320 * 2);
});

test('at the pane width (350 px) no two values on the bars overlap; shortened values say their unit', () => {
  const d = (xs: string[]) => xs.map((x) => new D(x));
  const chart = balanceChart({
    title: 'Saldo je Planjahr',
    years: [2027, 2028, 2029, 2030, 2031],
    series: [
      { name: 'Basis', values: d(['9951.40', '16599.88', '13197.88', '9693.82', '6084.63']) },
      {
        name: 'Variante Informationssicherheit',
        values: d(['9951.40', '26773.91', '20977.13', '15006.45', '8856.64']),
      },
    ],
    width: 340,
    height: 240,
    fontSize: 10,
    valueLabels: 'thousands',
  });
  const texts = chart.shapes.flatMap((s) => (s.kind === 'text' ? [s] : []));
  const values = texts.filter(
    (t) => /^\d+(,\d)?$|Tsd/.test(t.text) && t.anchor === 'middle' && !/^20\d\d$/.test(t.text),
  );
  expect(values.length).toBeGreaterThan(0);
  const extent = (t: (typeof values)[number]) => (t.text.length * t.size * 0.58) / 2;
  for (const a of values)
    for (const b of values)
      if (a !== b && Math.abs(a.y - b.y) < a.size)
        expect(Math.abs(a.x - b.x)).toBeGreaterThanOrEqual(extent(a) + extent(b));
  // every bar gets its value at this width (in thousands), and the unit is said once
  expect(values).toHaveLength(10);
  if (values.some((t) => /^\d+(,\d)?$/.test(t.text)))
    expect(texts.map((t) => t.text)).toContain('Werte auf den Balken in Tsd.\u00a0€');
});
