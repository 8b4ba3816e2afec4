import type ExcelJS from 'exceljs';
import type { StyleName } from '../workbook/port';
import { STYLES } from './styles';
import { attr, element, escapeXml, startTags } from './xml';

/**
 * The product's formats appended to the workbook's own styles.xml: the user's fonts, fills, borders, number
 * formats and cell formats keep their indices (every existing cell keeps its look); each palette style the
 * write needs becomes one more cellXfs entry, made once per write.
 */
export class StylesPatch {
  private xml: string;
  private readonly xfs = new Map<string, number>();
  private readonly dxfs = new Map<string, number>();
  private baseFont: { name: string; size: string; family?: string; scheme?: string };

  constructor(xml: string | undefined) {
    this.xml =
      xml ??
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';
    const first = element(element(this.xml, 'fonts')?.text ?? '', 'font')?.text ?? '';
    const tagVal = (name: string) => {
      const t = startTags(first, name)[0]?.tag;
      return t ? attr(t, 'val') : undefined;
    };
    this.baseFont = {
      name: tagVal('name') ?? 'Calibri',
      size: tagVal('sz') ?? '11',
      family: tagVal('family'),
      scheme: tagVal('scheme'),
    };
  }

  text(): string {
    return this.xml;
  }

  /** The cellXfs index of a palette style (with the hyperlink look when `link`). */
  xf(style: StyleName | undefined, link = false): number {
    const key = `${style ?? ''}|${link ? 'link' : ''}`;
    const known = this.xfs.get(key);
    if (known !== undefined) return known;
    const s: Partial<ExcelJS.Style> = style ? STYLES[style] : {};
    const font = link ? { ...(s.font ?? {}), color: { argb: 'FF0563C1' }, underline: true as const } : s.font;
    const numFmtId = s.numFmt ? this.numFmt(s.numFmt) : 0;
    const fontId = font ? this.append('fonts', 'font', this.fontXml(font)) : 0;
    const fillId = s.fill ? this.append('fills', 'fill', fillXml(s.fill)) : 0;
    const borderId = s.border ? this.append('borders', 'border', borderXml(s.border)) : 0;
    const alignment = s.alignment ? alignmentXml(s.alignment) : '';
    const xf =
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"` +
      `${numFmtId ? ' applyNumberFormat="1"' : ''}${fontId ? ' applyFont="1"' : ''}${fillId ? ' applyFill="1"' : ''}` +
      `${borderId ? ' applyBorder="1"' : ''}${alignment ? ' applyAlignment="1">' + alignment + '</xf>' : '/>'}`;
    const index = this.append('cellXfs', 'xf', xf);
    this.xfs.set(key, index);
    return index;
  }

  /** A differential format for conditional formatting (shortfall: dark red on light red). */
  dxf(kind: 'negative'): number {
    const known = this.dxfs.get(kind);
    if (known !== undefined) return known;
    const xml =
      '<dxf><font><b/><color rgb="FF9C0006"/></font><fill><patternFill patternType="solid"><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf>';
    if (!element(this.xml, 'dxfs'))
      this.xml = this.insertSection('<dxfs count="0"/>', ['tableStyles', 'colors', 'extLst']);
    const index = this.append('dxfs', 'dxf', xml);
    this.dxfs.set(kind, index);
    return index;
  }

  private numFmt(code: string): number {
    const section = element(this.xml, 'numFmts');
    let max = 163;
    for (const { tag } of startTags(section?.text ?? '', 'numFmt')) {
      const id = Number(attr(tag, 'numFmtId'));
      if (attr(tag, 'formatCode') === code) return id;
      max = Math.max(max, id);
    }
    const entry = `<numFmt numFmtId="${max + 1}" formatCode="${escapeXml(code)}"/>`;
    if (!section) this.xml = this.insertSection('<numFmts count="0"/>', ['fonts']);
    this.append('numFmts', 'numFmt', entry);
    return max + 1;
  }

  private insertSection(text: string, before: string[]): string {
    for (const name of before) {
      const at = new RegExp(`<${name}(?=[\\s/>])`).exec(this.xml);
      if (at) return this.xml.slice(0, at.index) + text + this.xml.slice(at.index);
    }
    const close = this.xml.lastIndexOf('</styleSheet>');
    return this.xml.slice(0, close) + text + this.xml.slice(close);
  }

  /** Appends a child to a section, updates its count; returns the child's index. */
  private append(section: string, child: string, text: string): number {
    const e = element(this.xml, section);
    if (!e) throw new Error(`styles.xml: ${section} fehlt`);
    const index = startTags(e.inner ?? '', child).length;
    const open = /^<[^>]*?(\/?)>/.exec(e.text)![0];
    const tag = open.replace(/\s+count="\d*"/, '').replace(/\s*\/?>$/, ` count="${index + 1}">`);
    const replaced = `${tag}${e.inner ?? ''}${text}</${section}>`;
    this.xml = this.xml.slice(0, e.start) + replaced + this.xml.slice(e.end);
    return index;
  }

  private fontXml(f: Partial<ExcelJS.Font>): string {
    const b = this.baseFont;
    return (
      '<font>' +
      (f.bold ? '<b/>' : '') +
      (f.italic ? '<i/>' : '') +
      (f.underline ? '<u/>' : '') +
      `<sz val="${f.size ?? b.size}"/>` +
      (f.color?.argb ? `<color rgb="${f.color.argb}"/>` : '<color theme="1"/>') +
      `<name val="${escapeXml(b.name)}"/>` +
      (b.family ? `<family val="${b.family}"/>` : '') +
      (b.scheme ? `<scheme val="${b.scheme}"/>` : '') +
      '</font>'
    );
  }
}

function fillXml(fill: ExcelJS.Fill): string {
  const p = fill as ExcelJS.FillPattern;
  return `<fill><patternFill patternType="${p.pattern ?? 'solid'}">${p.fgColor?.argb ? `<fgColor rgb="${p.fgColor.argb}"/>` : ''}<bgColor indexed="64"/></patternFill></fill>`;
}

function borderXml(border: Partial<ExcelJS.Borders>): string {
  const side = (name: 'left' | 'right' | 'top' | 'bottom') => {
    const b = border[name];
    if (!b?.style) return `<${name}/>`;
    return `<${name} style="${b.style}">${b.color?.argb ? `<color rgb="${b.color.argb}"/>` : '<color indexed="64"/>'}</${name}>`;
  };
  return `<border>${side('left')}${side('right')}${side('top')}${side('bottom')}<diagonal/></border>`;
}

function alignmentXml(a: Partial<ExcelJS.Alignment>): string {
  let s = '<alignment';
  if (a.horizontal) s += ` horizontal="${a.horizontal}"`;
  if (a.vertical) s += ` vertical="${a.vertical === 'middle' ? 'center' : a.vertical}"`;
  if (a.wrapText) s += ' wrapText="1"';
  return `${s}/>`;
}
