import { Control } from '../admin/control.js';
import { CallbackDispatcher } from '../callbacks/callbackDispatcher.js';
import { postJson } from '../callbacks/postJson.js';
import { Clock } from '../core/clock.js';
import { TaskEngine } from '../core/engine.js';
import { FaultBook } from '../core/faults.js';
import { Planner } from '../core/planner.js';
import { Random } from '../core/random.js';
import { ScenarioBook } from '../core/scenarios.js';
import { Scheduler } from '../core/scheduler.js';
import { TaskStore } from '../core/store.js';
import type { MockOptions } from '../options.js';
import { PROFILES } from '../profiles/profiles.js';
import { loadSchemas, type SchemaRegistry } from '../validation/schemas.js';
import { Journal } from './journal.js';

/** The parts of one mock instance; `createApp` serves them, the admin API and tests reach in. */
export interface MockDeps {
  readonly clock: Clock;
  readonly random: Random;
  readonly store: TaskStore;
  readonly engine: TaskEngine;
  readonly scheduler: Scheduler;
  readonly scenarios: ScenarioBook;
  readonly faults: FaultBook;
  readonly journal: Journal;
  readonly callbacks: CallbackDispatcher;
  readonly schemas: SchemaRegistry;
}

/** Builds a mock instance's parts, with the configured scenarios and faults in force. */
export function createDeps(options: MockOptions): MockDeps {
  const clock = new Clock({
    mode: options.clock.mode,
    speed: options.clock.speed,
    startAt: options.clock.startAt,
  });
  const random = new Random(options.seed);
  const store = new TaskStore();
  const scenarios = new ScenarioBook();
  const planner = new Planner(random, options.plan, scenarios);
  const engine = new TaskEngine(clock, random, store, planner, {
    maxTasks: options.maxTasks,
    log: options.log,
  });
  const scheduler = new Scheduler(clock);
  const specs = new Map(PROFILES.map((profile) => [profile.name, profile.callbacks]));
  const deps: MockDeps = {
    clock,
    random,
    store,
    engine,
    scheduler,
    scenarios,
    faults: new FaultBook(),
    journal: new Journal(options.journalLimit),
    callbacks: new CallbackDispatcher(
      engine,
      scheduler,
      (profile) => specs.get(profile),
      options.callbacks,
      postJson,
    ),
    schemas: loadSchemas(),
  };
  new Control(deps, options).applyConfigured();
  return deps;
}
