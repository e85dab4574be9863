import type { RequestHandler } from 'express';
import type { Clock } from '../core/clock.js';
import type { Journal } from './journal.js';

const NONE: readonly string[] = [];

/**
 * Records each vendor request once it is answered (or dropped). Routes say which tasks a
 * request touched through `res.locals.tasks` / `res.locals.created` (see `dialects/kit.ts`).
 */
export function journalRequests(profile: string, journal: Journal, clock: Clock): RequestHandler {
  if (journal.limit === 0) return (_req, _res, next) => next();
  return (req, res, next) => {
    const wall = Date.now();
    const at = clock.now();
    // Read now: routers rewrite req.url on the way through.
    const { path, url } = req;
    res.once('close', () => {
      journal.record({
        profile,
        method: req.method,
        path,
        url,
        status: res.writableFinished ? res.statusCode : 0,
        clock: at,
        wall,
        durationMs: Date.now() - wall,
        headers: req.headers,
        body: req.body,
        tasks: (res.locals.tasks as string[] | undefined) ?? NONE,
        created: (res.locals.created as string | undefined) ?? null,
        fault: (res.locals.fault as string | undefined) ?? null,
      });
    });
    next();
  };
}
