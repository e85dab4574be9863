import type { Clock } from './clock.js';

interface Entry {
  readonly at: number;
  readonly order: number;
  readonly run: () => void;
  cancelled: boolean;
}

/** Longest delay a Node timer accepts. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Runs work when the clock reaches a given instant: held requests now, callbacks later.
 * One timer serves every entry, armed for the earliest; a jump of the clock (a manual
 * advance) wakes it at once, so whatever the jump crossed runs in time order.
 */
export class Scheduler {
  readonly #clock: Clock;
  readonly #heap: Entry[] = [];
  #order = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #unsubscribe: () => void;

  constructor(clock: Clock) {
    this.#clock = clock;
    this.#unsubscribe = clock.onChange(() => this.#wake());
  }

  /** Runs `run` once the clock reads `at` or later; returns a cancel function. */
  at(at: number, run: () => void): () => void {
    const entry: Entry = { at, order: this.#order++, run, cancelled: false };
    this.#push(entry);
    this.#wake();
    return () => {
      entry.cancelled = true;
    };
  }

  /** Resolves when the clock reads `at`, or at once when `signal` abandons the wait. */
  until(at: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const cancel = this.at(at, resolve);
      signal?.addEventListener(
        'abort',
        () => {
          cancel();
          resolve();
        },
        { once: true },
      );
    });
  }

  get pending(): number {
    return this.#heap.filter((entry) => !entry.cancelled).length;
  }

  dispose(): void {
    this.#unsubscribe();
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#heap.length = 0;
  }

  #wake(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    const now = this.#clock.now();
    for (let top = this.#heap[0]; top && (top.cancelled || top.at <= now); top = this.#heap[0]) {
      this.#pop();
      if (!top.cancelled) top.run();
    }
    const next = this.#heap[0];
    if (!next) return;
    const delay = this.#clock.wallMsUntil(next.at);
    if (!Number.isFinite(delay)) return;
    this.#timer = setTimeout(() => this.#wake(), Math.min(Math.ceil(delay), MAX_TIMER_MS));
    this.#timer.unref?.();
  }

  #before(a: Entry, b: Entry): boolean {
    return a.at < b.at || (a.at === b.at && a.order < b.order);
  }

  #push(entry: Entry): void {
    const heap = this.#heap;
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const up = heap[parent] as Entry;
      if (!this.#before(entry, up)) break;
      heap[i] = up;
      i = parent;
    }
    heap[i] = entry;
  }

  #pop(): void {
    const heap = this.#heap;
    const last = heap.pop();
    if (!last || heap.length === 0) return;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child =
        right < heap.length && this.#before(heap[right] as Entry, heap[left] as Entry)
          ? right
          : left;
      const smaller = heap[child] as Entry;
      if (!this.#before(smaller, last)) break;
      heap[i] = smaller;
      i = child;
    }
    heap[i] = last;
  }
}
