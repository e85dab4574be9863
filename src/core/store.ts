import type { Task } from './task.js';

interface Namespace {
  readonly tasks: Map<string, Task>;
  /** Other names a task answers to within its profile (AceData's video_id). */
  readonly aliases: Map<string, string>;
  seq: number;
}

/** In-memory tasks, one namespace per profile, as the real vendors keep them apart. */
export class TaskStore {
  readonly #spaces = new Map<string, Namespace>();

  #space(profile: string): Namespace {
    let space = this.#spaces.get(profile);
    if (!space) {
      space = { tasks: new Map(), aliases: new Map(), seq: 0 };
      this.#spaces.set(profile, space);
    }
    return space;
  }

  nextSeq(profile: string): number {
    const space = this.#space(profile);
    space.seq += 1;
    return space.seq;
  }

  has(profile: string, id: string): boolean {
    return this.#spaces.get(profile)?.tasks.has(id) ?? false;
  }

  add(task: Task, aliases: readonly string[] = []): void {
    const space = this.#space(task.profile);
    space.tasks.set(task.id, task);
    // A restored task keeps its number; new ones count on from the highest.
    space.seq = Math.max(space.seq, task.seq);
    for (const alias of aliases) space.aliases.set(alias, task.id);
  }

  /** Removes the task and its aliases; answers what was removed. */
  delete(profile: string, id: string): Task | undefined {
    const space = this.#spaces.get(profile);
    const task = space?.tasks.get(id);
    if (!space || !task) return undefined;
    space.tasks.delete(id);
    for (const [alias, target] of space.aliases) if (target === id) space.aliases.delete(alias);
    return task;
  }

  get(profile: string, id: string): Task | undefined {
    return this.#spaces.get(profile)?.tasks.get(id);
  }

  byAlias(profile: string, alias: string): Task | undefined {
    const space = this.#spaces.get(profile);
    const id = space?.aliases.get(alias);
    return id === undefined ? undefined : space?.tasks.get(id);
  }

  /** One profile's tasks, oldest first. */
  list(profile: string): Task[] {
    return [...(this.#spaces.get(profile)?.tasks.values() ?? [])];
  }

  /** Every task with the aliases it answers to, oldest first within each profile. */
  *entries(): IterableIterator<{ task: Task; aliases: string[] }> {
    for (const space of this.#spaces.values()) {
      const aliasesOf = new Map<string, string[]>();
      for (const [alias, id] of space.aliases)
        aliasesOf.set(id, [...(aliasesOf.get(id) ?? []), alias]);
      for (const task of space.tasks.values())
        yield { task, aliases: aliasesOf.get(task.id) ?? [] };
    }
  }

  /** Every task, oldest first within each profile. */
  *all(): IterableIterator<Task> {
    for (const space of this.#spaces.values()) yield* space.tasks.values();
  }

  get size(): number {
    let n = 0;
    for (const space of this.#spaces.values()) n += space.tasks.size;
    return n;
  }
}
