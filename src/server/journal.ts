/** One vendor request as the journal keeps it. */
export interface JournalEntry {
  readonly seq: number;
  readonly profile: string;
  readonly method: string;
  readonly path: string;
  readonly query: Record<string, unknown>;
  /** 0 when the connection was dropped or never answered. */
  readonly status: number;
  readonly clock_time: string;
  readonly wall_time: string;
  readonly duration_ms: number;
  readonly headers: Record<string, string>;
  readonly body: unknown;
  /** Tasks the request read or made. */
  readonly tasks: readonly string[];
  /** The task it made, for a create. */
  readonly created: string | null;
  /** The injected fault that hit it. */
  readonly fault: string | null;
}

export interface JournalFilter {
  profile?: string | undefined;
  path?: string | undefined;
  method?: string | undefined;
  task?: string | undefined;
}

export interface PollReport {
  profile: string;
  task: string;
  polls: number;
  first_poll: string | null;
  last_poll: string | null;
  /** Shortest gap between two polls on the mock's clock, null with fewer than two. */
  min_interval_ms: number | null;
  /** Shortest gap between two polls on the wall clock. */
  min_wall_interval_ms: number | null;
  intervals_ms: number[];
}

const SECRET_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'x-api-key',
  'api-key',
]);

const SECRET_QUERY = /token|key|secret|password|auth/i;

/** Query parameters as they may be shown: anything named like a credential replaced. */
export function redactQuery(query: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(query).map(([name, value]) => [
      name,
      SECRET_QUERY.test(name) ? '[redacted]' : value,
    ]),
  );
}

/** Header values as they may be shown: credentials replaced, never stored. */
export function redactHeaders(headers: Record<string, string | string[] | undefined>) {
  const shown: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    shown[name] = SECRET_HEADERS.has(name)
      ? '[redacted]'
      : Array.isArray(value)
        ? value.join(', ')
        : value;
  }
  return shown;
}

/**
 * A request as recorded on the hot path: references and numbers only. Formatting, redaction
 * and query parsing wait until someone reads the journal.
 */
export interface RawEntry {
  readonly profile: string;
  readonly method: string;
  readonly path: string;
  /** The request URL under the profile, query string included. */
  readonly url: string;
  readonly status: number;
  readonly clock: number;
  readonly wall: number;
  readonly durationMs: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: unknown;
  readonly tasks: readonly string[];
  readonly created: string | null;
  readonly fault: string | null;
}

function shown(seq: number, raw: RawEntry): JournalEntry {
  const query = Object.fromEntries(new URLSearchParams(raw.url.split('?')[1] ?? ''));
  return {
    seq,
    profile: raw.profile,
    method: raw.method,
    path: raw.path,
    query: redactQuery(query),
    status: raw.status,
    clock_time: new Date(raw.clock).toISOString(),
    wall_time: new Date(raw.wall).toISOString(),
    duration_ms: raw.durationMs,
    headers: redactHeaders(raw.headers),
    body: raw.body,
    tasks: raw.tasks,
    created: raw.created,
    fault: raw.fault,
  };
}

/**
 * Every vendor request, newest last, in a ring of fixed size: recording costs O(1) and the
 * oldest entries go first when it is full.
 */
export class Journal {
  readonly #ring: (RawEntry | undefined)[];
  readonly #seqs: number[];
  #next = 0;
  #seq = 0;

  constructor(readonly limit: number) {
    this.#ring = new Array(limit);
    this.#seqs = new Array(limit);
  }

  record(entry: RawEntry): void {
    if (this.limit === 0) return;
    this.#seq += 1;
    this.#ring[this.#next] = entry;
    this.#seqs[this.#next] = this.#seq;
    this.#next = (this.#next + 1) % this.limit;
  }

  /** Oldest first. */
  entries(filter: JournalFilter = {}): JournalEntry[] {
    const out: JournalEntry[] = [];
    const method = filter.method?.toUpperCase();
    for (let i = 0; i < this.limit; i++) {
      const at = (this.#next + i) % this.limit;
      const entry = this.#ring[at];
      if (!entry) continue;
      if (filter.profile !== undefined && entry.profile !== filter.profile) continue;
      if (method !== undefined && entry.method !== method) continue;
      if (filter.path !== undefined && !entry.path.includes(filter.path)) continue;
      if (filter.task !== undefined && !entry.tasks.includes(filter.task)) continue;
      out.push(shown(this.#seqs[at] as number, entry));
    }
    return out;
  }

  clear(): void {
    this.#ring.fill(undefined);
    this.#next = 0;
  }

  /** How a client polled a task: every request that read it, not the one that made it. */
  polls(profile: string, task: string): PollReport {
    const polls = this.entries({ profile, task }).filter((entry) => entry.created !== task);
    const gaps = (times: number[]) => times.slice(1).map((t, i) => t - (times[i] as number));
    const clock = gaps(polls.map((p) => Date.parse(p.clock_time)));
    const wall = gaps(polls.map((p) => Date.parse(p.wall_time)));
    return {
      profile,
      task,
      polls: polls.length,
      first_poll: polls[0]?.clock_time ?? null,
      last_poll: polls.at(-1)?.clock_time ?? null,
      min_interval_ms: clock.length > 0 ? Math.min(...clock) : null,
      min_wall_interval_ms: wall.length > 0 ? Math.min(...wall) : null,
      intervals_ms: clock,
    };
  }
}
