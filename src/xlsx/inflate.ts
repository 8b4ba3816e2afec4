import { Inflate } from 'fflate';
import type { BoundedInflate } from './xlsx-workbook';

/**
 * The bounded inflation of the command line (zlib's maxOutputLength) for every host, the browser page
 * included: the input is fed in small slices and inflation stops as soon as the output passes the limit,
 * so a 1 MB file whose zip directory lies is refused after at most the declared size plus one slice's
 * worth (deflate expands at most ~1:1032), never after inflating a gigabyte.
 */
export const boundedInflate: BoundedInflate = (data, maxOutputLength) => {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > maxOutputLength) throw new RangeError('ERR_BUFFER_TOO_LARGE');
    chunks.push(chunk);
  });
  const SLICE = 4096;
  if (data.length === 0) inflater.push(new Uint8Array(0), true);
  for (let i = 0; i < data.length; i += SLICE)
    inflater.push(data.subarray(i, Math.min(data.length, i + SLICE)), i + SLICE >= data.length);
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
};
