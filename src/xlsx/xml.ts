/**
 * Small, regex-safe helpers for the OOXML parts the product patches. They work on the part's text and change
 * only the elements they are asked to: everything else in a part keeps its exact characters.
 */

export function escapeXml(s: string): string {
  return (
    s
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      // control characters are not allowed in XML 1.0 (Excel would refuse the part)
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
  );
}

export function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-fA-F]+|#\d+);/g, (_, e: string) => {
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    if (e === 'amp') return '&';
    return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
  });
}

/** The value of an attribute in an element's start tag (unescaped), or undefined. */
export function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name.replace(/[:]/g, '\\:')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? unescapeXml(m[1] ?? m[2]) : undefined;
}

/** The start tag with the attribute set (added before the tag's end) or removed (value undefined). */
export function setAttr(tag: string, name: string, value: string | undefined): string {
  const re = new RegExp(`\\s${name.replace(/[:]/g, '\\:')}\\s*=\\s*(?:"[^"]*"|'[^']*')`);
  if (value === undefined) return tag.replace(re, '');
  const text = ` ${name}="${escapeXml(value)}"`;
  if (re.test(tag)) return tag.replace(re, text);
  return tag.replace(/\s*(\/?)>$/, `${text}$1>`);
}

/** Start tags of the elements `name` (not `nameX`), with their positions. */
export function startTags(xml: string, name: string): { tag: string; index: number }[] {
  const re = new RegExp(`<${name}(?=[\\s/>])[^>]*>`, 'g');
  const out: { tag: string; index: number }[] = [];
  for (let m = re.exec(xml); m; m = re.exec(xml)) out.push({ tag: m[0], index: m.index });
  return out;
}

/** A whole element (start to end tag, or self-closing), first occurrence from `from`. */
export function element(
  xml: string,
  name: string,
  from = 0,
): { start: number; end: number; text: string; inner?: string } | undefined {
  const re = new RegExp(`<${name}(?=[\\s/>])[^>]*>`, 'g');
  re.lastIndex = from;
  const m = re.exec(xml);
  if (!m) return undefined;
  if (m[0].endsWith('/>')) return { start: m.index, end: m.index + m[0].length, text: m[0] };
  const close = `</${name}>`;
  const end = xml.indexOf(close, m.index + m[0].length);
  if (end < 0) return undefined;
  return {
    start: m.index,
    end: end + close.length,
    text: xml.slice(m.index, end + close.length),
    inner: xml.slice(m.index + m[0].length, end),
  };
}

/** All elements `name` in `xml` (not nested in each other). */
export function elements(xml: string, name: string): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  let from = 0;
  for (let e = element(xml, name, from); e; e = element(xml, name, from)) {
    out.push(e);
    from = e.end;
  }
  return out;
}

/**
 * Inserts `text` as a child of the root before the first of `before` (element names that follow it in schema
 * order) found after `from`, or else before the closing tag `close`.
 */
export function insertBefore(xml: string, text: string, before: string[], close: string, from = 0): string {
  let at = -1;
  for (const name of before) {
    const re = new RegExp(`<${name}(?=[\\s/>])`, 'g');
    re.lastIndex = from;
    const m = re.exec(xml);
    if (m && (at < 0 || m.index < at)) at = m.index;
  }
  if (at < 0) at = xml.lastIndexOf(close);
  return xml.slice(0, at) + text + xml.slice(at);
}

/** Resolves a relationship target against the part holding the relations ("xl/workbook.xml" + "worksheets/…"). */
export function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = fromPart.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

/** The relations part of a part: xl/workbook.xml → xl/_rels/workbook.xml.rels */
export function relsPath(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export function relationships(xml: string | undefined): Relationship[] {
  if (!xml) return [];
  return startTags(xml, 'Relationship').map(({ tag }) => ({
    id: attr(tag, 'Id') ?? '',
    type: attr(tag, 'Type') ?? '',
    target: attr(tag, 'Target') ?? '',
    external: attr(tag, 'TargetMode') === 'External',
  }));
}

// A1 addresses live in the adapter kit, shared with the Office.js adapter
export { columnLetter as colLetters, parseA1, parseRange, rangeText } from '../workbook/kit/a1';
