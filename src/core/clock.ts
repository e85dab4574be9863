/**
 * The mock's only source of time. Every moment a task lives through is read from here,
 * so a test that owns the clock owns the whole lifecycle.
 *
 * The clock is a line: `now = anchor + (wall - wallAnchor) * rate`. Rate 1 is real time,
 * rate N is N times real time, rate 0 is frozen (manual mode). Every change re-anchors,
 * so changing speed or advancing never makes the clock jump backwards.
 */
export type ClockMode = 'real' | 'manual';

export interface ClockOptions {
  mode: ClockMode;
  /** How many clock milliseconds pass per wall millisecond when running. */
  speed: number;
  /** Clock time (epoch ms) at start; the wall time when absent. */
  startAt?: number | undefined;
  /** Wall time source, injectable for tests of the clock itself. */
  wallNow?: () => number;
}

export interface ClockSnapshot {
  now: number;
  mode: ClockMode;
  speed: number;
  frozen: boolean;
}

export type ClockListener = () => void;

export class Clock {
  readonly #wallNow: () => number;
  #anchor: number;
  #wallAnchor: number;
  #speed: number;
  #frozen: boolean;
  readonly #mode: ClockMode;
  readonly #listeners = new Set<ClockListener>();

  constructor(options: ClockOptions) {
    this.#wallNow = options.wallNow ?? Date.now;
    this.#wallAnchor = this.#wallNow();
    this.#anchor = options.startAt ?? this.#wallAnchor;
    this.#speed = options.speed;
    this.#mode = options.mode;
    this.#frozen = options.mode === 'manual';
  }

  now(): number {
    if (this.#frozen) return this.#anchor;
    return this.#anchor + (this.#wallNow() - this.#wallAnchor) * this.#speed;
  }

  /** Wall milliseconds until the clock reads `at`; Infinity while frozen. */
  wallMsUntil(at: number): number {
    const ahead = at - this.now();
    if (ahead <= 0) return 0;
    return this.#frozen ? Number.POSITIVE_INFINITY : ahead / this.#speed;
  }

  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('ms must be a finite number >= 0');
    return this.#rebase(this.now() + ms);
  }

  /** Jumps to `at`, forwards or backwards. */
  set(at: number): number {
    if (!Number.isFinite(at)) throw new RangeError('at must be a finite time');
    return this.#rebase(at);
  }

  freeze(): number {
    const at = this.now();
    this.#frozen = true;
    return this.#rebase(at);
  }

  /** Lets time pass again, at the current speed. */
  resume(): number {
    const at = this.now();
    this.#frozen = false;
    return this.#rebase(at);
  }

  setSpeed(speed: number): number {
    if (!Number.isFinite(speed) || speed <= 0) throw new RangeError('speed must be a number > 0');
    const at = this.now();
    this.#speed = speed;
    return this.#rebase(at);
  }

  snapshot(): ClockSnapshot {
    return { now: this.now(), mode: this.#mode, speed: this.#speed, frozen: this.#frozen };
  }

  /** Called after every jump or change of pace, so waiters can re-plan. */
  onChange(listener: ClockListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #rebase(at: number): number {
    this.#anchor = at;
    this.#wallAnchor = this.#wallNow();
    for (const listener of this.#listeners) listener();
    return at;
  }
}
