#!/usr/bin/env node
'use strict';
// Draws the add-in icons (a green ledger with a check mark) as PNG without image libraries:
// the ribbon and the manifest need 16/32/64/80 px files in assets/.
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  const green = [16, 124, 65];
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const u = x / size;
      const v = y / size;
      let rgba = [0, 0, 0, 0];
      const inSheet = u > 0.1 && u < 0.9 && v > 0.08 && v < 0.92;
      if (inSheet) {
        rgba = [255, 255, 255, 255];
        const border = u < 0.16 || u > 0.84 || v < 0.14 || v > 0.86;
        const gridLine = Math.abs(v - 0.38) < 0.03 || Math.abs(v - 0.6) < 0.03 || Math.abs(u - 0.42) < 0.03;
        if (border) rgba = [...green, 255];
        else if (gridLine) rgba = [180, 210, 190, 255];
      }
      // check mark from (0.3,0.62) down to (0.45,0.78) and up to (0.78,0.3)
      const d1 = distToSegment(u, v, 0.3, 0.6, 0.46, 0.76);
      const d2 = distToSegment(u, v, 0.46, 0.76, 0.8, 0.3);
      if (Math.min(d1, d2) < 0.07) rgba = [...green, 255];
      raw.set(rgba, y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function distToSegment(px, py, ax, ay, bx, by) {
  const t = Math.max(
    0,
    Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
  );
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
}

const dir = path.join(__dirname, '..', 'assets');
fs.mkdirSync(dir, { recursive: true });
for (const size of [16, 32, 64, 80, 128]) fs.writeFileSync(path.join(dir, `icon-${size}.png`), png(size));
console.log('Icons geschrieben:', dir);
