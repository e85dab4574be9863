import { setTimeout as sleep } from 'node:timers/promises';
import type { TaskEngine } from '../core/engine.js';
import { milestones, statusAt } from '../core/lifecycle.js';
import type { Scheduler } from '../core/scheduler.js';
import type { Task } from '../core/task.js';
import type { CallbackSpec } from '../dialects/kit.js';
import type { PostOutcome } from './postJson.js';

export interface DeliveryPolicy {
  /** Attempts after the first, when the receiver fails or does not answer 2xx. */
  readonly retries: number;
  readonly retryDelayMs: number;
  readonly timeoutMs: number;
  /** How many deliveries the log keeps, oldest dropped first. */
  readonly keep: number;
}

export interface Attempt {
  readonly wall_time: string;
  readonly status: number | null;
  readonly error: string | null;
}

export interface Delivery {
  readonly id: string;
  readonly profile: string;
  readonly task_id: string;
  readonly url: string;
  readonly event: string;
  /** The clock time of the transition it reports. */
  readonly transition_time: string;
  state: 'delivering' | 'delivered' | 'failed';
  readonly attempts: Attempt[];
}

type Post = (url: string, body: unknown, timeoutMs: number) => Promise<PostOutcome>;

/**
 * Sends callbacks when the clock crosses a task's transitions, a manual jump included. Each
 * transition is one entry in the shared scheduler, so nothing ticks per task.
 */
export class CallbackDispatcher {
  readonly #scheduler: Scheduler;
  readonly #specFor: (profile: string) => CallbackSpec | undefined;
  readonly #policy: DeliveryPolicy;
  readonly #post: Post;
  readonly #cancels = new Map<Task, (() => void)[]>();
  readonly #log: Delivery[] = [];
  readonly #inFlight = new Set<Promise<void>>();
  #next = 1;
  #closed = false;

  constructor(
    engine: TaskEngine,
    scheduler: Scheduler,
    specFor: (profile: string) => CallbackSpec | undefined,
    policy: DeliveryPolicy,
    post: Post,
  ) {
    this.#scheduler = scheduler;
    this.#specFor = specFor;
    this.#policy = policy;
    this.#post = post;
    engine.on('created', (task) => this.watch(task));
    engine.on('deleted', (task) => this.#cancel(task));
  }

  deliveries(filter: { profile?: string; task?: string } = {}): Delivery[] {
    return this.#log.filter(
      (d) =>
        (filter.profile === undefined || d.profile === filter.profile) &&
        (filter.task === undefined || d.task_id === filter.task),
    );
  }

  clear(): void {
    this.#log.length = 0;
  }

  /** Resolves once every delivery under way has succeeded or given up. */
  async idle(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.all(this.#inFlight);
  }

  close(): void {
    this.#closed = true;
    for (const cancels of this.#cancels.values()) for (const cancel of cancels) cancel();
    this.#cancels.clear();
  }

  /** Schedules the task's callbacks for the transitions after `after` (all of them by default). */
  watch(task: Task, after = Number.NEGATIVE_INFINITY): void {
    const url = task.input.callbackUrl;
    const spec = this.#specFor(task.profile);
    if (url === null || !spec) return;
    const { startAt, endAt } = milestones(task.createdAt, task.plan);
    const cancels: (() => void)[] = [];
    for (const event of spec.events) {
      const at = event === 'processing' ? startAt : endAt;
      if (!Number.isFinite(at) || at <= after) continue;
      if (event !== 'processing' && event !== task.plan.outcome) continue;
      cancels.push(this.#scheduler.at(at, () => this.#send(task, url, spec, at)));
    }
    this.#cancels.set(task, cancels);
  }

  #cancel(task: Task): void {
    for (const cancel of this.#cancels.get(task) ?? []) cancel();
    this.#cancels.delete(task);
  }

  #send(task: Task, url: string, spec: CallbackSpec, at: number): void {
    if (this.#closed) return;
    const status = statusAt(task, at);
    const delivery: Delivery = {
      id: `cb_${this.#next++}`,
      profile: task.profile,
      task_id: task.id,
      url,
      event: status.phase,
      transition_time: new Date(at).toISOString(),
      state: 'delivering',
      attempts: [],
    };
    this.#log.push(delivery);
    if (this.#log.length > this.#policy.keep) this.#log.shift();
    const body = spec.payload(task, status);
    const run = this.#deliver(delivery, body).finally(() => this.#inFlight.delete(run));
    this.#inFlight.add(run);
  }

  async #deliver(delivery: Delivery, body: unknown): Promise<void> {
    const { retries, retryDelayMs, timeoutMs } = this.#policy;
    for (let attempt = 0; attempt <= retries; attempt++) {
      if (attempt > 0) await sleep(retryDelayMs);
      if (this.#closed) break;
      const wall_time = new Date().toISOString();
      const outcome = await this.#post(delivery.url, body, timeoutMs);
      const status = 'status' in outcome ? outcome.status : null;
      delivery.attempts.push({
        wall_time,
        status,
        error: 'error' in outcome ? outcome.error : null,
      });
      if (status !== null && status >= 200 && status < 300) {
        delivery.state = 'delivered';
        return;
      }
    }
    delivery.state = 'failed';
  }
}
