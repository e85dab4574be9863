import type { RequestHandler } from 'express';
import type { Clock } from '../core/clock.js';
import { type Journal, redactHeaders, redactQuery } from './journal.js';

/**
 * Records each vendor request once it is answered (or dropped). Routes say which tasks a
 * request touched through `res.locals.tasks` / `res.locals.created` (see `dialects/kit.ts`).
 */
export function journalRequests(profile: string, journal: Journal, clock: Clock): RequestHandler {
  return (req, res, next) => {
    const wallStart = Date.now();
    const clockStart = clock.now();
    res.once('close', () => {
      journal.record({
        profile,
        method: req.method,
        path: req.path,
        query: redactQuery(req.query),
        status: res.writableFinished ? res.statusCode : 0,
        clock_time: new Date(clockStart).toISOString(),
        wall_time: new Date(wallStart).toISOString(),
        duration_ms: Date.now() - wallStart,
        headers: redactHeaders(req.headers),
        body: req.body,
        tasks: (res.locals.tasks as string[] | undefined) ?? [],
        created: (res.locals.created as string | undefined) ?? null,
        fault: (res.locals.fault as string | undefined) ?? null,
      });
    });
    next();
  };
}
