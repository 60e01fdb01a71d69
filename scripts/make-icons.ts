/**
 * Draws the toolbar icon (a lens over a page, in arXiv red) as PNGs in public/icon/, where WXT
 * picks them up. Run once after changing the drawing: `npx tsx scripts/make-icons.ts`.
 * Written by hand rather than with an image library to keep the dependencies to the product's own.
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

type Rgba = [number, number, number, number];

function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), Buffer.from(data)]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

function png(size: number, pixel: (x: number, y: number) => Rgba): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array())]);
}

/** The drawing in unit coordinates (0..1): which colour a point has, or null for transparent. */
function shade(u: number, v: number): Rgba | null {
  const red: Rgba = [179, 27, 27, 255];
  const white: Rgba = [255, 255, 255, 255];
  const r = 0.2; // rounded corners of the tile
  const dx = Math.max(r - u, 0, u - (1 - r));
  const dy = Math.max(r - v, 0, v - (1 - r));
  if (dx * dx + dy * dy > r * r) return null;
  const d = Math.hypot(u - 0.44, v - 0.42);
  if (d < 0.2) return u > 0.34 && u < 0.56 && [0.36, 0.42, 0.48].some((line) => Math.abs(v - line) < 0.022) ? red : white;
  if (d < 0.27) return red;
  if (d < 0.33) return white;
  // The lens handle, down and to the right.
  const t = (u - 0.44 + (v - 0.42)) / 2;
  const off = Math.abs(u - 0.44 - (v - 0.42)) / Math.SQRT2;
  if (t > 0.2 && t < 0.4 && off < 0.06) return white;
  return red;
}

for (const size of [16, 32, 48, 128]) {
  const samples = 4;
  const image = png(size, (x, y) => {
    const sum = [0, 0, 0, 0];
    for (let i = 0; i < samples; i++) {
      for (let j = 0; j < samples; j++) {
        const colour = shade((x + (i + 0.5) / samples) / size, (y + (j + 0.5) / samples) / size);
        if (!colour) continue;
        for (let c = 0; c < 3; c++) sum[c] = (sum[c] ?? 0) + (colour[c] ?? 0) * ((colour[3] ?? 0) / 255);
        sum[3] = (sum[3] ?? 0) + (colour[3] ?? 0);
      }
    }
    const alpha = (sum[3] ?? 0) / samples ** 2;
    const weight = (sum[3] ?? 0) / 255 || 1;
    return [Math.round((sum[0] ?? 0) / weight), Math.round((sum[1] ?? 0) / weight), Math.round((sum[2] ?? 0) / weight), Math.round(alpha)];
  });
  writeFileSync(`public/icon/${size}.png`, image);
}
console.log('wrote public/icon/{16,32,48,128}.png');
