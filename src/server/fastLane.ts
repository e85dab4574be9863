import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastPoll } from '../dialects/kit.js';
import type { TokenCheck } from './bearerAuth.js';
import type { MockDeps } from './createDeps.js';

export interface LaneRoute {
  readonly profile: string;
  readonly basePath: string;
  readonly polls: readonly FastPoll[];
}

/** A request the fast lane answered, or `false` for the app to answer. */
export type FastLane = (req: IncomingMessage, res: ServerResponse) => boolean;

const SAFE_ID = /^[A-Za-z0-9_.:-]+$/;

/**
 * The hottest request, a poll of a task that exists, answered below Express: same bytes, same
 * journal entry, none of the router walk. It steps aside (answers `false`) for anything else: a
 * fault to inject, a token to refuse, an unknown id, an id that needs decoding. Express then
 * answers as always, errors in the vendor's envelope included.
 */
export function fastLane(
  routes: readonly LaneRoute[],
  deps: MockDeps,
  accepts: TokenCheck,
): FastLane {
  return (req, res) => {
    if (req.method !== 'GET' || deps.faults.size > 0) return false;
    const url = req.url ?? '';
    const query = url.indexOf('?');
    const path = query < 0 ? url : url.slice(0, query);
    for (const route of routes) {
      if (!path.startsWith(route.basePath) || path[route.basePath.length] !== '/') continue;
      const under = path.slice(route.basePath.length);
      for (const poll of route.polls) {
        if (!under.startsWith(poll.prefix)) continue;
        const id = under.slice(poll.prefix.length);
        if (!SAFE_ID.test(id) || accepts(req.headers.authorization) !== 'ok') return false;
        const wall = Date.now();
        const clock = deps.clock.now();
        const found = poll.answer(id);
        if (!found) return false;
        res.writeHead(200, {
          'Content-Type': 'application/json; charset=utf-8',
          'Content-Length': found.json.byteLength,
        });
        res.end(found.json);
        if (deps.journal.limit > 0) {
          deps.journal.record({
            profile: route.profile,
            method: 'GET',
            path: under,
            url: url.slice(route.basePath.length),
            status: 200,
            clock,
            wall,
            durationMs: Date.now() - wall,
            headers: req.headers,
            body: undefined,
            tasks: [found.task.id],
            created: null,
            fault: null,
          });
        }
        return true;
      }
    }
    return false;
  };
}
