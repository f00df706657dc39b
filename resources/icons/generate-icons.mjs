/**
 * Draws Haven's app icon (a white house on a teal rounded square) and writes it as PNG files:
 * icon.png (512x512: macOS and Windows, which electron-builder converts) and NxN.png (the Linux
 * icon set). No image library: the pixels are computed here (4x4 supersampling for smooth edges)
 * and encoded with node:zlib. Run once after changing the drawing: `node resources/icons/generate-icons.mjs`.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes RGBA pixels (row-major, 4 bytes each) as an 8-bit RGBA PNG. */
function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type RGBA, deflate, no filter method, no interlace
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y += 1) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const TEAL_TOP = [20, 128, 118];
const TEAL_BOTTOM = [15, 94, 89];
const WHITE = [255, 255, 255];

function insideRoundedSquare(x, y) {
  const margin = 0.04;
  const radius = 0.2;
  const lo = margin + radius;
  const hi = 1 - margin - radius;
  const dx = Math.max(lo - x, 0, x - hi);
  const dy = Math.max(lo - y, 0, y - hi);
  return x >= margin && x <= 1 - margin && y >= margin && y <= 1 - margin && dx * dx + dy * dy <= radius * radius;
}

/** The house: a roof triangle over a body, with a door cut out. Coordinates in the unit square. */
function insideHouse(x, y) {
  const roof = y >= 0.2 && y <= 0.47 && Math.abs(x - 0.5) <= ((y - 0.2) / 0.27) * 0.33;
  const body = x >= 0.27 && x <= 0.73 && y >= 0.46 && y <= 0.78;
  const door = x >= 0.44 && x <= 0.56 && y >= 0.6 && y <= 0.78;
  return (roof || body) && !door;
}

/** Colour and coverage (0..1) of one sample point. */
function sample(x, y) {
  if (!insideRoundedSquare(x, y)) return null;
  if (insideHouse(x, y)) return WHITE;
  return TEAL_TOP.map((top, i) => top + (TEAL_BOTTOM[i] - top) * y);
}

function drawIcon(size) {
  const grid = 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      const sum = [0, 0, 0];
      let covered = 0;
      for (let sy = 0; sy < grid; sy += 1) {
        for (let sx = 0; sx < grid; sx += 1) {
          const colour = sample((px + (sx + 0.5) / grid) / size, (py + (sy + 0.5) / grid) / size);
          if (colour === null) continue;
          covered += 1;
          for (let i = 0; i < 3; i += 1) sum[i] += colour[i];
        }
      }
      const offset = (py * size + px) * 4;
      if (covered > 0) for (let i = 0; i < 3; i += 1) rgba[offset + i] = Math.round(sum[i] / covered);
      rgba[offset + 3] = Math.round((covered / (grid * grid)) * 255);
    }
  }
  return encodePng(size, rgba);
}

const large = drawIcon(512);
writeFileSync(join(here, 'icon.png'), large);
writeFileSync(join(here, '512x512.png'), large);
for (const size of [256, 128, 64, 48, 32, 16]) writeFileSync(join(here, `${size}x${size}.png`), drawIcon(size));
console.log('Wrote icon.png and the Linux icon set to', here);
