import type { Phase, TaskStatus } from '../../core/lifecycle.js';
import type { Task } from '../../core/task.js';
import { type BatchEntry, isoMillis, joinJson, unixWholeSeconds } from '../kit.js';

export type NewApiStatus = 'NOT_START' | 'SUBMITTED' | 'IN_PROGRESS' | 'SUCCESS' | 'FAILURE';

export interface TaskDtoOptions {
  /** The channel platform the relay files Luma tasks under (`luma_free` in RixAPI's example). */
  readonly platform: string;
  /** The task action (`LUMA_VIDEO` in RixAPI's example). */
  readonly action: string;
}

const STATUS: Record<Exclude<Phase, 'pending'>, NewApiStatus> = {
  processing: 'IN_PROGRESS',
  completed: 'SUCCESS',
  failed: 'FAILURE',
};

/**
 * A pending task is NOT_START for the first half of its queue time (inserted, not yet taken
 * by an upstream account) and SUBMITTED for the second half, so both can be seen on a clock.
 */
export function newApiStatus(task: Task, status: TaskStatus, now: number): NewApiStatus {
  if (status.phase !== 'pending') return STATUS[status.phase];
  return now - task.createdAt < task.plan.queueMs / 2 ? 'NOT_START' : 'SUBMITTED';
}

/** new-api writes "100%" on both SUCCESS and FAILURE; before that, upstream's progress. */
export function newApiProgress(status: TaskStatus): string {
  const terminal = status.phase === 'completed' || status.phase === 'failed';
  return `${terminal ? 100 : status.progress}%`;
}

/** The last instant the row changed, as new-api's `updated_at`. */
function updatedAt(task: Task, status: TaskStatus, now: number): number {
  if (status.endedAt !== null) return status.endedAt;
  if (status.startedAt !== null) return status.startedAt;
  const submittedAt = task.createdAt + task.plan.queueMs / 2;
  return now >= submittedAt ? submittedAt : task.createdAt;
}

/** A new-api TaskDto with the fields of RixAPI's example, without `data` (see `taskListJson`). */
export function toTaskDto(
  entry: Pick<BatchEntry, 'task' | 'status'>,
  now: number,
  options: TaskDtoOptions,
) {
  const { task, status } = entry;
  return {
    id: task.seq,
    created_at: isoMillis(task.createdAt),
    updated_at: isoMillis(updatedAt(task, status, now)),
    task_id: task.id,
    platform: options.platform,
    action: options.action,
    status: newApiStatus(task, status, now),
    fail_reason: status.phase === 'failed' ? task.plan.failureReason : '',
    submit_time: unixWholeSeconds(task.createdAt),
    start_time: status.startedAt === null ? 0 : unixWholeSeconds(status.startedAt),
    finish_time: status.endedAt === null ? 0 : unixWholeSeconds(status.endedAt),
    progress: newApiProgress(status),
  };
}

/**
 * `{"code": "success", "message": "", "data": [TaskDto, …]}` as JSON text, each TaskDto's
 * `data` (last, as in new-api) being the relay object's own, already serialized, text.
 */
export function taskListJson(
  entries: readonly BatchEntry[],
  now: number,
  options: TaskDtoOptions,
): Uint8Array[] {
  const pieces = joinJson(
    '{"code":"success","message":"","data":[',
    entries.map((entry) => {
      const dto = JSON.stringify(toTaskDto(entry, now, options));
      return Buffer.from(`${dto.slice(0, -1)},"data":`);
    }),
    ']}',
  );
  // After each TaskDto's head (at 1, 3, 5, …), its relay object and the closing brace.
  return pieces.flatMap((piece, i) => {
    const entry = i % 2 === 1 ? entries[(i - 1) / 2] : undefined;
    return entry ? [piece, entry.json, CLOSE] : [piece];
  });
}

const CLOSE = Buffer.from('}');
