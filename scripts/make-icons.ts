// Draws the add-in icons (a green ledger with a check mark) as PNG without image libraries: the ribbon and
// the manifest need 16/32/64/80/128 px files in assets/. Run: node scripts/run-ts.js scripts/make-icons.ts
import * as fs from 'fs';
import * as path from 'path';
import { encodePng } from '../src/cli/chart-png';

function distToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const t = Math.max(
    0,
    Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
  );
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
}

function icon(size: number): Buffer {
  const px = Buffer.alloc(size * size * 4);
  const green = [16, 124, 65];
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const u = x / size;
      const v = y / size;
      let rgba = [0, 0, 0, 0];
      if (u > 0.1 && u < 0.9 && v > 0.08 && v < 0.92) {
        rgba = [255, 255, 255, 255];
        const border = u < 0.16 || u > 0.84 || v < 0.14 || v > 0.86;
        const gridLine = Math.abs(v - 0.38) < 0.03 || Math.abs(v - 0.6) < 0.03 || Math.abs(u - 0.42) < 0.03;
        if (border) rgba = [...green, 255];
        else if (gridLine) rgba = [180, 210, 190, 255];
      }
      // check mark from (0.3,0.6) down to (0.46,0.76) and up to (0.8,0.3)
      if (
        Math.min(distToSegment(u, v, 0.3, 0.6, 0.46, 0.76), distToSegment(u, v, 0.46, 0.76, 0.8, 0.3)) < 0.07
      )
        rgba = [...green, 255];
      px.set(rgba, (y * size + x) * 4);
    }
  return encodePng(size, size, px, 4);
}

const dir = path.join(process.cwd(), 'assets');
fs.mkdirSync(dir, { recursive: true });
for (const size of [16, 32, 64, 80, 128]) fs.writeFileSync(path.join(dir, `icon-${size}.png`), icon(size));
process.stdout.write(`Icons geschrieben: ${dir}\n`);
