import { D, formatDecimalDe, type Dec } from '../domain/money';

/**
 * The one balance chart of the product: balance (cover − cost) per plan year, one bar per scenario, with a
 * € value axis, a legend, the years and each value on its bar. The pane draws its shapes as React SVG
 * elements, the PDF renders `balanceChartSvg` to PNG – both from this definition. Colours belong to the
 * scenario, never to the sign: a negative balance is not painted as bad news, the axis shows the sign.
 */
export const SERIES_COLORS = ['#2f5597', '#c55a11', '#548235', '#7030a0', '#bf9000'];

export interface BalanceSeries {
  name: string;
  /** One value per year, in the order of `years`. */
  values: Dec[];
}

export interface BalanceChartInput {
  title: string;
  years: number[];
  series: BalanceSeries[];
  width?: number;
  height?: number;
  /** Font size of labels in user units (the pane scales the SVG down, so it asks for larger text). */
  fontSize?: number;
  /** "thousands": value labels as "55,9 Tsd. €" (narrow pane); "full": "55.928 €". */
  valueLabels?: 'full' | 'thousands';
}

export type ChartShape =
  | { kind: 'rect'; x: number; y: number; width: number; height: number; fill: string; tooltip?: string }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; stroke: string; strokeWidth: number }
  | {
      kind: 'text';
      x: number;
      y: number;
      text: string;
      anchor: 'start' | 'middle' | 'end';
      size: number;
      fill: string;
      bold?: boolean;
    };

export interface BalanceChart {
  width: number;
  height: number;
  title: string;
  shapes: ChartShape[];
}

/** Axis steps of 1, 2 or 5 × 10^k so that about five gridlines cover the data. */
function niceStep(span: number): number {
  const raw = span / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
}

const euro0 = (v: number) => `${formatDecimalDe(new D(v), 0)}\u00a0€`;

export function valueLabel(v: Dec, style: 'full' | 'thousands'): string {
  if (style === 'full') return `${formatDecimalDe(v, 0)}\u00a0€`;
  return `${formatDecimalDe(v.div(1000), 1)}\u00a0Tsd.\u00a0€`;
}

export function balanceChart(input: BalanceChartInput): BalanceChart {
  const width = input.width ?? 900;
  const height = input.height ?? 320;
  const font = input.fontSize ?? 11;
  const labels = input.valueLabels ?? 'full';
  const shapes: ChartShape[] = [];
  let shortLabels = false;
  const numbers = input.series.flatMap((s) => s.values.map((v) => Number(v.toFixed(2))));
  const step = niceStep(Math.max(1, Math.max(0, ...numbers) - Math.min(0, ...numbers)));
  const top = Math.ceil(Math.max(0, ...numbers) / step) * step;
  const bottom = Math.floor(Math.min(0, ...numbers) / step) * step;
  const axisLabelWidth = Math.max(...[top, bottom].map((v) => euro0(v).length)) * font * 0.6 + 8;

  // title and legend on top, years under the plot, € labels on the left
  shapes.push({
    kind: 'text',
    x: 0,
    y: font * 1.2,
    text: input.title,
    anchor: 'start',
    size: font * 1.1,
    fill: '#1f3864',
    bold: true,
  });
  // the legend flows into further lines where the names do not fit side by side (narrow pane)
  let lx = 0;
  let legendY = font * 2.8;
  input.series.forEach((s, k) => {
    const color = SERIES_COLORS[k % SERIES_COLORS.length];
    const itemWidth = font * 1.4 + s.name.length * font * 0.62;
    if (lx > 0 && lx + itemWidth > width) {
      lx = 0;
      legendY += font * 1.5;
    }
    shapes.push({ kind: 'rect', x: lx, y: legendY - font * 0.85, width: font, height: font, fill: color });
    shapes.push({
      kind: 'text',
      x: lx + font * 1.4,
      y: legendY,
      text: s.name,
      anchor: 'start',
      size: font,
      fill: '#262626',
    });
    lx += itemWidth + font * 2;
  });
  const plot = {
    left: axisLabelWidth,
    right: width - 8,
    top: legendY + font * 2.2,
    bottom: height - font * 2.2,
  };
  const y = (v: number) => plot.top + ((top - v) / Math.max(1, top - bottom)) * (plot.bottom - plot.top);
  for (let v = bottom; v <= top + step / 2; v += step) {
    shapes.push({
      kind: 'line',
      x1: plot.left,
      y1: y(v),
      x2: plot.right,
      y2: y(v),
      stroke: '#d9d9d9',
      strokeWidth: 1,
    });
    shapes.push({
      kind: 'text',
      x: plot.left - 6,
      y: y(v) + font * 0.35,
      text: euro0(v),
      anchor: 'end',
      size: font * 0.9,
      fill: '#595959',
    });
  }
  const group = (plot.right - plot.left) / Math.max(1, input.years.length);
  const gap = group * 0.18;
  const bar = (group - 2 * gap) / Math.max(1, input.series.length);
  input.years.forEach((year, i) => {
    const x0 = plot.left + i * group;
    input.series.forEach((s, k) => {
      const value = s.values[i];
      if (value === undefined) return;
      const v = Number(value.toFixed(2));
      const x = x0 + gap + k * bar;
      const color = SERIES_COLORS[k % SERIES_COLORS.length];
      const h = Math.abs(y(v) - y(0));
      shapes.push({
        kind: 'rect',
        x: x + 1,
        y: v >= 0 ? y(v) : y(0),
        width: Math.max(1, bar - 2),
        height: Math.max(v === 0 ? 0 : 1, h),
        fill: color,
        tooltip: `${s.name} ${year}: ${formatDecimalDe(value, 2)}\u00a0€`,
      });
      // the value on its bar, only where it fits the bar's width (neighbouring labels never overlap):
      // the full label, else the amount in thousands without unit, with one decimal or none (the note above the
      // plot says so)
      const fits = (text: string) => text.length * font * 0.85 * 0.58 <= bar;
      const full = valueLabel(value, labels);
      const text = [full, formatDecimalDe(value.div(1000), 1), formatDecimalDe(value.div(1000), 0)].find(
        fits,
      );
      if (text !== undefined && text !== full) shortLabels = true;
      if (v !== 0 && text !== undefined)
        shapes.push({
          kind: 'text',
          x: x + bar / 2,
          y: v > 0 ? y(v) - 4 : y(v) + font,
          text,
          anchor: 'middle',
          size: font * 0.85,
          fill: '#262626',
        });
    });
    shapes.push({
      kind: 'text',
      x: x0 + group / 2,
      y: plot.bottom + font * 1.6,
      text: String(year),
      anchor: 'middle',
      size: font,
      fill: '#262626',
    });
  });
  // the zero line last, over the bars' edges
  shapes.push({
    kind: 'line',
    x1: plot.left,
    y1: y(0),
    x2: plot.right,
    y2: y(0),
    stroke: '#404040',
    strokeWidth: 1.5,
  });
  if (shortLabels)
    shapes.push({
      kind: 'text',
      x: width,
      y: font * 1.2,
      text: 'Werte auf den Balken in Tsd.\u00a0€',
      anchor: 'end',
      size: font * 0.8,
      fill: '#595959',
    });
  return { width, height, title: input.title, shapes };
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The chart as a standalone SVG document (white background, DejaVu/Liberation Sans fonts for the PDF). */
export function balanceChartSvg(chart: BalanceChart): string {
  const body = chart.shapes.map((s) => {
    switch (s.kind) {
      case 'rect':
        return `<rect x="${r(s.x)}" y="${r(s.y)}" width="${r(s.width)}" height="${r(s.height)}" fill="${s.fill}">${s.tooltip ? `<title>${escapeXml(s.tooltip)}</title>` : ''}</rect>`;
      case 'line':
        return `<line x1="${r(s.x1)}" y1="${r(s.y1)}" x2="${r(s.x2)}" y2="${r(s.y2)}" stroke="${s.stroke}" stroke-width="${s.strokeWidth}"/>`;
      case 'text':
        return `<text x="${r(s.x)}" y="${r(s.y)}" text-anchor="${s.anchor}" font-size="${r(s.size)}" fill="${s.fill}"${s.bold ? ' font-weight="bold"' : ''}>${escapeXml(s.text)}</text>`;
    }
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${chart.width}" height="${chart.height}" viewBox="0 0 ${chart.width} ${chart.height}" font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif" role="img">`,
    `<title>${escapeXml(chart.title)}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    ...body,
    '</svg>',
  ].join('\n');
}

const r = (n: number) => Math.round(n * 10) / 10;
