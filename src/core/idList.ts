/** Entries with ids handed out in order (`prefix_1`, `prefix_2`, …), kept first-added first. */
export class IdList<E extends { readonly id: string }> {
  readonly #entries: E[] = [];
  readonly #prefix: string;
  #next = 1;

  constructor(prefix: string) {
    this.#prefix = prefix;
  }

  nextId(): string {
    return `${this.#prefix}_${this.#next++}`;
  }

  push(entry: E): E {
    this.#entries.push(entry);
    return entry;
  }

  values(): readonly E[] {
    return this.#entries;
  }

  remove(id: string): boolean {
    const index = this.#entries.findIndex((entry) => entry.id === id);
    if (index >= 0) this.#entries.splice(index, 1);
    return index >= 0;
  }

  clear(): void {
    this.#entries.length = 0;
  }
}
