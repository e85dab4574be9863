import type { Random } from './random.js';
import type { CreateOrigin, ScenarioBook } from './scenarios.js';
import type { TaskPlan } from './task.js';

/** The plan every task starts from, and how much chance varies it. */
export interface PlanDefaults extends TaskPlan {
  /** 0–1: each duration is drawn within ±jitter of its default. */
  readonly jitter: number;
  /** 0–1: the share of tasks that fail, drawn per task. */
  readonly failRate: number;
}

/**
 * Decides each new task's plan: the defaults (with seeded jitter and failure rate), then a
 * scenario, then what the request itself asks for. Nothing random is drawn unless configured,
 * so a mock without jitter or failure rate hands out the same ids whatever the scenarios.
 */
export class Planner {
  readonly #random: Random;
  readonly #defaults: PlanDefaults;
  readonly #book: ScenarioBook;
  /** The default plan itself, shared by every task nothing changes. */
  readonly #base: TaskPlan;

  constructor(random: Random, defaults: PlanDefaults, book: ScenarioBook) {
    this.#random = random;
    this.#defaults = defaults;
    this.#book = book;
    const { jitter: _jitter, failRate: _failRate, ...base } = defaults;
    this.#base = Object.freeze(base);
  }

  /**
   * `requested` is what the request spelled out; `scenario` a scenario it named. Either one
   * replaces the matching of scenarios for this task.
   */
  plan(origin: CreateOrigin, requested?: Partial<TaskPlan>, scenario?: string): TaskPlan {
    const { jitter, failRate } = this.#defaults;
    const base = this.#base;
    const drawn: TaskPlan =
      jitter <= 0 && failRate <= 0
        ? base
        : {
            ...base,
            queueMs: this.#jittered(base.queueMs, jitter),
            renderMs: this.#jittered(base.renderMs, jitter),
            outcome: failRate > 0 && this.#random.chance(failRate) ? 'failed' : base.outcome,
          };
    const named = scenario === undefined ? undefined : this.#book.takeNamed(scenario);
    const matched = requested || named ? undefined : this.#book.take(origin);
    const overrides = { ...matched, ...named, ...requested };
    return Object.keys(overrides).length === 0 ? drawn : { ...drawn, ...overrides };
  }

  #jittered(ms: number, jitter: number): number {
    if (jitter <= 0 || ms === 0) return ms;
    const spread = Math.round(ms * jitter);
    return Math.max(0, ms + this.#random.int(-spread, spread));
  }
}
