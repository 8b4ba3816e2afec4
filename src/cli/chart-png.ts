import { deflateSync } from 'zlib';

/**
 * A small bar chart as PNG for the PDF (ExcelJS cannot write Excel charts): balance per plan year, one bar
 * per scenario in the colours of the scenario names on the sheet. Drawn pixel by pixel – no image library;
 * the year labels use a 3×5 digit font.
 */
export const CHART_COLORS = ['2F5597', 'C55A11', '548235', '7030A0', 'BF9000'];

const DIGITS: Record<string, string[]> = {
  '0': ['111', '101', '101', '101', '111'],
  '1': ['010', '110', '010', '010', '111'],
  '2': ['111', '001', '111', '100', '111'],
  '3': ['111', '001', '111', '001', '111'],
  '4': ['101', '101', '111', '001', '001'],
  '5': ['111', '100', '111', '001', '111'],
  '6': ['111', '100', '111', '101', '111'],
  '7': ['111', '001', '010', '010', '010'],
  '8': ['111', '101', '111', '101', '111'],
  '9': ['111', '101', '111', '001', '111'],
};

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** PNG from raw pixels, 8 bit per channel: 3 channels = RGB, 4 = RGBA; rows unfiltered, deflated. */
export function encodePng(width: number, height: number, pixels: Buffer, channels: 3 | 4): Buffer {
  const stride = width * channels;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) pixels.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = channels === 4 ? 6 : 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export function balanceChartPng(years: number[], series: number[][], width = 900, height = 260): Buffer {
  const px = Buffer.alloc(width * height * 3, 255);
  const fill = (x0: number, y0: number, w: number, h: number, hex: string) => {
    const rgb = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
    for (let y = Math.max(0, Math.round(y0)); y < Math.min(height, Math.round(y0 + h)); y++)
      for (let x = Math.max(0, Math.round(x0)); x < Math.min(width, Math.round(x0 + w)); x++)
        px.set(rgb, (y * width + x) * 3);
  };
  const values = series.flat();
  const top = Math.max(0, ...values);
  const bottom = Math.min(0, ...values);
  const plotTop = 10;
  const plotHeight = height - 40;
  const scale = plotHeight / Math.max(1, top - bottom);
  const zero = plotTop + top * scale;
  const group = width / Math.max(1, years.length);
  const bar = Math.max(3, (group - 24) / Math.max(1, series.length));
  years.forEach((year, i) => {
    series.forEach((s, k) => {
      const v = s[i] ?? 0;
      const h = Math.abs(v) * scale;
      fill(
        i * group + 12 + k * bar,
        v >= 0 ? zero - h : zero,
        bar - 3,
        Math.max(1, h),
        CHART_COLORS[k % CHART_COLORS.length],
      );
    });
    // the year under its group, 3×5 digits scaled by 3
    const text = String(year);
    const size = 3;
    const x0 = i * group + group / 2 - (text.length * 4 * size) / 2;
    [...text].forEach((ch, n) =>
      (DIGITS[ch] ?? []).forEach((row, r) =>
        [...row].forEach(
          (bit, c) =>
            bit === '1' && fill(x0 + n * 4 * size + c * size, height - 22 + r * size, size, size, '404040'),
        ),
      ),
    );
  });
  fill(0, zero, width, 1, '808080');
  return encodePng(width, height, px, 3);
}
