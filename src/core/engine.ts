import type { Clock } from './clock.js';
import { statusAt, type TaskStatus } from './lifecycle.js';
import type { Planner } from './planner.js';
import type { Random } from './random.js';
import type { TaskStore } from './store.js';
import type { Task, TaskInput, TaskPlan } from './task.js';

export interface CreateSpec {
  readonly profile: string;
  /** The path within the profile the create came through, for scenarios to match on. */
  readonly path: string;
  readonly input: TaskInput;
  readonly request: unknown;
  /** What the request asked for itself (a `Prefer` header, a seeded task); wins over scenarios. */
  readonly requested?: Partial<TaskPlan> | undefined;
  /** A scenario the request named (`Prefer: scenario=…`). */
  readonly scenario?: string | undefined;
  /** A chosen id (seeding from the admin API); drawn from the generator when absent. */
  readonly id?: string | undefined;
  /** A chosen creation time, to start a task mid-lifecycle; the clock's now when absent. */
  readonly createdAt?: number | undefined;
  /** Draws the dialect's own ids for the task, from the instance's generator. */
  readonly vendor?: (random: Random, createdAt: number) => Record<string, string>;
  /** Vendor ids the task can also be looked up by. */
  readonly aliases?: (vendor: Readonly<Record<string, string>>) => readonly string[];
}

/** Shared by every task whose dialect draws no ids of its own. */
const NO_VENDOR_IDS: Readonly<Record<string, string>> = Object.freeze({});

export interface TaskEvents {
  /** A new task, with the vendor ids it can also be looked up by. */
  created(task: Task, aliases: readonly string[]): void;
  deleted(task: Task): void;
  /** After `clear()`: every task of every profile is gone (a reset). */
  cleared(): void;
}

type Listeners = { [K in keyof TaskEvents]: Set<TaskEvents[K]> };

/** Makes, finds and forgets tasks: the one place a task comes into being. */
export class TaskEngine {
  readonly clock: Clock;
  readonly random: Random;
  readonly store: TaskStore;
  readonly planner: Planner;
  readonly #listeners: Listeners = { created: new Set(), deleted: new Set(), cleared: new Set() };

  readonly #maxTasks: number;
  readonly #log: (line: string) => void;

  constructor(
    clock: Clock,
    random: Random,
    store: TaskStore,
    planner: Planner,
    limits: { maxTasks: number; log: (line: string) => void } = {
      maxTasks: Number.POSITIVE_INFINITY,
      log: () => {},
    },
  ) {
    this.clock = clock;
    this.random = random;
    this.store = store;
    this.planner = planner;
    this.#maxTasks = limits.maxTasks;
    this.#log = limits.log;
  }

  /** Makes room for one more task: the oldest ended task goes first, else the oldest of all. */
  #makeRoom(): void {
    if (this.store.size < this.#maxTasks) return;
    const now = this.clock.now();
    let victim: Task | undefined;
    for (const task of this.store.all()) {
      victim ??= task;
      if (statusAt(task, now).endedAt !== null) {
        victim = task;
        break;
      }
    }
    if (!victim) return;
    this.#log(
      `store full (${this.#maxTasks} tasks): forgetting ${victim.profile} task ${victim.id}`,
    );
    this.delete(victim.profile, victim.id);
  }

  create(spec: CreateSpec): Task {
    this.#makeRoom();
    let id = spec.id ?? this.random.uuid();
    // A drawn id never replaces a task (a restored store may already hold the next draw).
    while (spec.id === undefined && this.store.has(spec.profile, id)) id = this.random.uuid();
    const createdAt = spec.createdAt ?? this.clock.now();
    const vendor = spec.vendor ? Object.freeze(spec.vendor(this.random, createdAt)) : NO_VENDOR_IDS;
    const plan = this.planner.plan(
      { profile: spec.profile, path: spec.path, prompt: spec.input.prompt },
      spec.requested,
      spec.scenario,
    );
    const task: Task = {
      profile: spec.profile,
      id,
      seq: this.store.nextSeq(spec.profile),
      createdAt,
      plan,
      input: spec.input,
      request: spec.request,
      mediaSeed: this.random.int(0, 2 ** 31 - 1),
      vendor,
    };
    const aliases = spec.aliases?.(vendor) ?? [];
    this.store.add(task, aliases);
    for (const listener of this.#listeners.created) listener(task, aliases);
    return task;
  }

  get(profile: string, id: string): Task | undefined {
    return this.store.get(profile, id);
  }

  delete(profile: string, id: string): Task | undefined {
    const task = this.store.delete(profile, id);
    if (task) for (const listener of this.#listeners.deleted) listener(task);
    return task;
  }

  /** Forgets every task of every profile. */
  clear(): void {
    for (const task of [...this.store.all()]) this.delete(task.profile, task.id);
    for (const listener of this.#listeners.cleared) listener();
  }

  status(task: Task, now: number = this.clock.now()): TaskStatus {
    return statusAt(task, now);
  }

  on<K extends keyof TaskEvents>(event: K, listener: TaskEvents[K]): () => void {
    const set = this.#listeners[event] as Set<TaskEvents[K]>;
    set.add(listener);
    return () => set.delete(listener);
  }
}
