import type { TaskStatus } from '../../core/lifecycle.js';
import { FRAME_SIZES } from '../../core/media.js';
import type { Random } from '../../core/random.js';
import type { Task } from '../../core/task.js';
import { type TaskIds, unixSeconds } from '../kit.js';

const CDN = 'https://platform.cdn.acedata.cloud/luma';

/** The ids AceData stamps on every task of one account. */
export interface Account {
  readonly api_id: string;
  readonly application_id: string;
  readonly credential_id: string;
  readonly user_id: string;
}

export function drawAccount(random: Random): Account {
  return {
    api_id: random.uuid(),
    application_id: random.uuid(),
    credential_id: random.uuid(),
    user_id: random.uuid(),
  };
}

/** A Mongo ObjectId (seconds, then random bytes), the video id `extend` takes, and a trace id. */
export function drawTaskIds(random: Random, createdAt: number): Record<string, string> {
  const seconds = Math.floor(createdAt / 1000)
    .toString(16)
    .padStart(8, '0')
    .slice(-8);
  return { _id: `${seconds}${random.hex(16)}`, video_id: random.uuid(), trace_id: random.uuid() };
}

export const ACEDATA_TASK_IDS: TaskIds = {
  vendor: drawTaskIds,
  aliases: (ids) => (ids.video_id ? [ids.video_id] : []),
};

function videoId(task: Task): string {
  return task.vendor.video_id ?? task.id;
}

/**
 * The body of a /luma/videos answer as the task stands: absent while pending (the worker has
 * written nothing yet), the running state, or the finished result of the docs.
 */
export function toResult(task: Task, status: TaskStatus) {
  switch (status.phase) {
    case 'pending':
      return undefined;
    case 'processing':
      return {
        task_id: task.id,
        video_id: videoId(task),
        prompt: task.input.prompt,
        state: 'processing',
      };
    case 'completed': {
      const [width, height] = FRAME_SIZES[task.input.aspectRatio];
      return {
        success: true,
        task_id: task.id,
        video_id: videoId(task),
        prompt: task.input.prompt,
        video_url: `${CDN}/${task.id}.mp4`,
        video_height: height,
        video_width: width,
        state: 'completed',
        thumbnail_url: `${CDN}/${task.id}.jpg`,
        thumbnail_width: width,
        thumbnail_height: height,
      };
    }
    case 'failed':
      return {
        success: false,
        task_id: task.id,
        state: 'failed',
        error: { code: 'api_error', message: task.plan.failureReason },
      };
  }
}

/** The task record of POST /luma/tasks: float Unix seconds, end times only once it has ended. */
export function toRecord(task: Task, status: TaskStatus, account: Account) {
  const record: Record<string, unknown> = {
    _id: task.vendor._id,
    id: task.id,
    api_id: account.api_id,
    application_id: account.application_id,
    created_at: unixSeconds(task.createdAt),
  };
  if (status.startedAt !== null) record.started_at = unixSeconds(status.startedAt);
  record.credential_id = account.credential_id;
  record.request = task.request;
  record.trace_id = task.vendor.trace_id;
  record.user_id = account.user_id;
  const response = toResult(task, status);
  if (response) record.response = response;
  if (status.endedAt !== null && status.startedAt !== null) {
    record.finished_at = unixSeconds(status.endedAt);
    record.elapsed = Math.round(status.endedAt - status.startedAt) / 1000;
  }
  return record;
}
