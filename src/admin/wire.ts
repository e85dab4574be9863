import type { Fault, FaultInput } from '../core/faults.js';
import type { Scenario, ScenarioInput } from '../core/scenarios.js';
import type { TaskPlan } from '../core/task.js';

/** A scenario as the admin API, the `Prefer` header and the config file write it. */
export interface ScenarioWire {
  name?: string;
  profile?: string;
  route?: string;
  prompt?: string;
  outcome?: 'completed' | 'failed';
  failure_reason?: string;
  fail_at_progress?: number;
  queue_ms?: number;
  render_ms?: number;
  stuck?: boolean;
  times?: number;
}

export interface FaultWire {
  profile?: string;
  route?: string;
  method?: string;
  status?: number;
  message?: string;
  retry_after?: number;
  latency_ms?: number | { min: number; max: number };
  drop?: boolean;
  hang?: boolean;
  times?: number;
  rate?: number;
}

function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The plan fields of a scenario. A failure reason or failing progress alone implies a failure. */
export function planFromWire(wire: ScenarioWire): Partial<TaskPlan> {
  const failing = wire.failure_reason !== undefined || wire.fail_at_progress !== undefined;
  return defined({
    outcome: wire.outcome ?? (failing ? 'failed' : undefined),
    failureReason: wire.failure_reason,
    failAtProgress: wire.fail_at_progress,
    queueMs: wire.queue_ms,
    renderMs: wire.render_ms,
    stuck: wire.stuck,
  });
}

export function scenarioFromWire(wire: ScenarioWire): ScenarioInput {
  return {
    name: wire.name,
    match: defined({ profile: wire.profile, route: wire.route, prompt: wire.prompt }),
    plan: planFromWire(wire),
    times: wire.times,
  };
}

export function scenarioToWire(scenario: Scenario) {
  const { plan, match } = scenario;
  return defined({
    id: scenario.id,
    name: scenario.name,
    profile: match.profile,
    route: match.route,
    prompt: match.prompt,
    ...planToWire(plan),
    times: scenario.times,
    used: scenario.used,
    remaining: scenario.remaining,
  });
}

export function faultFromWire(wire: FaultWire): FaultInput {
  return defined({
    match: defined({ profile: wire.profile, route: wire.route, method: wire.method }),
    status: wire.status,
    message: wire.message,
    retryAfter: wire.retry_after,
    latencyMs: wire.latency_ms,
    drop: wire.drop,
    hang: wire.hang,
    times: wire.times,
    rate: wire.rate,
  });
}

export function faultToWire(fault: Fault) {
  return defined({
    id: fault.id,
    profile: fault.match.profile,
    route: fault.match.route,
    method: fault.match.method,
    status: fault.status,
    message: fault.message,
    retry_after: fault.retryAfter,
    latency_ms: fault.latencyMs,
    drop: fault.drop,
    hang: fault.hang,
    times: fault.times,
    rate: fault.rate,
    hits: fault.hits,
  });
}

/** A plan, or the part of one a scenario sets, in the admin API's fields. */
export function planToWire<P extends Partial<TaskPlan>>(plan: P) {
  return {
    outcome: plan.outcome,
    failure_reason: plan.failureReason,
    fail_at_progress: plan.failAtProgress,
    queue_ms: plan.queueMs,
    render_ms: plan.renderMs,
    stuck: plan.stuck,
  };
}

/** A scenario as the config file and the data directory keep it: its uses left as `times`. */
export function scenarioToConfig(scenario: Scenario): ScenarioWire {
  const { id: _id, used: _used, remaining, ...wire } = scenarioToWire(scenario);
  return defined({ ...wire, times: remaining ?? undefined }) as ScenarioWire;
}
