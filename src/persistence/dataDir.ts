import {
  appendFileSync,
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import type { ScenarioWire } from '../admin/wire.js';
import type { Task } from '../core/task.js';

/** The clock as saved: its reading, and the wall time of that reading. */
export interface SavedClock {
  readonly now: number;
  readonly wall: number;
}

export interface SavedTask {
  readonly task: Task;
  readonly aliases: readonly string[];
}

/** What a data directory holds: everything a restart must keep. */
export interface SavedState {
  /** How many times the directory has been opened: new ids are drawn from a fresh stream each time. */
  readonly epoch: number;
  readonly clock: SavedClock | null;
  readonly tasks: SavedTask[];
  readonly scenarios: ScenarioWire[] | null;
}

type Event =
  | { t: 'task'; task: Task; aliases: readonly string[] }
  | { t: 'delete'; profile: string; id: string }
  | { t: 'clear' }
  | { t: 'scenarios'; list: ScenarioWire[] }
  | { t: 'clock'; now: number; wall: number };

const SNAPSHOT = 'snapshot.json';
const EVENTS = 'events.jsonl';
const key = (profile: string, id: string) => `${profile}\u0000${id}`;

/** Writes `text` to `path` so that a crash leaves either the old file or the new one, never half. */
function writeAtomically(path: string, text: string): void {
  const temporary = `${path}.tmp`;
  const fd = openSync(temporary, 'w');
  try {
    writeFileSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
}

/**
 * Reads a data directory: the last snapshot, then the events appended after it. A last line
 * cut short by a crash is dropped with a log line; the rest always loads.
 */
export function loadDataDir(dir: string, log: (line: string) => void): SavedState {
  mkdirSync(dir, { recursive: true });
  const snapshotPath = join(dir, SNAPSHOT);
  const saved = existsSync(snapshotPath)
    ? (JSON.parse(readFileSync(snapshotPath, 'utf8')) as SavedState)
    : { epoch: 0, clock: null, tasks: [], scenarios: null };
  const tasks = new Map(saved.tasks.map((t) => [key(t.task.profile, t.task.id), t]));
  let { clock, scenarios } = saved;
  const eventsPath = join(dir, EVENTS);
  const lines = existsSync(eventsPath) ? readFileSync(eventsPath, 'utf8').split('\n') : [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    let event: Event;
    try {
      event = JSON.parse(line) as Event;
    } catch {
      log(
        `data dir: ignoring unreadable event on line ${i + 1} of ${eventsPath} (cut short by a crash?)`,
      );
      return;
    }
    if (event.t === 'task') tasks.set(key(event.task.profile, event.task.id), event);
    else if (event.t === 'delete') tasks.delete(key(event.profile, event.id));
    else if (event.t === 'clear') tasks.clear();
    else if (event.t === 'scenarios') scenarios = event.list;
    else if (event.t === 'clock') clock = { now: event.now, wall: event.wall };
  });
  return { epoch: saved.epoch + 1, clock, tasks: [...tasks.values()], scenarios };
}

/**
 * Keeps a data directory up to date: each change is one appended line (a kill loses at most
 * the line being written), and `compact` folds everything into a new snapshot, atomically.
 */
export class DataDirWriter {
  readonly #dir: string;

  constructor(dir: string) {
    this.#dir = dir;
  }

  append(event: Event): void {
    appendFileSync(join(this.#dir, EVENTS), `${JSON.stringify(event)}\n`);
  }

  compact(state: SavedState): void {
    writeAtomically(join(this.#dir, SNAPSHOT), JSON.stringify(state));
    // Replaying events over a snapshot that already holds them gives the same state, so a
    // crash between these two writes is harmless.
    writeAtomically(join(this.#dir, EVENTS), '');
  }
}
