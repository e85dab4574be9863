import type { Delivery } from '../callbacks/callbackDispatcher.js';
import { MockError } from '../core/errors.js';
import { type AspectRatio, DEFAULT_ASPECT_RATIO } from '../core/media.js';
import type { Task } from '../core/task.js';
import type { MockOptions } from '../options.js';
import { PROFILES } from '../profiles/profiles.js';
import type { MockDeps } from '../server/createDeps.js';
import type { JournalEntry, JournalFilter, PollReport } from '../server/journal.js';
import { assertValid } from '../validation/schemas.js';
import {
  type FaultWire,
  faultFromWire,
  faultToWire,
  planFromWire,
  planToWire,
  type ScenarioWire,
  scenarioFromWire,
  scenarioToWire,
} from './wire.js';

export interface TaskSeedWire extends Omit<ScenarioWire, 'name' | 'route' | 'prompt' | 'times'> {
  profile: string;
  id?: string;
  prompt?: string;
  aspect_ratio?: AspectRatio;
  callback_url?: string;
  elapsed_ms?: number;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * Everything a test can do to a mock, in the admin API's own words. The `/__admin` routes
 * and the in-process `createLumaMock` both call this, so the two can never drift apart.
 */
export class Control {
  readonly #deps: MockDeps;
  readonly #options: MockOptions;

  constructor(deps: MockDeps, options: MockOptions) {
    this.#deps = deps;
    this.#options = options;
  }

  // --- clock

  clock() {
    const { now, ...rest } = this.#deps.clock.snapshot();
    return { now: iso(now) as string, ...rest };
  }

  advance(ms: number) {
    assertValid(this.#deps.schemas, 'admin/clock-advance-request.json', { ms });
    return { now: iso(this.#deps.clock.advance(ms)) as string };
  }

  setClock(now: string) {
    assertValid(this.#deps.schemas, 'admin/clock-request.json#/definitions/set', { now });
    this.#deps.clock.set(Date.parse(now));
    return this.clock();
  }

  freeze() {
    this.#deps.clock.freeze();
    return this.clock();
  }

  resume() {
    this.#deps.clock.resume();
    return this.clock();
  }

  setSpeed(speed: number) {
    assertValid(this.#deps.schemas, 'admin/clock-request.json#/definitions/speed', { speed });
    this.#deps.clock.setSpeed(speed);
    return this.clock();
  }

  // --- scenarios

  addScenario(wire: ScenarioWire) {
    const input = scenarioFromWire(assertValid(this.#deps.schemas, 'admin/scenario.json', wire));
    try {
      return scenarioToWire(this.#deps.scenarios.add(input));
    } catch (error) {
      throw new MockError('bad_request', (error as Error).message);
    }
  }

  scenarios() {
    return this.#deps.scenarios.list().map(scenarioToWire);
  }

  removeScenario(id: string): void {
    if (!this.#deps.scenarios.remove(id))
      throw new MockError('not_found', `scenario ${id} not found`);
  }

  clearScenarios(): void {
    this.#deps.scenarios.clear();
  }

  // --- faults

  addFault(wire: FaultWire) {
    const input = faultFromWire(assertValid(this.#deps.schemas, 'admin/fault.json', wire));
    return faultToWire(this.#deps.faults.add(input));
  }

  faults() {
    return this.#deps.faults.list().map(faultToWire);
  }

  removeFault(id: string): void {
    if (!this.#deps.faults.remove(id)) throw new MockError('not_found', `fault ${id} not found`);
  }

  clearFaults(): void {
    this.#deps.faults.clear();
  }

  // --- tasks

  describeTask(task: Task, now = this.#deps.clock.now()) {
    const status = this.#deps.engine.status(task, now);
    return {
      profile: task.profile,
      id: task.id,
      state: status.phase,
      progress: status.progress,
      action: task.input.action,
      prompt: task.input.prompt,
      aspect_ratio: task.input.aspectRatio,
      callback_url: task.input.callbackUrl,
      created_at: iso(task.createdAt),
      started_at: iso(status.startedAt),
      ended_at: iso(status.endedAt),
      plan: planToWire(task.plan),
    };
  }

  tasks() {
    const now = this.#deps.clock.now();
    return Array.from(this.#deps.store.all(), (task) => this.describeTask(task, now));
  }

  task(profile: string, id: string) {
    const task = this.#deps.engine.get(profile, id);
    if (!task) throw new MockError('not_found', `task ${id} not found on ${profile}`);
    return this.describeTask(task);
  }

  /** A task made directly, `elapsed_ms` into its life, with the plan given or the defaults. */
  seedTask(wire: TaskSeedWire) {
    const seed = assertValid<TaskSeedWire>(this.#deps.schemas, 'admin/task-seed.json', wire);
    const profile = PROFILES.find((p) => p.name === seed.profile);
    if (!profile) throw new MockError('bad_request', `profile must be one of the profiles`);
    if (seed.id !== undefined && this.#deps.store.has(profile.name, seed.id)) {
      throw new MockError('bad_request', `task ${seed.id} already exists on ${profile.name}`);
    }
    const prompt = seed.prompt ?? '';
    const aspectRatio = seed.aspect_ratio ?? DEFAULT_ASPECT_RATIO;
    const task = this.#deps.engine.create({
      profile: profile.name,
      path: '/__admin/tasks',
      id: seed.id,
      createdAt: this.#deps.clock.now() - (seed.elapsed_ms ?? 0),
      request: { action: 'generate', prompt, aspect_ratio: aspectRatio },
      // Given even when empty: a seeded task takes its plan from here, never from a scenario.
      requested: planFromWire(seed),
      input: {
        action: 'generate',
        prompt,
        aspectRatio,
        seconds: 5,
        loop: false,
        sourceId: null,
        callbackUrl: seed.callback_url ?? null,
      },
      ...profile.taskIds,
    });
    return this.describeTask(task);
  }

  deleteTask(profile: string, id: string): void {
    if (!this.#deps.engine.delete(profile, id)) {
      throw new MockError('not_found', `task ${id} not found on ${profile}`);
    }
  }

  // --- journal and callbacks

  requests(filter: JournalFilter = {}): JournalEntry[] {
    return this.#deps.journal.entries(filter);
  }

  clearRequests(): void {
    this.#deps.journal.clear();
  }

  polls(profile: string, id: string): PollReport {
    return this.#deps.journal.polls(profile, id);
  }

  deliveries(filter: { profile?: string; task?: string } = {}): Delivery[] {
    return this.#deps.callbacks.deliveries(filter);
  }

  /** Back to the state at start: no tasks, requests or deliveries; the configured scenarios and faults. */
  reset(): void {
    this.#deps.engine.clear();
    this.#deps.journal.clear();
    this.#deps.callbacks.clear();
    this.#deps.scenarios.clear();
    this.#deps.faults.clear();
    this.applyConfigured();
  }

  /**
   * Loads the scenarios and faults of the options (the config file), checked like any other;
   * `scenarios` replaces the configured ones (those a data directory kept, with their uses left).
   */
  applyConfigured(scenarios: readonly ScenarioWire[] = this.#options.scenarios): void {
    for (const scenario of scenarios) this.addScenario(scenario);
    for (const fault of this.#options.faults) this.addFault(fault);
  }
}
