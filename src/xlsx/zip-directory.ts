/** The zip's central directory (what the limits and the package writer need), read without inflating. */

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** Uncompressed size as declared by the central directory. */
  size: number;
  localOffset: number;
  /** Where the entry's central directory record starts, and its length. */
  centralOffset: number;
  centralLength: number;
}

/** The zip's central directory, read without inflating anything. */
export function zipDirectory(bytes: Uint8Array): { count: number; entries: ZipEntry[]; zip64: boolean } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { count: 0, entries: [], zip64: false };
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  // ZIP64 (more than 65.535 entries or 4 GB): far beyond any workbook this product is for
  let zip64 = count === 0xffff || p === 0xffffffff;
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count && p + 46 <= bytes.length; n++) {
    if (view.getUint32(p, true) !== 0x02014b50) break;
    const nameLength = view.getUint16(p + 28, true);
    const entry: ZipEntry = {
      name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)),
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      localOffset: view.getUint32(p + 42, true),
      centralOffset: p,
      centralLength: 46 + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true),
    };
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff) zip64 = true;
    entries.push(entry);
    p += 46 + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return { count, entries, zip64 };
}
