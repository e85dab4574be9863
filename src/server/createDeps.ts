import { Control } from '../admin/control.js';
import { scenarioToConfig } from '../admin/wire.js';
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
import { loadDataDir } from '../persistence/dataDir.js';
import { persist } from '../persistence/persist.js';
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
  /** Writes the data directory, when there is one; `close()` takes a last snapshot. */
  readonly persistence: { close(): void } | undefined;
}

/** Another seed for each opening of a data directory, so that new ids never repeat old ones. */
function mixSeed(seed: number, epoch: number): number {
  return epoch <= 1 ? seed : (Math.imul(seed ^ epoch, 0x9e3779b1) >>> 0) % 2 ** 31;
}

/** Builds a mock instance's parts, with the configured scenarios and faults in force. */
export function createDeps(options: MockOptions): MockDeps {
  const saved =
    options.dataDir === undefined ? undefined : loadDataDir(options.dataDir, options.log);
  // A saved clock goes on from its reading: frozen in manual mode, by the time away in real mode.
  const away =
    saved?.clock && options.clock.mode === 'real'
      ? (Date.now() - saved.clock.wall) * options.clock.speed
      : 0;
  const clock = new Clock({
    mode: options.clock.mode,
    speed: options.clock.speed,
    startAt: saved?.clock ? saved.clock.now + away : options.clock.startAt,
  });
  const random = new Random(mixSeed(options.seed, saved?.epoch ?? 0));
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
    persistence: undefined,
  };
  const control = new Control(deps, options);
  for (const { task, aliases } of saved?.tasks ?? []) {
    store.add(task, aliases);
    // Callbacks of transitions still ahead; those behind were sent before the restart.
    deps.callbacks.watch(task, clock.now());
  }
  control.applyConfigured(saved?.scenarios ?? undefined);
  if (!options.dataDir || !saved) return deps;
  const persistence = persist(options.dataDir, saved.epoch, deps, scenarioToConfig);
  return { ...deps, persistence };
}
