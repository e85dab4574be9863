import { IdList } from './idList.js';
import { routePattern } from './routePattern.js';
import type { TaskPlan } from './task.js';

/** Which creates a scenario applies to; an absent field matches anything. */
export interface ScenarioMatch {
  readonly profile?: string | undefined;
  /** A route pattern, `:name` standing for one path segment: `/luma/generations/:id/extend`. */
  readonly route?: string | undefined;
  /** A regular expression the prompt must match. */
  readonly prompt?: string | undefined;
}

export interface ScenarioInput {
  readonly name?: string | undefined;
  readonly match: ScenarioMatch;
  readonly plan: Partial<TaskPlan>;
  /** How many creates it applies to; undefined: every matching create until removed. */
  readonly times?: number | undefined;
}

export interface Scenario extends ScenarioInput {
  readonly id: string;
  readonly used: number;
  readonly remaining: number | null;
}

interface Entry {
  readonly id: string;
  readonly input: ScenarioInput;
  readonly prompt: RegExp | null;
  readonly route: RegExp | null;
  used: number;
}

export interface CreateOrigin {
  readonly profile: string;
  /** The request path within the profile, e.g. `/luma/generations`. */
  readonly path: string;
  readonly prompt: string;
}

/**
 * What will happen to the next matching creates. Scenarios apply first-added first, each
 * until its `times` are used up, after which it stops applying and drops out.
 */
export class ScenarioBook {
  readonly #entries = new IdList<Entry>('scn');
  readonly #listeners = new Set<() => void>();

  /** Called after every change: an add, a removal, a use. */
  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #changed(): void {
    for (const listener of this.#listeners) listener();
  }

  /** Throws a RangeError naming the field when the prompt pattern is not a valid expression. */
  add(input: ScenarioInput): Scenario {
    let prompt: RegExp | null = null;
    if (input.match.prompt !== undefined) {
      try {
        prompt = new RegExp(input.match.prompt);
      } catch (error) {
        throw new RangeError(
          `prompt is not a valid regular expression: ${(error as Error).message}`,
        );
      }
    }
    const route = input.match.route === undefined ? null : routePattern(input.match.route);
    const entry = this.#entries.push({ id: this.#entries.nextId(), input, prompt, route, used: 0 });
    this.#changed();
    return this.#describe(entry);
  }

  list(): Scenario[] {
    return this.#entries.values().map((entry) => this.#describe(entry));
  }

  remove(id: string): boolean {
    const removed = this.#entries.remove(id);
    if (removed) this.#changed();
    return removed;
  }

  clear(): void {
    this.#entries.clear();
    this.#changed();
  }

  hasNamed(name: string): boolean {
    return this.#entries.values().some((e) => e.input.name === name);
  }

  /** The plan of the named scenario, whatever it matches; each use counts against its `times`. */
  takeNamed(name: string): Partial<TaskPlan> | undefined {
    const entry = this.#entries.values().find((e) => e.input.name === name);
    return entry && this.#use(entry);
  }

  /** The plan of the first scenario matching this create, using it up by one. */
  take(origin: CreateOrigin): Partial<TaskPlan> | undefined {
    const entry = this.#entries.values().find((e) => this.#matches(e, origin));
    return entry && this.#use(entry);
  }

  #matches({ input: { match }, prompt, route }: Entry, origin: CreateOrigin): boolean {
    return (
      (match.profile === undefined || match.profile === origin.profile) &&
      (route === null || route.test(origin.path)) &&
      (prompt === null || prompt.test(origin.prompt))
    );
  }

  #use(entry: Entry): Partial<TaskPlan> {
    entry.used += 1;
    if (entry.input.times !== undefined && entry.used >= entry.input.times) {
      this.#entries.remove(entry.id);
    }
    this.#changed();
    return entry.input.plan;
  }

  #describe(entry: Entry): Scenario {
    const { times } = entry.input;
    return {
      id: entry.id,
      ...entry.input,
      used: entry.used,
      remaining: times === undefined ? null : times - entry.used,
    };
  }
}
