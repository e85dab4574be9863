import type { Phase, TaskStatus } from '../../core/lifecycle.js';
import { media, type Task } from '../../core/task.js';
import { isoMillis } from '../kit.js';

const CDN = 'https://storage.cdn-luma.com/dream_machine';

/** Luma's words for the neutral states. */
export const LUMA_STATE: Record<Phase, string> = {
  pending: 'queued',
  processing: 'dreaming',
  completed: 'completed',
  failed: 'failed',
};

/** What kind of generation a task is, and with which model, as Luma's Generation says. */
export interface LumaKind {
  readonly generation_type: string;
  readonly model: string;
}

export function kindOf(task: Task): LumaKind {
  return {
    generation_type: task.vendor.generation_type ?? 'video',
    model: task.vendor.model ?? 'ray-2',
  };
}

export const isImage = (kind: LumaKind) => kind.generation_type.includes('image');

function assets(task: Task, status: TaskStatus, kind: LumaKind) {
  const m = media(task);
  const base = `${CDN}/${m.ownerId}/${m.videoAssetId}`;
  if (isImage(kind)) {
    return status.phase === 'completed' ? { image: `${base}/image_0.${imageFormat(task)}` } : null;
  }
  const progress_video = `${base}/video_0_progress.mp4`;
  if (status.phase === 'processing') return { progress_video };
  if (status.phase === 'completed') {
    return { video: `${base}/video_0.mp4`, image: `${base}/video_0_thumb.jpg`, progress_video };
  }
  return null;
}

function imageFormat(task: Task): string {
  const format = (task.request as { format?: string }).format;
  return format === 'png' ? 'png' : 'jpg';
}

/** The Generation object of the SDK's types, at the task's state. */
export function toGeneration(task: Task, status: TaskStatus) {
  const kind = kindOf(task);
  return {
    id: task.id,
    generation_type: kind.generation_type,
    state: LUMA_STATE[status.phase],
    failure_reason: status.phase === 'failed' ? task.plan.failureReason : null,
    created_at: isoMillis(task.createdAt),
    assets: assets(task, status, kind),
    model: kind.model,
    request: task.request,
  };
}
