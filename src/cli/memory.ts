import { setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';

/**
 * One full garbage collection, now. Once `report` has read the tables, ExcelJS's cells (about 570 MB at
 * 100.000 positions) are garbage; V8 would collect them only when the heap has grown to up to four times
 * what was live at its last collection – one that falls late in the ExcelJS load lets the heap pass 2 GB.
 * Node offers gc() only behind --expose-gc: the flag is on just long enough to fetch the function.
 */
export function collectGarbage(): void {
  try {
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (exposed) return exposed();
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    setFlagsFromString('--no-expose-gc');
    gc();
  } catch {
    // no collection: the peak is higher, nothing else changes
  }
}
