import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import { type FastPoll, type FastQuery, writeJson } from '../dialects/kit.js';
import type { TokenCheck } from './bearerAuth.js';
import type { MockDeps } from './createDeps.js';
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
  return (req, res) => {
    if ((req.method !== 'GET' && req.method !== 'POST') || deps.faults.size > 0) return false;
    const url = req.url ?? '';
    const query = url.indexOf('?');
    const path = query < 0 ? url : url.slice(0, query);
    for (const route of routes) {
      if (!path.startsWith(route.basePath) || path[route.basePath.length] !== '/') continue;
      const under = path.slice(route.basePath.length);
      const wall = Date.now();
      const clock = deps.clock.now();
      /** The journal entry of this request, as its Express route would have recorded it. */
      const record = (status: number, body: unknown, tasks: readonly string[]) => {
        if (deps.journal.limit === 0) return;
        deps.journal.record({
          profile: route.profile,
          method: req.method as string,
          path: under,
          url: url.slice(route.basePath.length),
          status,
          clock,
          wall,
          durationMs: Date.now() - wall,
          headers: req.headers,
          body,
          tasks,
          created: null,
          fault: null,
        });
      };
      if (req.method === 'GET') {
        for (const poll of route.polls) {
          if (!under.startsWith(poll.prefix)) continue;
          const id = under.slice(poll.prefix.length);
          if (!SAFE_ID.test(id) || accepts(req.headers.authorization) !== 'ok') return false;
          const found = poll.answer(id);
          if (!found) return false;
          writeJson(res, 200, found.json);
          record(200, undefined, [found.task.id]);
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
          record(status, body, tasks);
        },
      );
      return true;
    }
    return false;
  };
}
