import type { ClockMode } from './core/clock.js';
import type { TaskPlan } from './core/task.js';

/** Everything a mock instance is configured with, defaults applied (see `resolveOptions`). */
export interface MockOptions {
  /** Seeds the instance's generator: the same seed and requests give the same ids and URLs. */
  readonly seed: number;
  readonly clock: {
    readonly mode: ClockMode;
    /** Clock ms per wall ms while the clock runs. */
    readonly speed: number;
    /** Clock time (epoch ms) at start; the wall time when undefined. */
    readonly startAt: number | undefined;
  };
  /** Accepted bearer tokens; null accepts any non-empty token. */
  readonly tokens: readonly string[] | null;
  /** Largest request body, in bytes or a unit string such as `10mb`. */
  readonly bodyLimit: string;
  /** The plan a new task gets unless something says otherwise. */
  readonly plan: TaskPlan;
  /** Where the server writes its few log lines. */
  readonly log: (line: string) => void;
}

export interface MockOptionsInput {
  seed?: number;
  clock?: Partial<MockOptions['clock']>;
  tokens?: readonly string[] | null;
  bodyLimit?: string;
  plan?: Partial<TaskPlan>;
  log?: (line: string) => void;
}

export const DEFAULT_PLAN: TaskPlan = {
  queueMs: 10_000,
  renderMs: 120_000,
  outcome: 'completed',
  failureReason: 'The generation failed.',
  failAtProgress: 60,
  stuck: false,
};

function check(ok: boolean, field: string, rule: string): void {
  if (!ok) throw new RangeError(`option ${field} ${rule}`);
}

const isDuration = (n: number) => Number.isFinite(n) && n >= 0;

/** Fills in every default once, and refuses values the mock cannot run with. */
export function resolveOptions(input: MockOptionsInput = {}): MockOptions {
  const plan: TaskPlan = { ...DEFAULT_PLAN, ...input.plan };
  const options: MockOptions = {
    seed: input.seed ?? 1,
    clock: {
      mode: input.clock?.mode ?? 'real',
      speed: input.clock?.speed ?? 1,
      startAt: input.clock?.startAt,
    },
    tokens: input.tokens && input.tokens.length > 0 ? [...input.tokens] : null,
    bodyLimit: input.bodyLimit ?? '10mb',
    plan,
    log: input.log ?? ((line) => console.error(line)),
  };
  check(Number.isSafeInteger(options.seed), 'seed', 'must be an integer');
  check(['real', 'manual'].includes(options.clock.mode), 'clock', 'must be real or manual');
  check(
    Number.isFinite(options.clock.speed) && options.clock.speed > 0,
    'speed',
    'must be a number > 0',
  );
  check(
    options.clock.startAt === undefined || Number.isFinite(options.clock.startAt),
    'start',
    'must be a valid time',
  );
  check(isDuration(plan.queueMs), 'plan.queueMs', 'must be a number >= 0');
  check(isDuration(plan.renderMs), 'plan.renderMs', 'must be a number >= 0');
  check(
    plan.failAtProgress >= 0 && plan.failAtProgress <= 100,
    'plan.failAtProgress',
    'must be 0 to 100',
  );
  check(
    options.tokens?.every((token) => token.trim() !== '') ?? true,
    'tokens',
    'must not be empty',
  );
  return options;
}
