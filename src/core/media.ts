import type { Random } from './random.js';

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
export const ASPECT_RATIOS = Object.keys(FRAME_SIZES) as AspectRatio[];
export const DEFAULT_ASPECT_RATIO: AspectRatio = '16:9';

export function isAspectRatio(value: unknown): value is AspectRatio {
  return typeof value === 'string' && Object.hasOwn(FRAME_SIZES, value);
}

/** Luma renders 24 fps plus one frame: a "5s" clip lasts 121/24 = 5.041667 s. */
export function clipSeconds(requestedSeconds: number): number {
  return Math.round(((requestedSeconds * 24 + 1) / 24) * 1e6) / 1e6;
}

/**
 * Everything a finished video has, drawn once when the task is made so that ids and
 * URLs never change between polls. Dialects turn the keys into their own URLs.
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

export function drawMedia(random: Random, aspectRatio: AspectRatio, seconds: number): Media {
  const [width, height] = FRAME_SIZES[aspectRatio];
  return {
    width,
    height,
    durationSec: clipSeconds(seconds),
    paletteGrid: random.base64(75),
    ownerId: random.uuid(),
    videoAssetId: random.uuid(),
    frameAssetId: random.uuid(),
    videoFile: random.hex(32),
    // Cloudflare Images ids look like a UUID whose last byte is 00.
    thumbnailId: `${random.uuid().slice(0, -2)}00`,
  };
}
