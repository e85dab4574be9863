import { setTimeout as sleep } from 'node:timers/promises';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { MockError, type MockErrorKind } from '../core/errors.js';
import type { Fault, FaultBook } from '../core/faults.js';
import type { Random } from '../core/random.js';

const DEFAULT_MESSAGES: Record<number, string> = {
  429: 'You have exceeded the rate limit.',
  500: 'Internal server error.',
  502: 'Bad gateway.',
  503: 'Service unavailable.',
  504: 'Gateway timeout.',
};

function kindOf(status: number): MockErrorKind {
  if (status === 429) return 'rate_limited';
  if (status === 401) return 'unauthorized';
  if (status === 404) return 'not_found';
  if (status === 413) return 'payload_too_large';
  if (status === 504) return 'timeout';
  return status >= 500 ? 'internal' : 'bad_request';
}

/** An injected error status, in neutral words; the profile renders it in its envelope. */
export function faultError(fault: Fault & { status: number }): MockError {
  const retryAfter = fault.retryAfter ?? (fault.status === 429 ? 1 : undefined);
  return new MockError(
    kindOf(fault.status),
    fault.message ?? DEFAULT_MESSAGES[fault.status] ?? `Injected fault: HTTP ${fault.status}.`,
    {
      status: fault.status,
      headers: retryAfter === undefined ? {} : { 'Retry-After': String(retryAfter) },
    },
  );
}

function latencyOf(fault: Fault, random: Random): number {
  const { latencyMs } = fault;
  if (latencyMs === undefined) return 0;
  if (typeof latencyMs === 'number') return latencyMs;
  return random.int(Math.min(latencyMs.min, latencyMs.max), Math.max(latencyMs.min, latencyMs.max));
}

/** What an injected fault does to the request it hits. */
async function apply(
  fault: Fault,
  random: Random,
  req: Request,
  res: Response,
  next: NextFunction,
) {
  res.locals.fault = fault.id;
  const latency = latencyOf(fault, random);
  if (latency > 0) {
    const gone = new AbortController();
    res.once('close', () => gone.abort());
    try {
      await sleep(latency, undefined, { signal: gone.signal });
    } catch {
      return;
    }
  }
  if (fault.drop) {
    req.socket.destroy();
    return;
  }
  if (fault.hang) return;
  if (fault.status !== undefined) throw faultError({ ...fault, status: fault.status });
  next();
}

/**
 * The first thing a vendor request meets: an injected fault, if one matches. Latency is wall
 * time (it stands for the network); `drop` closes the socket; `hang` never answers. Without a
 * fault the request goes straight on, with no promise made for it.
 */
export function injectFaults(profile: string, book: FaultBook, random: Random): RequestHandler {
  return (req, res, next) => {
    const fault = book.size === 0 ? undefined : book.hit(profile, req.method, req.path, random);
    if (!fault) return next();
    return apply(fault, random, req, res, next);
  };
}
