import type { Task } from './task.js';

const UTF8 = new TextEncoder();

/**
 * The last serialized answer of each recently rendered task, with what it depends on (its
 * state). A task's answer changes only when its state does, so polls of the same task, and
 * batches of the same tasks, serialize nothing new. Bounded: the first rendered go first (a hit
 * does not reorder, which would cost two map writes per task on the hottest path). Keyed by the
 * task object, so a deleted task's entry can never answer for a new one with its id.
 */
export class RenderCache {
  readonly #entries = new Map<Task, { key: string; json: Uint8Array }>();
  readonly #capacity: number;

  constructor(capacity: number) {
    this.#capacity = capacity;
  }

  /** The task's answer as UTF-8 JSON: encoded once, so that batches only copy bytes. */
  json(task: Task, key: string, render: () => unknown): Uint8Array {
    const hit = this.#entries.get(task);
    if (hit && hit.key === key) return hit.json;
    const json = UTF8.encode(JSON.stringify(render()));
    if (hit) this.#entries.delete(task);
    this.#entries.set(task, { key, json });
    if (this.#entries.size > this.#capacity) {
      const oldest = this.#entries.keys().next().value as Task;
      this.#entries.delete(oldest);
    }
    return json;
  }
}
