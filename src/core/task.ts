import { type AspectRatio, type Media, mediaOf } from './media.js';

export type Outcome = 'completed' | 'failed';

/** What will happen to a task, fixed when it is made. Its state is read off this and the clock. */
export interface TaskPlan {
  readonly queueMs: number;
  readonly renderMs: number;
  readonly outcome: Outcome;
  readonly failureReason: string;
  /** Progress (0–100) at which a failing task stops. */
  readonly failAtProgress: number;
  /** A stuck task renders forever and never ends. */
  readonly stuck: boolean;
}

export type TaskAction = 'generate' | 'extend';

/** A create request in neutral words; each dialect maps its own body onto this. */
export interface TaskInput {
  readonly action: TaskAction;
  readonly prompt: string;
  readonly aspectRatio: AspectRatio;
  readonly seconds: number;
  readonly loop: boolean;
  /** The task being extended. */
  readonly sourceId: string | null;
  readonly callbackUrl: string | null;
}

export interface Task {
  readonly profile: string;
  readonly id: string;
  /** 1-based creation order within the profile (new-api's numeric row id). */
  readonly seq: number;
  /** Clock time (epoch ms) the task was made. */
  readonly createdAt: number;
  readonly plan: TaskPlan;
  readonly input: TaskInput;
  /** The body exactly as the client sent it (AceData echoes it back). */
  readonly request: unknown;
  /** Seeds the task's media (see `media()`); drawn from the instance's generator. */
  readonly mediaSeed: number;
  /** Ids a dialect draws for itself at creation (AceData's _id, video_id, trace_id). */
  readonly vendor: Readonly<Record<string, string>>;
}

/** The task's video, thumbnail and last frame, drawn from its seed. */
export function media(task: Pick<Task, 'mediaSeed' | 'input'>): Media {
  return mediaOf(task.mediaSeed, task.input.aspectRatio, task.input.seconds);
}
