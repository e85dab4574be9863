import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import type { FastPoll, FastQuery, JsonBody } from '../dialects/kit.js';
import type { TokenCheck } from './bearerAuth.js';
import type { MockDeps } from './createDeps.js';
import type { RawEntry } from './journal.js';
import { type ErrorRendering, renderError } from './renderErrors.js';

export interface LaneRoute {
  readonly profile: string;
  readonly basePath: string;
  readonly polls: readonly FastPoll[];
  readonly queries: readonly FastQuery[];
  readonly errors: ErrorRendering;
}

/** A request the fast lane answered, or `false` for the app to answer. */
export type FastLane = (req: IncomingMessage, res: ServerResponse) => boolean;

const SAFE_ID = /^[A-Za-z0-9_.:-]+$/;
const JSON_TYPE = 'application/json; charset=utf-8';

/** Writes JSON as the Express routes send it: the same headers, pieces corked into one write. */
function writeJson(
  res: ServerResponse,
  status: number,
  body: JsonBody,
  headers: Readonly<Record<string, string>> = {},
): void {
  const pieces =
    typeof body === 'string' ? [Buffer.from(body)] : Array.isArray(body) ? body : [body];
  const length = (pieces as readonly Uint8Array[]).reduce(
    (sum, piece) => sum + piece.byteLength,
    0,
  );
  res.writeHead(status, { ...headers, 'Content-Type': JSON_TYPE, 'Content-Length': length });
  res.cork();
  for (const piece of pieces as readonly Uint8Array[]) res.write(piece);
  res.end();
}

/**
 * The hottest requests answered below Express, by the same functions the Express routes call:
 * a poll of a task that exists (same cached bytes), and a batch query (the same body parser,
 * query function and error rendering). Each leaves the same journal entry as its route. The
 * lane steps aside (answers `false`) for anything else: a fault to inject, a `Prefer` header,
 * a token to refuse, an unknown id, an id that needs decoding. Express then answers as always.
 */
export function fastLane(
  routes: readonly LaneRoute[],
  deps: MockDeps,
  accepts: TokenCheck,
  parse: RequestHandler,
): FastLane {
  const record = (entry: RawEntry) => {
    if (deps.journal.limit > 0) deps.journal.record(entry);
  };
  return (req, res) => {
    if ((req.method !== 'GET' && req.method !== 'POST') || deps.faults.size > 0) return false;
    const url = req.url ?? '';
    const query = url.indexOf('?');
    const path = query < 0 ? url : url.slice(0, query);
    for (const route of routes) {
      if (!path.startsWith(route.basePath) || path[route.basePath.length] !== '/') continue;
      const under = path.slice(route.basePath.length);
      const entry = {
        profile: route.profile,
        method: req.method,
        path: under,
        url: url.slice(route.basePath.length),
        clock: deps.clock.now(),
        wall: Date.now(),
        headers: req.headers,
        created: null,
        fault: null,
      };
      if (req.method === 'GET') {
        for (const poll of route.polls) {
          if (!under.startsWith(poll.prefix)) continue;
          const id = under.slice(poll.prefix.length);
          if (!SAFE_ID.test(id) || accepts(req.headers.authorization) !== 'ok') return false;
          const found = poll.answer(id);
          if (!found) return false;
          writeJson(res, 200, found.json);
          record({
            ...entry,
            status: 200,
            durationMs: Date.now() - entry.wall,
            body: undefined,
            tasks: [found.task.id],
          });
          return true;
        }
        return false;
      }
      const found = route.queries.find((q) => q.path === under);
      if (!found || req.headers.prefer !== undefined) return false;
      if (accepts(req.headers.authorization) !== 'ok') return false;
      // The Express body parser, on the bare request: the same limits, the same errors.
      parse(
        req as Parameters<RequestHandler>[0],
        res as Parameters<RequestHandler>[1],
        (error?: unknown) => {
          const body = (req as { body?: unknown }).body;
          let status = 200;
          let tasks: readonly string[] = [];
          try {
            if (error) throw error;
            const answer = found.answer(body);
            tasks = answer.tasks.map((task) => task.id);
            writeJson(res, 200, answer.json);
          } catch (thrown) {
            const rendered = renderError(thrown, `${req.method} ${url}`, route.errors);
            status = rendered.status;
            writeJson(res, status, JSON.stringify(rendered.body), rendered.headers);
          }
          record({ ...entry, status, durationMs: Date.now() - entry.wall, body, tasks });
        },
      );
      return true;
    }
    return false;
  };
}
