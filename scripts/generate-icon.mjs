// Draws media/icon.png (128×128 RGBA): a magnifying lens over a loss curve, written as a PNG with
// zlib so the repository needs no image tooling. Run: node scripts/generate-icon.mjs
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const size = 128;
const pixels = new Float64Array(size * size * 4); // premultiplied-free RGBA in [0, 1]

/** Blends a color over pixel (x, y) with coverage `a` (0..1). */
function plot(x, y, [r, g, b], a) {
  if (x < 0 || y < 0 || x >= size || y >= size || a <= 0) return;
  const i = (y * size + x) * 4;
  const da = pixels[i + 3];
  const outA = a + da * (1 - a);
  for (const [k, c] of [
    [0, r],
    [1, g],
    [2, b],
  ])
    pixels[i + k] = (c * a + pixels[i + k] * da * (1 - a)) / outA;
  pixels[i + 3] = outA;
}

/** Fills every pixel whose signed distance (negative inside) is below zero, antialiased over one pixel. */
function fill(distance, color) {
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const d = distance(x + 0.5, y + 0.5);
      plot(x, y, color, Math.min(1, Math.max(0, 0.5 - d)));
    }
  }
}

const roundedSquare = (cx, cy, half, radius) => (x, y) => {
  const qx = Math.abs(x - cx) - half + radius;
  const qy = Math.abs(y - cy) - half + radius;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
};
const circle = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) - r;
const ring = (cx, cy, r, width) => (x, y) => Math.abs(Math.hypot(x - cx, y - cy) - r) - width / 2;
function segment(ax, ay, bx, by, width) {
  return (x, y) => {
    const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
    return Math.hypot(x - ax - t * (bx - ax), y - ay - t * (by - ay)) - width / 2;
  };
}
/** Distance to a sampled curve y = f(x), as a stroke of the given width. */
function curve(f, x0, x1, width) {
  const points = [];
  for (let x = x0; x <= x1; x += 0.5) points.push([x, f(x)]);
  return (x, y) => {
    let best = Infinity;
    for (let i = 1; i < points.length; i++) {
      const [ax, ay] = points[i - 1];
      const [bx, by] = points[i];
      best = Math.min(best, segment(ax, ay, bx, by, 0)(x, y));
    }
    return best - width / 2;
  };
}

const navy = [0.09, 0.13, 0.24];
const teal = [0.16, 0.78, 0.72];
const orange = [1.0, 0.55, 0.18];
const glass = [0.75, 0.93, 1.0];
const white = [0.96, 0.97, 1.0];

fill(roundedSquare(64, 64, 62, 22), navy);
// A loss curve over training: steep at first, flattening out (screen y grows downwards).
const loss = x => 100 - 78 * Math.exp(-(x - 16) / 30);
fill(curve(loss, 16, 114, 5), teal);
// The lens over the knee of the curve, with the magnified part drawn thicker and clipped to the glass.
const lens = { x: 40, y: 56, r: 25 };
fill(circle(lens.x, lens.y, lens.r), glass);
const inLens = circle(lens.x, lens.y, lens.r - 3);
const thick = curve(loss, 16, 80, 8);
fill((x, y) => Math.max(thick(x, y), inLens(x, y)), orange);
fill(ring(lens.x, lens.y, lens.r, 7), white);
fill(segment(lens.x + 19, lens.y + 19, 100, 108, 11), white);

const raw = Buffer.alloc(size * (size * 4 + 1));
for (let y = 0; y < size; y++) {
  raw[y * (size * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < size * 4; x++) raw[y * (size * 4 + 1) + 1 + x] = Math.round(pixels[y * size * 4 + x] * 255);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
mkdirSync('media', { recursive: true });
writeFileSync('media/icon.png', png);
console.log(`media/icon.png: ${size}×${size}, ${png.length} bytes`);
