import type { Clock } from './clock.js';
import { statusAt, type TaskStatus } from './lifecycle.js';
import { drawMedia } from './media.js';
import type { Random } from './random.js';
import type { TaskStore } from './store.js';
import type { Task, TaskInput, TaskPlan } from './task.js';

export interface CreateSpec {
  readonly profile: string;
  readonly input: TaskInput;
  readonly request: unknown;
  /** Draws the dialect's own ids for the task, from the instance's generator. */
  readonly vendor?: (random: Random) => Record<string, string>;
  /** Vendor ids the task can also be looked up by. */
  readonly aliases?: (vendor: Readonly<Record<string, string>>) => readonly string[];
  readonly plan?: Partial<TaskPlan>;
}

export type CreatedListener = (task: Task) => void;

/** Makes tasks and answers for them: the one place a task comes into being. */
export class TaskEngine {
  readonly clock: Clock;
  readonly random: Random;
  readonly store: TaskStore;
  readonly #defaults: TaskPlan;
  readonly #listeners = new Set<CreatedListener>();

  constructor(clock: Clock, random: Random, store: TaskStore, defaults: TaskPlan) {
    this.clock = clock;
    this.random = random;
    this.store = store;
    this.#defaults = defaults;
  }

  create(spec: CreateSpec): Task {
    const id = this.random.uuid();
    const vendor = Object.freeze(spec.vendor?.(this.random) ?? {});
    const task: Task = {
      profile: spec.profile,
      id,
      seq: this.store.nextSeq(spec.profile),
      createdAt: this.clock.now(),
      plan: { ...this.#defaults, ...spec.plan },
      input: spec.input,
      request: spec.request,
      media: drawMedia(this.random, spec.input.aspectRatio, spec.input.seconds),
      vendor,
    };
    this.store.add(task, spec.aliases?.(vendor));
    for (const listener of this.#listeners) listener(task);
    return task;
  }

  get(profile: string, id: string): Task | undefined {
    return this.store.get(profile, id);
  }

  status(task: Task, now: number = this.clock.now()): TaskStatus {
    return statusAt(task, now);
  }

  onCreated(listener: CreatedListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
