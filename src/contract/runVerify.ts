import type { SchemaRegistry } from '../validation/schemas.js';
import { type Finding, findingOf, shown } from './findings.js';
import { LifecycleLaws } from './lifecycleLaws.js';
import { PROFILE_CONTRACTS, type ProfileContract, type RouteCheck } from './profileContracts.js';

export interface VerifyOptions {
  readonly profile: string;
  /** The vendor's base URL, e.g. `https://yunwu.ai` (or a mock's `http://127.0.0.1:4010/yunwu`). */
  readonly baseUrl: string;
  readonly token: string;
  readonly taskIds: readonly string[];
  /** Create one task (spending credits) and follow it to the end. */
  readonly create: boolean;
  readonly timeoutMs: number;
  readonly intervalMs: number;
}

/** The outside world, injected: tests drive a mock's clock through `sleep`. */
export interface VerifyIO {
  readonly fetch: typeof fetch;
  readonly sleep: (ms: number) => Promise<void> | void;
  readonly now: () => number;
  readonly progress: (line: string) => void;
}

/** One call and what came of it. */
export interface Check {
  readonly route: string;
  readonly method: string;
  readonly path: string;
  readonly task?: string | undefined;
  readonly status: number;
  readonly durationMs: number;
  readonly findings: Finding[];
}

export interface VerifyReport {
  readonly profile: string;
  readonly baseUrl: string;
  readonly checks: Check[];
  readonly errors: number;
  readonly warnings: number;
}

/** The vendor could not be reached, or answered something that is not HTTP. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
}

const terminal = (phase: string) => phase === 'completed' || phase === 'failed';

/**
 * Checks a vendor against the contract: the profile's query routes for the given tasks, and
 * with `create`, one new task polled to its end. Status, content type and every body against
 * the schemas; across polls, the lifecycle laws.
 */
export async function runVerify(
  options: VerifyOptions,
  schemas: SchemaRegistry,
  io: VerifyIO,
): Promise<VerifyReport> {
  const found = PROFILE_CONTRACTS[options.profile];
  if (!found) throw new RangeError(`unknown profile ${options.profile}`);
  const contract: ProfileContract = found;
  const laws = new LifecycleLaws();
  const checks: Check[] = [];
  const started = io.now();
  const shownStates = new Map<string, string>();
  /** One progress line per change of a task's state or progress. */
  const progress = (id: string, state: string) => {
    if (shownStates.get(id) === state) return;
    shownStates.set(id, state);
    io.progress(`[${Math.round((io.now() - started) / 1000)}s] ${id}: ${state}`);
  };
  const base = options.baseUrl.replace(/\/+$/, '');

  async function call(check: RouteCheck, task?: string): Promise<unknown> {
    const started = io.now();
    let res: Response;
    try {
      res = await io.fetch(`${base}${check.path}`, {
        method: check.method,
        headers: {
          Authorization: `Bearer ${options.token}`,
          Accept: 'application/json',
          ...(check.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(check.body === undefined ? {} : { body: JSON.stringify(check.body) }),
        signal: AbortSignal.timeout(60_000),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      throw new NetworkError(
        `${check.method} ${base}${check.path}: ${cause ?? (error as Error).message}`,
      );
    }
    const text = await res.text();
    const findings: Finding[] = [];
    const finding = (path: string, expected: string, actual: string) =>
      findings.push({ severity: 'error', route: check.route, path, expected, actual, task });
    if (res.status !== check.status) finding('(status)', String(check.status), String(res.status));
    const type = res.headers.get('content-type') ?? '';
    if (!/^application\/json\b/i.test(type))
      finding('(content-type)', 'application/json', shown(type || 'none'));
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      finding('(body)', 'JSON', shown(text.slice(0, 80)));
    }
    if (body !== undefined && res.status === check.status) {
      for (const issue of schemas.validate(
        `https://luma-mock.local/schemas/${check.schema}`,
        body,
      )) {
        findings.push(findingOf(check.route, issue, body, task));
      }
    }
    checks.push({
      route: check.route,
      method: check.method,
      path: check.path,
      task,
      status: res.status,
      durationMs: io.now() - started,
      findings,
    });
    return res.status === check.status ? body : undefined;
  }

  /** Reads the tasks through every query route, applying the laws; answers whether all have ended. */
  async function poll(ids: readonly string[]): Promise<boolean> {
    let ended = true;
    for (const id of ids) {
      const body = await call(contract.single(id), id);
      if (body === undefined) continue;
      const seen = contract.observe(body);
      checks.at(-1)?.findings.push(...laws.observe(contract.single(id).route, id, seen));
      if (!terminal(seen.phase)) ended = false;
      progress(id, `${seen.phase}${seen.progress === null ? '' : ` ${seen.progress}%`}`);
    }
    if (contract.batch && ids.length > 0) {
      const check = contract.batch(ids);
      const body = await call(check);
      for (const [id, seen] of body === undefined ? [] : (contract.observeBatch?.(body) ?? [])) {
        checks.at(-1)?.findings.push(...laws.observe(check.route, id, seen));
      }
    }
    return ended;
  }

  if (options.taskIds.length > 0) await poll(options.taskIds);

  if (options.create) {
    const created = await call(contract.create);
    const id = created === undefined ? undefined : contract.create.idOf(created);
    if (id !== undefined) {
      const deadline = io.now() + options.timeoutMs;
      let ended = false;
      while (!ended && io.now() < deadline) {
        ended = await poll([id]);
        if (!ended) await io.sleep(options.intervalMs);
      }
      if (!ended) {
        checks.at(-1)?.findings.push({
          severity: 'warning',
          route: contract.single(id).route,
          path: '(lifecycle)',
          expected: `a terminal state within ${Math.round(options.timeoutMs / 1000)} s`,
          actual: 'still running',
          task: id,
        });
      }
    }
  }

  const all = checks.flatMap((check) => check.findings);
  return {
    profile: options.profile,
    baseUrl: base,
    checks,
    errors: all.filter((f) => f.severity === 'error').length,
    warnings: all.filter((f) => f.severity === 'warning').length,
  };
}
