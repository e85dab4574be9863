import type { Express } from 'express';
import { Control } from './admin/control.js';
import { type MockOptions, type MockOptionsInput, resolveOptions } from './options.js';
import { createApp } from './server/createApp.js';
import { createDeps, type MockDeps } from './server/createDeps.js';
import { listen, type RunningServer } from './server/listen.js';

export interface LumaMock {
  readonly options: MockOptions;
  readonly deps: MockDeps;
  /** The Express app, for supertest without a port. */
  readonly app: Express;
  /** The base URL once listening, e.g. `http://127.0.0.1:53211`. */
  readonly url: string | undefined;
  /** Serves the mock; port 0 (the default) picks a free one. */
  listen(port?: number, host?: string): Promise<{ url: string }>;
  /**
   * Stops serving (requests in flight get up to `graceMs` to finish), stops every timer and
   * takes a last snapshot of the data directory; safe to call twice.
   */
  close(options?: { graceMs?: number }): Promise<void>;
  /** No tasks, requests or deliveries; the configured scenarios and faults again. */
  reset(): void;
  readonly clock: Pick<Control, 'advance' | 'freeze' | 'resume' | 'setSpeed'> & {
    now(): string;
    set(now: string): ReturnType<Control['setClock']>;
  };
  readonly scenarios: {
    add: Control['addScenario'];
    list: Control['scenarios'];
    remove: Control['removeScenario'];
    clear: Control['clearScenarios'];
  };
  readonly faults: {
    add: Control['addFault'];
    list: Control['faults'];
    remove: Control['removeFault'];
    clear: Control['clearFaults'];
  };
  readonly tasks: {
    seed: Control['seedTask'];
    get: Control['task'];
    list: Control['tasks'];
    delete: Control['deleteTask'];
  };
  readonly journal: {
    requests: Control['requests'];
    polls: Control['polls'];
    clear: Control['clearRequests'];
  };
  readonly callbacks: {
    deliveries: Control['deliveries'];
    /** Resolves once every callback under way has been delivered or given up. */
    idle(): Promise<void>;
  };
}

/**
 * A mock for a test suite: the same server and controls as `npm start`, in-process.
 * Options default to a manual clock and seed 1, the settings tests want.
 */
export function createLumaMock(input: MockOptionsInput = {}): LumaMock {
  const options = resolveOptions({ seed: 1, ...input, clock: { mode: 'manual', ...input.clock } });
  const deps = createDeps(options);
  const app = createApp(deps, options);
  const control = new Control(deps, options);
  let server: RunningServer | undefined;
  let closing: Promise<void> | undefined;
  const bind = <K extends keyof Control>(name: K) =>
    (control[name] as (...args: unknown[]) => unknown).bind(control) as Control[K];

  return {
    options,
    deps,
    app,
    get url() {
      return server?.url;
    },
    async listen(port = 0, host = '127.0.0.1') {
      server ??= await listen(app, host, port);
      return { url: server.url };
    },
    close({ graceMs = 0 } = {}) {
      closing ??= (async () => {
        await server?.close(graceMs);
        deps.callbacks.close();
        deps.scheduler.dispose();
        deps.persistence?.close();
      })();
      return closing;
    },
    reset: bind('reset'),
    clock: {
      now: () => control.clock().now,
      advance: bind('advance'),
      set: bind('setClock'),
      freeze: bind('freeze'),
      resume: bind('resume'),
      setSpeed: bind('setSpeed'),
    },
    scenarios: {
      add: bind('addScenario'),
      list: bind('scenarios'),
      remove: bind('removeScenario'),
      clear: bind('clearScenarios'),
    },
    faults: {
      add: bind('addFault'),
      list: bind('faults'),
      remove: bind('removeFault'),
      clear: bind('clearFaults'),
    },
    tasks: {
      seed: bind('seedTask'),
      get: bind('task'),
      list: bind('tasks'),
      delete: bind('deleteTask'),
    },
    journal: {
      requests: bind('requests'),
      polls: bind('polls'),
      clear: bind('clearRequests'),
    },
    callbacks: {
      deliveries: bind('deliveries'),
      idle: () => deps.callbacks.idle(),
    },
  };
}
