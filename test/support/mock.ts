import supertest from 'supertest';
import { expect } from 'vitest';
import type { Task } from '../../src/core/task.js';
import { type MockOptionsInput, resolveOptions } from '../../src/options.js';
import { createApp } from '../../src/server/createApp.js';
import { createDeps } from '../../src/server/createDeps.js';
import { loadSchemas, schemaId } from '../../src/validation/schemas.js';

/** The instant of yunwu's published example: every test clock starts here, frozen. */
export const START = Date.parse('2024-12-22T13:38:40.139Z');
export const TOKEN = 'sk-test-token';
export const AUTH = { Authorization: `Bearer ${TOKEN}` };

export const QUEUE_MS = 10_000;
export const RENDER_MS = 120_000;

/** A mock on a manual clock with a fixed seed, driven by supertest without a port. */
export function makeMock(input: MockOptionsInput = {}) {
  const options = resolveOptions({
    seed: 7,
    log: () => {},
    ...input,
    clock: { mode: 'manual', startAt: START, ...input.clock },
    plan: { queueMs: QUEUE_MS, renderMs: RENDER_MS, ...input.plan },
  });
  const deps = createDeps(options);
  const app = createApp(deps, options);
  const http = supertest(app);
  return {
    options,
    deps,
    app,
    http,
    advance: (ms: number) => deps.clock.advance(ms),
    get: (path: string) => http.get(path).set(AUTH),
    post: (path: string, body?: unknown) =>
      http
        .post(path)
        .set(AUTH)
        .send(body as object),
  };
}

export type Mock = ReturnType<typeof makeMock>;

/** Asserts `body` conforms to `schemas/<path>`, showing every issue when it does not. */
export function expectSchema(path: string, body: unknown): void {
  expect(loadSchemas().validate(schemaId(path), body)).toEqual([]);
}

/**
 * The shape of a JSON value: its keys and the JSON type at every leaf, to compare an answer
 * with a vendor's published example key by key and type by type.
 */
export function shapeOf(value: unknown): unknown {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length === 0 ? [] : [shapeOf(value[0])];
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .map(([key, v]) => [key, shapeOf(v)] as const)
        .sort(([a], [b]) => a.localeCompare(b)),
    );
  }
  return Number.isInteger(value) ? 'integer' : typeof value;
}

/** Resolves with the next task the mock makes: lets a test move the clock under a held request. */
export function nextCreated(mock: Mock): Promise<Task> {
  return new Promise((resolve) => {
    const stop = mock.deps.engine.on('created', (task) => {
      stop();
      resolve(task);
    });
  });
}

/** A fetch answer's JSON, loosely typed as test assertions read it. */
// biome-ignore lint/suspicious/noExplicitAny: bodies are arbitrary vendor JSON checked by assertions
export const json = (res: Response): Promise<any> => res.json();
