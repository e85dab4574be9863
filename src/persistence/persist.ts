import type { ScenarioWire } from '../admin/wire.js';
import type { Clock } from '../core/clock.js';
import type { TaskEngine } from '../core/engine.js';
import type { ScenarioBook } from '../core/scenarios.js';
import type { TaskStore } from '../core/store.js';
import { DataDirWriter, type SavedState } from './dataDir.js';

export interface Persisted {
  readonly clock: Clock;
  readonly engine: TaskEngine;
  readonly store: TaskStore;
  readonly scenarios: ScenarioBook;
}

/** The scenarios as a config file would list them, each with the uses it has left. */
function scenarioList(
  book: ScenarioBook,
  toWire: (s: ReturnType<ScenarioBook['list']>[number]) => ScenarioWire,
) {
  return book.list().map(toWire);
}

/**
 * Writes every change of tasks, scenarios and clock to the data directory as it happens, and
 * a fresh snapshot now and at `close()`.
 */
export function persist(
  dir: string,
  epoch: number,
  parts: Persisted,
  toWire: (s: ReturnType<ScenarioBook['list']>[number]) => ScenarioWire,
) {
  const writer = new DataDirWriter(dir);
  const state = (): SavedState => ({
    epoch,
    clock: { now: parts.clock.now(), wall: Date.now() },
    tasks: [...parts.store.entries()],
    scenarios: scenarioList(parts.scenarios, toWire),
  });
  writer.compact(state());
  const stops = [
    parts.engine.on('created', (task, aliases) => writer.append({ t: 'task', task, aliases })),
    parts.engine.on('deleted', (task) =>
      writer.append({ t: 'delete', profile: task.profile, id: task.id }),
    ),
    parts.engine.on('cleared', () => writer.append({ t: 'clear' })),
    parts.scenarios.onChange(() =>
      writer.append({ t: 'scenarios', list: scenarioList(parts.scenarios, toWire) }),
    ),
    parts.clock.onChange(() =>
      writer.append({ t: 'clock', now: parts.clock.now(), wall: Date.now() }),
    ),
  ];
  let closed = false;
  return {
    /** Stops writing, after one last snapshot. Safe to call twice. */
    close(): void {
      if (closed) return;
      closed = true;
      for (const stop of stops) stop();
      writer.compact(state());
    },
  };
}
