import { IdList } from './idList.js';
import type { Random } from './random.js';
import { routePattern } from './routePattern.js';

export interface FaultMatch {
  readonly profile?: string | undefined;
  /** A route pattern, `:name` standing for one path segment: `/luma/generations/:id`. */
  readonly route?: string | undefined;
  readonly method?: string | undefined;
}

/** What goes wrong: an error status, added latency, a dropped connection, or no answer at all. */
export interface FaultEffect {
  readonly status?: number | undefined;
  readonly message?: string | undefined;
  /** Seconds, sent as `Retry-After` (429 gets 1 unless told otherwise). */
  readonly retryAfter?: number | undefined;
  /** Wall milliseconds added before the answer, fixed or drawn within a range. */
  readonly latencyMs?: number | { readonly min: number; readonly max: number } | undefined;
  readonly drop?: boolean | undefined;
  readonly hang?: boolean | undefined;
}

export interface FaultInput extends FaultEffect {
  readonly match: FaultMatch;
  /** How many matching requests it hits; undefined: all of them until removed. */
  readonly times?: number | undefined;
  /** 0–1: the share of matching requests it hits, drawn from the seeded generator. */
  readonly rate?: number | undefined;
}

export interface Fault extends FaultInput {
  readonly id: string;
  readonly hits: number;
}

interface Entry {
  readonly id: string;
  readonly input: FaultInput;
  readonly route: RegExp | null;
  hits: number;
}

/** Faults waiting to hit vendor requests, first added first. */
export class FaultBook {
  readonly #entries = new IdList<Entry>('flt');

  add(input: FaultInput): Fault {
    const route = input.match.route === undefined ? null : routePattern(input.match.route);
    return this.#describe(
      this.#entries.push({ id: this.#entries.nextId(), input, route, hits: 0 }),
    );
  }

  list(): Fault[] {
    return this.#entries.values().map((entry) => this.#describe(entry));
  }

  remove(id: string): boolean {
    return this.#entries.remove(id);
  }

  clear(): void {
    this.#entries.clear();
  }

  get size(): number {
    return this.#entries.values().length;
  }

  /** The fault that hits this request, if any; a fault with `rate` draws once per match. */
  hit(profile: string, method: string, path: string, random: Random): Fault | undefined {
    for (const entry of this.#entries.values()) {
      const { match, rate, times } = entry.input;
      if (match.profile !== undefined && match.profile !== profile) continue;
      if (match.method !== undefined && match.method !== method) continue;
      if (entry.route && !entry.route.test(path)) continue;
      if (rate !== undefined && !random.chance(rate)) continue;
      entry.hits += 1;
      const fault = this.#describe(entry);
      if (times !== undefined && entry.hits >= times) this.remove(entry.id);
      return fault;
    }
    return undefined;
  }

  #describe(entry: Entry): Fault {
    return { id: entry.id, ...entry.input, hits: entry.hits };
  }
}
