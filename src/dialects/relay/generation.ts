import type { TaskStatus } from '../../core/lifecycle.js';
import type { Media } from '../../core/media.js';
import { media, type Task } from '../../core/task.js';
import { isoMicros, isoMillis } from '../kit.js';

/** Luma-API re-serialises through a Go struct, so the artifact's unset time is Go's zero time. */
const GO_ZERO_TIME = '0001-01-01T00:00:00Z';
const CDN = 'https://storage.cdn-luma.com/dream-machine';
const IMAGES = 'https://imagedelivery.net/1KomXrSWiTojGGip43n0SQ';

export interface GenerationOptions {
  /** api.gpt.ge documents `failure_reason`; yunwu's object has no such key. */
  readonly failureReason: boolean;
}

const urlOf = (m: Media) => `${CDN}/${m.ownerId}/${m.videoAssetId}/video0${m.videoFile}.mp4`;

export function videoUrl(task: Task): string {
  return urlOf(media(task));
}

function completedMedia(task: Task) {
  const m = media(task);
  const url = urlOf(m);
  const video = { url, width: m.width, height: m.height, download_url: url };
  const thumbnail = {
    url: `${IMAGES}/${m.thumbnailId}/public`,
    width: m.width,
    height: m.height,
    palette: { grid: m.paletteGrid },
    media_type: 'image',
  };
  const video_raw = {
    url,
    width: m.width,
    height: m.height,
    duration: m.durationSec,
    media_type: 'video',
  };
  const last_frame = {
    url: `${CDN}/${m.ownerId}/${m.frameAssetId}/video_0_last_frame.jpg`,
    width: m.width,
    height: m.height,
    palette: null,
    media_type: 'image',
  };
  return { video, thumbnail, video_raw, last_frame };
}

/**
 * The object of GET /luma/generations/{id}, keys in the docs' order and all of them always
 * present: media objects are null until the video is there.
 */
export function toGeneration(task: Task, status: TaskStatus, options: GenerationOptions) {
  const media = status.phase === 'completed' ? completedMedia(task) : null;
  const generation: Record<string, unknown> = {
    id: task.id,
    state: status.phase,
    video: media?.video ?? null,
    request: { prompt: task.input.prompt, aspect_ratio: task.input.aspectRatio },
    artifact: media && { ...media, created_at: GO_ZERO_TIME },
    thumbnail: media?.thumbnail ?? null,
    video_raw: media?.video_raw ?? null,
    created_at: isoMillis(task.createdAt),
    last_frame: media?.last_frame ?? null,
  };
  if (options.failureReason) {
    generation.failure_reason = status.phase === 'failed' ? task.plan.failureReason : null;
  }
  return generation;
}

/** The answer to a create or extend: the freshly queued generation, as Luma's web API returns it. */
export function toCreated(task: Task) {
  return {
    id: task.id,
    prompt: task.input.prompt,
    state: 'pending',
    queue_state: null,
    created_at: isoMicros(task.createdAt, task.mediaSeed),
    batch_id: '',
    video: null,
    video_raw: null,
    liked: null,
    estimate_wait_seconds: null,
    thumbnail: null,
    last_frame: null,
  };
}
