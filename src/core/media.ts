import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/** The aspect ratios Luma renders, with the frame size it renders each at (16:9 → 1360×752 in the docs). */
export const FRAME_SIZES = {
  '16:9': [1360, 752],
  '9:16': [752, 1360],
  '1:1': [1024, 1024],
  '4:3': [1168, 864],
  '3:4': [864, 1168],
  '21:9': [1552, 656],
  '9:21': [656, 1552],
} as const satisfies Record<string, readonly [number, number]>;

export type AspectRatio = keyof typeof FRAME_SIZES;
export const DEFAULT_ASPECT_RATIO: AspectRatio = '16:9';

/** Luma renders 24 fps plus one frame: a "5s" clip lasts 121/24 = 5.041667 s. */
export function clipSeconds(requestedSeconds: number): number {
  return Math.round(((requestedSeconds * 24 + 1) / 24) * 1e6) / 1e6;
}

/**
 * Everything a finished video has. A task keeps only a seed; this is drawn from it whenever it
 * is needed, the same every time, so ids and URLs never change between polls and a million
 * stored tasks do not each carry their URLs.
 */
export interface Media {
  readonly width: number;
  readonly height: number;
  readonly durationSec: number;
  /** 75 random bytes, base64: the size of the grids in the vendors' examples. */
  readonly paletteGrid: string;
  readonly ownerId: string;
  readonly videoAssetId: string;
  readonly frameAssetId: string;
  readonly videoFile: string;
  readonly thumbnailId: string;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Bytes from a generator seeded by the task: four per 32-bit draw. */
function bytes(rng: RandomGenerator, n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i += 4) {
    const word = rng.next() >>> 0;
    for (let j = 0; j < 4 && i + j < n; j++) out[i + j] = (word >>> (8 * j)) & 0xff;
  }
  return out;
}

function hex(b: Uint8Array): string {
  let out = '';
  for (const x of b) out += HEX[x];
  return out;
}

/** A version-4 UUID from 16 bytes. */
function uuid(rng: RandomGenerator): string {
  const b = bytes(rng, 16);
  b[6] = ((b[6] as number) & 0x0f) | 0x40;
  b[8] = ((b[8] as number) & 0x3f) | 0x80;
  const h = hex(b);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function mediaOf(seed: number, aspectRatio: AspectRatio, seconds: number): Media {
  const rng = xoroshiro128plus(seed);
  const [width, height] = FRAME_SIZES[aspectRatio];
  return {
    width,
    height,
    durationSec: clipSeconds(seconds),
    paletteGrid: btoa(String.fromCharCode(...bytes(rng, 75))),
    ownerId: uuid(rng),
    videoAssetId: uuid(rng),
    frameAssetId: uuid(rng),
    videoFile: hex(bytes(rng, 16)),
    // Cloudflare Images ids look like a UUID whose last byte is 00.
    thumbnailId: `${uuid(rng).slice(0, -2)}00`,
  };
}
