import { Clock } from '../core/clock.js';
import { TaskEngine } from '../core/engine.js';
import { Random } from '../core/random.js';
import { Scheduler } from '../core/scheduler.js';
import { TaskStore } from '../core/store.js';
import type { MockOptions } from '../options.js';
import { loadSchemas, type SchemaRegistry } from '../validation/schemas.js';

/** The parts of one mock instance; `createApp` serves them, tests and the admin API reach in. */
export interface MockDeps {
  readonly clock: Clock;
  readonly random: Random;
  readonly store: TaskStore;
  readonly engine: TaskEngine;
  readonly scheduler: Scheduler;
  readonly schemas: SchemaRegistry;
}

export function createDeps(options: MockOptions): MockDeps {
  const clock = new Clock({
    mode: options.clock.mode,
    speed: options.clock.speed,
    startAt: options.clock.startAt,
  });
  const random = new Random(options.seed);
  const store = new TaskStore();
  return {
    clock,
    random,
    store,
    engine: new TaskEngine(clock, random, store, options.plan),
    scheduler: new Scheduler(clock),
    schemas: loadSchemas(),
  };
}
