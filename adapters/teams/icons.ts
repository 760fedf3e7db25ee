// The Teams app icons (a shield with a clock), drawn in code and written as PNG with zlib only: no image packages.
import { deflateSync } from 'node:zlib';

/** The app's accent colour (also the manifest's accentColor). */
export const ACCENT = { hex: '#1F4E79', rgb: [0x1f, 0x4e, 0x79] as const };

type Rgba = readonly [number, number, number, number];
type Paint = (u: number, v: number) => Rgba;

const WHITE: Rgba = [255, 255, 255, 255];
const CLEAR: Rgba = [255, 255, 255, 0];
const ACCENT_RGBA: Rgba = [...ACCENT.rgb, 255];
const SAMPLES = 4;

/** 192×192 full-colour icon: white shield and accent clock on the accent colour. */
export function colorIconPng(): Buffer {
  return encodePng(192, render(192, (u, v) => (inShield(u, v, 0.62) ? (onClock(u, v) ? ACCENT_RGBA : WHITE) : ACCENT_RGBA)));
}

/** 32×32 outline icon: white shield on transparent, the clock cut out (Teams requires white and transparent only). */
export function outlineIconPng(): Buffer {
  return encodePng(32, render(32, (u, v) => (inShield(u, v, 0.9) && !onClock(u, v, 1.4) ? WHITE : CLEAR)));
}

// u, v in [-1, 1]: a flat-topped shield narrowing to a point at the bottom.
function inShield(u: number, v: number, scale: number): boolean {
  const x = u / scale;
  const y = v / scale;
  if (y < -0.85 || y > 0.95) return false;
  if (y <= 0.1) return Math.abs(x) <= 0.78;
  return Math.abs(x) <= 0.78 * (1 - ((y - 0.1) / 0.85) ** 2);
}

// A clock face ring with hands at ten past: "the deadline".
function onClock(u: number, v: number, weight = 1): boolean {
  const cx = 0;
  const cy = -0.08;
  const r = Math.hypot(u - cx, v - cy);
  const stroke = 0.055 * weight;
  if (Math.abs(r - 0.3) <= stroke) return true;
  const onSegment = (x2: number, y2: number) => {
    const dx = x2 - cx;
    const dy = y2 - cy;
    const t = Math.max(0, Math.min(1, ((u - cx) * dx + (v - cy) * dy) / (dx * dx + dy * dy)));
    return Math.hypot(u - (cx + t * dx), v - (cy + t * dy)) <= stroke;
  };
  return onSegment(cx, cy - 0.22) || onSegment(cx + 0.16, cy + 0.02);
}

// Supersampled so edges are smooth; colour is averaged over the opaque samples only.
function render(size: number, paint: Paint): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const u = ((x + (sx + 0.5) / SAMPLES) / size) * 2 - 1;
          const v = ((y + (sy + 0.5) / SAMPLES) / size) * 2 - 1;
          const [pr, pg, pb, pa] = paint(u, v);
          r += pr * pa; g += pg * pa; b += pb * pa; a += pa;
        }
      }
      const i = (y * size + x) * 4;
      pixels[i] = a ? Math.round(r / a) : 255;
      pixels[i + 1] = a ? Math.round(g / a) : 255;
      pixels[i + 2] = a ? Math.round(b / a) : 255;
      pixels[i + 3] = Math.round(a / (SAMPLES * SAMPLES));
    }
  }
  return pixels;
}

/** A square RGBA image as PNG (8-bit, colour type 6, filter 0 on every row). */
export function encodePng(size: number, rgba: Uint8Array): Buffer {
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) Buffer.from(rgba.subarray(y * size * 4, (y + 1) * size * 4)).copy(rows, y * (size * 4 + 1) + 1);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

let table: Uint32Array | undefined;
function crc32(data: Buffer): number {
  table ??= Uint32Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  let crc = 0xffffffff;
  for (const byte of data) crc = table[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
