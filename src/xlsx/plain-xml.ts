/**
 * XML as the package reader (sheet-values.ts) reads it: attribute values and character data decoded as an
 * XML parser hands them over, and the signal that a package is not one it is sure of.
 */

/** Not a package this reader is sure of: load it with ExcelJS. */
export class NotPlain extends Error {
  override name = 'NotPlain';
}
export const notPlain = (why: string): never => {
  throw new NotPlain(why);
};

const ATTRIBUTES = new Map<string, RegExp>();

/** An attribute's value (entities decoded), or undefined. */
export function attrOf(tag: string, name: string): string | undefined {
  let re = ATTRIBUTES.get(name);
  if (!re) ATTRIBUTES.set(name, (re = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = re.exec(tag);
  if (!m) return undefined;
  return decodeText((m[1] ?? m[2]).replace(/[\t\n\r]/g, ' '));
}

const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));|&/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Character data as an XML parser hands it over: line ends normalised, the five entities and numeric ones. */
export function decodeText(text: string): string {
  let s = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  if (!s.includes('&')) return s;
  s = s.replace(ENTITY, (whole, named?: string, dec?: string, hex?: string) => {
    if (named) return NAMED[named];
    if (dec || hex) {
      const code = parseInt(dec ?? hex!, dec ? 10 : 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : notPlain('character reference');
    }
    return notPlain(`entity ${whole}`);
  });
  return s;
}
