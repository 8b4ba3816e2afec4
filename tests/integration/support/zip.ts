import { inflateRawSync } from 'zlib';

/**
 * The raw XML parts of an .xlsx (a zip container), for checks that ExcelJS would hide when it parses the
 * file (e.g. two <dataValidation> elements covering the same cell, which Excel "repairs" on opening).
 */
export function zipEntries(bytes: Uint8Array): Map<string, Buffer> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('kein ZIP-Container');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('ZIP-Verzeichnis beschädigt');
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(dataStart, dataStart + size);
    out.set(name, method === 0 ? Buffer.from(data) : inflateRawSync(data));
    p += 46 + nameLength + extraLength + commentLength;
  }
  return out;
}

/** Sheet name → its worksheet XML, resolved through workbook.xml and its relationships. */
export function sheetXml(bytes: Uint8Array): Map<string, string> {
  const parts = zipEntries(bytes);
  const workbook = parts.get('xl/workbook.xml')!.toString('utf8');
  const rels = parts.get('xl/_rels/workbook.xml.rels')!.toString('utf8');
  const target = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /Id="([^"]+)"/.exec(m[0])?.[1];
    const t = /Target="([^"]+)"/.exec(m[0])?.[1];
    if (id && t) target.set(id, t.replace(/^\/?xl\//, '').replace(/^\//, ''));
  }
  const out = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /name="([^"]+)"/.exec(m[0])?.[1];
    const rid = /r:id="([^"]+)"/.exec(m[0])?.[1];
    const file = rid ? target.get(rid) : undefined;
    if (name && file) out.set(decodeXml(name), parts.get(`xl/${file}`)?.toString('utf8') ?? '');
  }
  return out;
}

function decodeXml(s: string): string {
  return s
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Cells covered by more than one <dataValidation> of a sheet, as "E5" (empty when none overlap). */
export function overlappingValidations(xml: string): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const m of xml.matchAll(/<dataValidation\b[^>]*\bsqref="([^"]+)"/g)) {
    for (const ref of m[1].split(/\s+/)) {
      const [a, b = a] = ref.split(':');
      const [c1, r1] = splitAddress(a);
      const [c2, r2] = splitAddress(b);
      for (let c = c1; c <= c2; c++)
        for (let r = r1; r <= r2; r++) {
          const key = `${c}:${r}`;
          if (seen.has(key)) twice.add(key);
          seen.add(key);
        }
    }
  }
  return [...twice].map((k) => {
    const [c, r] = k.split(':').map(Number);
    return `${letters(c)}${r}`;
  });
}

function splitAddress(a: string): [number, number] {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(a);
  if (!m) throw new Error(`Adresse ${a} nicht lesbar`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return [col, Number(m[2])];
}

function letters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
