// Writes icon.png (512x512 RGBA) from the same shapes as icon.svg, with no image tooling installed.
// Run: node assets/icons/make-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const SAMPLES = 4; // 4x4 supersampling for smooth edges

const hex = (h) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)];

const roundedRect = (x, y, w, h, r) => (px, py) => {
  if (px < x || px > x + w || py < y || py > y + h) return false;
  const cx = Math.min(Math.max(px, x + r), x + w - r);
  const cy = Math.min(Math.max(py, y + r), y + h - r);
  return (px - cx) ** 2 + (py - cy) ** 2 <= r * r;
};

/** Convex polygon, points clockwise in screen coordinates. */
const polygon = (points) => (px, py) =>
  points.every(([x1, y1], i) => {
    const [x2, y2] = points[(i + 1) % points.length];
    return (x2 - x1) * (py - y1) - (y2 - y1) * (px - x1) >= 0;
  });

// Painted in order; the last shape containing a point wins (like SVG).
const shapes = [
  [roundedRect(32, 32, 448, 448, 96), hex('#1f3a5f')],
  [polygon([[152, 96], [312, 96], [376, 160], [376, 416], [152, 416]]), hex('#ffffff')],
  [polygon([[312, 96], [376, 160], [312, 160]]), hex('#c9d6e8')],
  [roundedRect(184, 208, 160, 16, 8), hex('#1f3a5f')],
  [roundedRect(184, 248, 160, 16, 8), hex('#e0a526')],
  [roundedRect(184, 288, 160, 16, 8), hex('#1f3a5f')],
  [roundedRect(184, 328, 104, 16, 8), hex('#1f3a5f')],
];

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  const row = y * (SIZE * 4 + 1);
  raw[row] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) {
    let r = 0, g = 0, b = 0, a = 0;
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const px = x + (sx + 0.5) / SAMPLES;
        const py = y + (sy + 0.5) / SAMPLES;
        let color;
        for (const [inside, c] of shapes) if (inside(px, py)) color = c;
        if (color) {
          r += color[0];
          g += color[1];
          b += color[2];
          a += 1;
        }
      }
    }
    const o = row + 1 + x * 4;
    // Straight (not premultiplied) alpha, as PNG expects.
    raw[o] = a ? Math.round(r / a) : 0;
    raw[o + 1] = a ? Math.round(g / a) : 0;
    raw[o + 2] = a ? Math.round(b / a) : 0;
    raw[o + 3] = Math.round((a / (SAMPLES * SAMPLES)) * 255);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
};

const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('./icon.png', import.meta.url), png);
console.log(`icon.png: ${SIZE}x${SIZE}, ${png.length} bytes`);
