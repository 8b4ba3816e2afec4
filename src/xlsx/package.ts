import { Deflate, deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { zipDirectory, type ZipEntry } from './zip-directory';

/**
 * The workbook's zip package, kept as it was read: an entry the product does not change is copied into the
 * new file with its original compressed bytes, so every part it does not own (charts, pivot caches, VBA,
 * custom XML …) stays byte for byte. Only replaced or added entries are compressed anew.
 */
export class OoxmlPackage {
  private readonly original = new Map<string, ZipEntry>();
  private readonly order: string[] = [];
  /**
   * Changed parts, deflated as soon as they are set: a report on 100.000 positions renders sheets of
   * hundreds of MB, and holding all of them as text and UTF-8 until the zip is written doubled the peak.
   */
  private readonly changed = new Map<string, { body: Uint8Array; crc: number; size: number }>();
  private readonly removed = new Set<string>();
  private readonly textCache = new Map<string, string>();

  constructor(private readonly bytes: Uint8Array) {
    for (const e of zipDirectory(bytes).entries) {
      this.original.set(e.name, e);
      this.order.push(e.name);
    }
  }

  has(name: string): boolean {
    return !this.removed.has(name) && (this.changed.has(name) || this.original.has(name));
  }

  names(): string[] {
    return [...this.order, ...[...this.changed.keys()].filter((n) => !this.original.has(n))].filter(
      (n) => !this.removed.has(n),
    );
  }

  /** The part's text (UTF-8), or undefined when the package has no such part. */
  text(name: string): string | undefined {
    if (!this.has(name)) return undefined;
    const cached = this.textCache.get(name);
    if (cached !== undefined) return cached;
    const text = strFromU8(this.data(name)!);
    this.textCache.set(name, text);
    return text;
  }

  data(name: string): Uint8Array | undefined {
    if (this.removed.has(name)) return undefined;
    const c = this.changed.get(name);
    if (c) return inflateSync(c.body, { out: new Uint8Array(c.size) });
    const e = this.original.get(name);
    if (!e) return undefined;
    const raw = this.bytes.subarray(dataStart(this.bytes, e), dataStart(this.bytes, e) + e.compressedSize);
    return e.method === 0 ? raw : inflateSync(raw, { out: new Uint8Array(e.size) });
  }

  /** Replaces or adds a part; a part set to its current text stays untouched. */
  setText(name: string, text: string): void {
    if (this.text(name) === text) return;
    // small parts (workbook, rels, styles) are read again while patching; big sheets are not
    if (text.length < CACHE_LIMIT) this.textCache.set(name, text);
    else this.textCache.delete(name);
    const data = strToU8(text);
    this.changed.set(name, { body: deflateSync(data, { level: 6 }), crc: crc32(data), size: data.length });
    this.removed.delete(name);
  }

  /**
   * Sets a part from pieces of text, deflated as they come (a sheet of 100.000 rows is never one string).
   * A part set to its current text stays untouched (compared piece by piece, never joined).
   */
  setParts(name: string, parts: Iterable<string>): void {
    const current = this.text(name);
    let same = current !== undefined;
    let at = 0;
    const out: Uint8Array[] = [];
    const deflate = new Deflate({ level: 6 }, (chunk) => out.push(chunk));
    let crc = 0xffffffff;
    let size = 0;
    let flushes = 0;
    let last = '';
    const flush = (text: string, final: boolean) => {
      if (same) {
        same = current!.startsWith(text, at);
        at += text.length;
      }
      const data = strToU8(text);
      crc = crcUpdate(crc, data);
      size += data.length;
      deflate.push(data, final);
      flushes++;
      last = text;
    };
    let batch: string[] = [];
    let length = 0;
    for (const part of parts) {
      batch.push(part);
      length += part.length;
      if (length >= CACHE_LIMIT) {
        flush(batch.join(''), false);
        batch = [];
        length = 0;
      }
    }
    flush(batch.join(''), true);
    if (same && at === current!.length) return;
    const body = new Uint8Array(out.reduce((n, c) => n + c.length, 0));
    let p = 0;
    for (const c of out) {
      body.set(c, p);
      p += c.length;
    }
    // a small part is kept as text like setText does (it may be read again while patching)
    if (flushes === 1 && last.length < CACHE_LIMIT) this.textCache.set(name, last);
    else this.textCache.delete(name);
    this.changed.set(name, { body, crc: (crc ^ 0xffffffff) >>> 0, size });
    this.removed.delete(name);
  }

  remove(name: string): void {
    this.removed.add(name);
    this.changed.delete(name);
    this.textCache.delete(name);
  }

  /** The parts this write changes or adds (for tests and messages). */
  changedNames(): string[] {
    return [...this.changed.keys()];
  }

  /** The new zip: unchanged entries copied as compressed, changed ones deflated. */
  toBytes(): Uint8Array {
    const chunks: Uint8Array[] = [];
    const central: Uint8Array[] = [];
    let offset = 0;
    const encoder = new TextEncoder();
    for (const name of this.names()) {
      const e = this.original.get(name);
      const changed = this.changed.get(name);
      if (e && !changed) {
        // the original local header and data, verbatim; the central record with the new offset
        const start = dataStart(this.bytes, e);
        const local = this.bytes.subarray(e.localOffset, start + e.compressedSize);
        // a copy (a Node Buffer's slice would be a view onto the original bytes)
        const record = new Uint8Array(e.centralLength);
        record.set(this.bytes.subarray(e.centralOffset, e.centralOffset + e.centralLength));
        new DataView(record.buffer).setUint32(42, offset, true);
        // a data descriptor (bit 3) follows the data: copy it too
        const flags = new DataView(this.bytes.buffer, this.bytes.byteOffset).getUint16(
          e.localOffset + 6,
          true,
        );
        let tail = 0;
        if (flags & 8) {
          const at = this.bytes.byteOffset + start + e.compressedSize;
          const sig = new DataView(this.bytes.buffer).getUint32(at, true);
          tail = sig === 0x08074b50 ? 16 : 12;
        }
        chunks.push(this.bytes.subarray(e.localOffset, start + e.compressedSize + tail));
        central.push(record);
        offset += local.length + tail;
        continue;
      }
      const { body, crc, size } = changed!;
      const nameBytes = encoder.encode(name);
      const local = new Uint8Array(30 + nameBytes.length);
      const lv = new DataView(local.buffer);
      lv.setUint32(0, 0x04034b50, true);
      lv.setUint16(4, 20, true);
      lv.setUint16(6, 0x0800, true);
      lv.setUint16(8, 8, true);
      lv.setUint32(14, crc, true);
      lv.setUint32(18, body.length, true);
      lv.setUint32(22, size, true);
      lv.setUint16(26, nameBytes.length, true);
      local.set(nameBytes, 30);
      const record = new Uint8Array(46 + nameBytes.length);
      const cv = new DataView(record.buffer);
      cv.setUint32(0, 0x02014b50, true);
      cv.setUint16(4, 20, true);
      cv.setUint16(6, 20, true);
      cv.setUint16(8, 0x0800, true);
      cv.setUint16(10, 8, true);
      cv.setUint32(16, crc, true);
      cv.setUint32(20, body.length, true);
      cv.setUint32(24, size, true);
      cv.setUint16(28, nameBytes.length, true);
      cv.setUint32(42, offset, true);
      record.set(nameBytes, 46);
      chunks.push(local, body);
      central.push(record);
      offset += local.length + body.length;
    }
    const dirSize = central.reduce((n, c) => n + c.length, 0);
    const end = new Uint8Array(22);
    const ev = new DataView(end.buffer);
    ev.setUint32(0, 0x06054b50, true);
    ev.setUint16(8, central.length, true);
    ev.setUint16(10, central.length, true);
    ev.setUint32(12, dirSize, true);
    ev.setUint32(16, offset, true);
    const out = new Uint8Array(offset + dirSize + 22);
    let p = 0;
    for (const c of [...chunks, ...central, end]) {
      out.set(c, p);
      p += c.length;
    }
    return out;
  }
}

/** Parts longer than this (in characters) are not kept as text once set. */
const CACHE_LIMIT = 1 << 20;

function dataStart(bytes: Uint8Array, e: ZipEntry): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return (
    e.localOffset + 30 + view.getUint16(e.localOffset + 26, true) + view.getUint16(e.localOffset + 28, true)
  );
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  return (crcUpdate(0xffffffff, data) ^ 0xffffffff) >>> 0;
}

/** The running CRC-32 register after `data` (start with 0xffffffff, finish with ^ 0xffffffff). */
function crcUpdate(c: number, data: Uint8Array): number {
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return c;
}
