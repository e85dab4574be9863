import type { FaultWire, ScenarioWire } from './admin/wire.js';
import type { DeliveryPolicy } from './callbacks/callbackDispatcher.js';
import type { ClockMode } from './core/clock.js';
import type { PlanDefaults } from './core/planner.js';
import type { Exchange } from './proxy/exchange.js';

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
  /** The plan a new task gets unless a scenario or the request says otherwise. */
  readonly plan: PlanDefaults;
  /** Scenarios and faults in force from the start, and again after every reset. */
  readonly scenarios: readonly ScenarioWire[];
  readonly faults: readonly FaultWire[];
  /** How many requests the journal keeps, oldest dropped first. */
  readonly journalLimit: number;
  /** How many tasks the store keeps; past it the oldest ended task is forgotten. */
  readonly maxTasks: number;
  readonly callbacks: DeliveryPolicy;
  /** Profiles forwarded to the live vendor (profile → base URL), each answer checked on the way. */
  readonly proxy: Readonly<Record<string, string>>;
  /** Where proxied exchanges are recorded, if anywhere. */
  readonly recordDir: string | undefined;
  /** Recorded exchanges to serve instead of the mock, for the profiles they cover. */
  readonly replay: readonly Exchange[];
  /** Keeps tasks, scenarios and the clock across restarts, when set. */
  readonly dataDir: string | undefined;
  /** When set, the admin API answers only `Authorization: Bearer <adminToken>`. */
  readonly adminToken: string | undefined;
  /** Where the server writes its few log lines. */
  readonly log: (line: string) => void;
}

export interface MockOptionsInput {
  seed?: number;
  clock?: Partial<MockOptions['clock']>;
  tokens?: readonly string[] | null;
  bodyLimit?: string;
  plan?: Partial<PlanDefaults>;
  scenarios?: readonly ScenarioWire[];
  faults?: readonly FaultWire[];
  journalLimit?: number;
  maxTasks?: number;
  callbacks?: Partial<DeliveryPolicy>;
  proxy?: Readonly<Record<string, string>>;
  recordDir?: string | undefined;
  replay?: readonly Exchange[];
  dataDir?: string | undefined;
  adminToken?: string | undefined;
  log?: (line: string) => void;
}

export const DEFAULT_PLAN: PlanDefaults = {
  queueMs: 10_000,
  renderMs: 120_000,
  outcome: 'completed',
  failureReason: 'The generation failed.',
  failAtProgress: 60,
  stuck: false,
  jitter: 0,
  failRate: 0,
};

function check(ok: boolean, field: string, rule: string): void {
  if (!ok) throw new RangeError(`option ${field} ${rule}`);
}

const isDuration = (n: number) => Number.isFinite(n) && n >= 0;

/** Fills in every default once, and refuses values the mock cannot run with. */
export function resolveOptions(input: MockOptionsInput = {}): MockOptions {
  const plan: PlanDefaults = { ...DEFAULT_PLAN, ...input.plan };
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
    scenarios: input.scenarios ?? [],
    faults: input.faults ?? [],
    journalLimit: input.journalLimit ?? 10_000,
    maxTasks: input.maxTasks ?? 1_000_000,
    // Luma's changelog: retried 3 times 100 ms apart, each with a 5 s timeout.
    callbacks: { retries: 3, retryDelayMs: 100, timeoutMs: 5_000, keep: 1_000, ...input.callbacks },
    proxy: { ...input.proxy },
    recordDir: input.recordDir,
    replay: input.replay ?? [],
    dataDir: input.dataDir,
    adminToken: input.adminToken,
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
  check(plan.jitter >= 0 && plan.jitter <= 1, 'jitter', 'must be 0 to 1');
  check(plan.failRate >= 0 && plan.failRate <= 1, 'failRate', 'must be 0 to 1');
  check(
    Number.isInteger(options.maxTasks) && options.maxTasks >= 1,
    'maxTasks',
    'must be a whole number >= 1',
  );
  check(
    Number.isInteger(options.journalLimit) && options.journalLimit >= 0,
    'journalLimit',
    'must be a whole number >= 0',
  );
  for (const [profile, url] of Object.entries(options.proxy)) {
    check(/^https?:\/\/[^/]/.test(url), `proxy ${profile}`, 'must be an http(s) URL');
  }
  check(
    options.tokens?.every((token) => token.trim() !== '') ?? true,
    'tokens',
    'must not be empty',
  );
  return options;
}
