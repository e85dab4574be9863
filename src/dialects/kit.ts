import type { ServerResponse } from 'node:http';
import type { Request, Response, Router } from 'express';
import type { CreateSpec, TaskEngine } from '../core/engine.js';
import { MockError } from '../core/errors.js';
import type { Phase, TaskStatus } from '../core/lifecycle.js';
import type { Random } from '../core/random.js';
import type { Scheduler } from '../core/scheduler.js';
import type { Task, TaskPlan } from '../core/task.js';
import { assertValid, type SchemaRegistry } from '../validation/schemas.js';

/**
 * A poll of one task answered without Express (see `server/fastLane.ts`): `path` is the route
 * under the profile with one `:id`; `answer` gives the task and its encoded answer, exactly
 * what the Express route would send, or undefined to let the route answer.
 */
export interface FastPoll {
  readonly prefix: string;
  answer(id: string): { task: Task; json: Uint8Array } | undefined;
}

/** What a task query answers: its JSON, and the tasks it read (for the journal). */
export interface QueryAnswer {
  readonly json: JsonBody;
  readonly tasks: readonly Task[];
}

/**
 * A POST query (a batch) answered without Express: `answer` is the very function the route
 * calls, given the parsed body; it throws the same errors.
 */
export interface FastQuery {
  readonly path: string;
  answer(body: unknown): QueryAnswer;
}

/** What every dialect's routes are built with. */
export interface DialectContext {
  readonly profile: string;
  /** The profile's router, to register the routes on (one router per profile keeps dispatch short). */
  readonly router: Router;
  /** Where a dialect offers its single-task poll to the fast lane. */
  readonly fastPolls?: FastPoll[];
  /** Where a dialect offers its batch query to the fast lane. */
  readonly fastQueries?: FastQuery[];
  readonly engine: TaskEngine;
  readonly scheduler: Scheduler;
  readonly schemas: SchemaRegistry;
}

/** An error as it goes on the wire. */
export interface RenderedError {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export type ErrorRenderer = (error: MockError, random: Random) => RenderedError;

/** What a profile sends to a task's callback URL, and on which transitions. */
export interface CallbackSpec {
  readonly events: readonly Exclude<Phase, 'pending'>[];
  payload(task: Task, status: TaskStatus): unknown;
}

/** The dialect's own ids for a new task, and the ones it can be looked up by. */
export type TaskIds = Pick<CreateSpec, 'vendor' | 'aliases'>;

/** One task of a batch answer: every entry of a batch is read at the same instant. */
export interface BatchEntry {
  readonly task: Task;
  readonly status: TaskStatus;
  /** The task in the route's own object shape, as UTF-8 JSON. */
  readonly json: Uint8Array;
}

/** How many tasks' serialized answers each profile keeps (see `RenderCache`). */
export const RENDER_CACHE_SIZE = 10_000;

/** JSON as text, as UTF-8 bytes, or as pieces of UTF-8 bytes to be sent one after another. */
export type JsonBody = string | Uint8Array | readonly Uint8Array[];

/**
 * Writes JSON with the headers `res.json` sends. Pieces go to the socket as they are, corked
 * into one write: a batch answer is never copied into one large new buffer. The Express routes
 * and the fast lane both answer through this.
 */
export function writeJson(
  res: ServerResponse,
  status: number,
  json: JsonBody,
  headers: Readonly<Record<string, string>> = {},
): void {
  const pieces: readonly Uint8Array[] =
    typeof json === 'string'
      ? [Buffer.from(json)]
      : Array.isArray(json)
        ? json
        : [json as Uint8Array];
  const length = pieces.reduce((sum, piece) => sum + piece.byteLength, 0);
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': length,
  });
  res.cork();
  for (const piece of pieces) res.write(piece);
  res.end();
}

export function sendJson(res: Response, json: JsonBody, status = 200): void {
  writeJson(res, status, json);
}

/** `open` + the parts separated by commas + `close`, as pieces: the parts are not copied. */
export function joinJson(open: string, parts: readonly Uint8Array[], close: string): Uint8Array[] {
  const pieces: Uint8Array[] = [Buffer.from(open)];
  parts.forEach((part, i) => {
    if (i > 0) pieces.push(COMMA);
    pieces.push(part);
  });
  pieces.push(Buffer.from(close));
  return pieces;
}

const COMMA = Buffer.from(',');

/** Sends a query's answer, telling the journal what it read. */
export function sendAnswer(res: Response, answer: QueryAnswer): void {
  touch(res, answer.tasks);
  sendJson(res, answer.json);
}

/** Tells the journal which tasks this request read, and which one it made. */
export function touch(res: Response, tasks: readonly Task[], created?: Task): void {
  const ids = (res.locals.tasks as string[] | undefined) ?? [];
  for (const task of tasks) ids.push(task.id);
  if (created) {
    ids.push(created.id);
    res.locals.created = created.id;
  }
  res.locals.tasks = ids;
}

/** The task, or the vendor's not-found error. */
export function findTask(ctx: DialectContext, id: string, noun = 'task'): Task {
  const task = ctx.engine.get(ctx.profile, id);
  if (!task) throw new MockError('not_found', `${noun} ${id} not found`);
  return task;
}

/** The request body, checked against `schemas/<path>`; a bad one is a 400 in the vendor's words. */
export function readBody<T>(ctx: DialectContext, req: Request, path: string): T {
  return assertValid<T>(ctx.schemas, path, req.body ?? {});
}

/** What the `Prefer` header asked of a create (see `server/prefer.ts`). */
export interface Preference {
  readonly scenario?: string;
  readonly plan?: Partial<TaskPlan>;
}

/** Where a create came from, for scenarios: its path and what the request asked for. */
export function origin(req: Request, res: Response) {
  const preference = (res.locals.preference ?? {}) as Preference;
  return { path: req.path, requested: preference.plan, scenario: preference.scenario };
}

export function now(ctx: DialectContext): number {
  return ctx.engine.clock.now();
}

/** `2024-12-22T13:38:40.139Z` */
export function isoMillis(ms: number): string {
  return new Date(ms).toISOString();
}

/** `2024-12-22T13:38:40.139409Z`: Luma's Python side prints microseconds; the last three come from `salt`. */
export function isoMicros(ms: number, salt: number): string {
  const micros = (salt % 1000).toString().padStart(3, '0');
  return `${isoMillis(ms).slice(0, -1)}${micros}Z`;
}

/** `1725077411.961`: AceData's float Unix seconds. */
export function unixSeconds(ms: number): number {
  return Math.round(ms) / 1000;
}

/** `1719819313`: new-api's integer Unix seconds. */
export function unixWholeSeconds(ms: number): number {
  return Math.floor(ms / 1000);
}

/** `"5s"` → 5; absent → 5 (the only duration the relays document). */
export function parseSeconds(duration: string | undefined): number {
  return duration === undefined ? 5 : Number.parseInt(duration, 10);
}

/** Ids once each, in the order first asked. */
export function uniqueIds(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
