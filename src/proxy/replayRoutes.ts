import type { RequestHandler } from 'express';
import type { Clock } from '../core/clock.js';
import { MockError } from '../core/errors.js';
import { type Exchange, parseBody } from './exchange.js';

const NOT_TASK = new Set(['video', 'image', 'concepts', 'camera_motion', 'file_upload']);

/** The task an exchange is about: from its path, its request's ids, or its answer's id. */
function taskOf(exchange: Pick<Exchange, 'url' | 'request' | 'response'>): string | undefined {
  const fromPath = /\/generations\/([^/?]+)/.exec(exchange.url)?.[1];
  if (fromPath && !NOT_TASK.has(fromPath)) return fromPath;
  const asked = exchange.request.body as { id?: unknown; ids?: unknown[] } | undefined;
  if (typeof asked?.id === 'string') return asked.id;
  if (Array.isArray(asked?.ids) && typeof asked.ids[0] === 'string') return asked.ids[0];
  const answered = exchange.response.body as { id?: unknown; task_id?: unknown } | undefined;
  if (typeof answered?.task_id === 'string') return answered.task_id;
  if (typeof answered?.id === 'string') return answered.id;
  return undefined;
}

const keyOf = (method: string, url: string, body: unknown) =>
  `${method} ${url} ${body === undefined ? '' : JSON.stringify(body)}`;

/**
 * Serves recorded exchanges offline. A recorded task replays its answers in their recorded
 * order and pace, on the mock's clock, counted from the first request that touches it.
 */
export function replayRoutes(
  profile: string,
  exchanges: readonly Exchange[],
  clock: Clock,
): RequestHandler {
  const mine = exchanges.filter((e) => e.profile === profile);
  const byKey = new Map<string, Exchange[]>();
  const recordedStart = new Map<string, number>();
  for (const exchange of mine) {
    const key = keyOf(exchange.method, exchange.url, exchange.request.body);
    byKey.set(key, [...(byKey.get(key) ?? []), exchange]);
    const group = taskOf(exchange) ?? key;
    const at = Date.parse(exchange.recorded_at);
    recordedStart.set(group, Math.min(recordedStart.get(group) ?? at, at));
  }
  const replayStart = new Map<string, number>();

  return (req, res) => {
    const raw = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
    const body = parseBody(raw);
    req.body = body;
    const key = keyOf(req.method, req.url, body);
    const candidates = byKey.get(key);
    if (!candidates)
      throw new MockError('not_found', `No recorded answer for ${req.method} ${req.url}.`);
    const group = taskOf(candidates[0] as Exchange) ?? key;
    const now = clock.now();
    const started = replayStart.get(group) ?? now;
    replayStart.set(group, started);
    const elapsed = now - started;
    const origin = recordedStart.get(group) as number;
    const due = candidates.filter((e) => Date.parse(e.recorded_at) - origin <= elapsed);
    const answer = (due.at(-1) ?? candidates[0]) as Exchange;
    res.status(answer.response.status).set(answer.response.headers);
    const sent = answer.response.body;
    if (typeof sent === 'string') res.send(sent);
    else if (sent === undefined) res.end();
    else res.json(sent);
  };
}
