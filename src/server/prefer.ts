import type { RequestHandler } from 'express';
import { planFromWire, type ScenarioWire } from '../admin/wire.js';
import { MockError } from '../core/errors.js';
import type { ScenarioBook } from '../core/scenarios.js';
import type { Preference } from '../dialects/kit.js';
import { assertValid, type SchemaRegistry } from '../validation/schemas.js';

/** `key=value`, `key="quoted, value"` or a bare token, separated by commas or semicolons. */
const PAIR = /\s*([A-Za-z_-]+)\s*(?:=\s*(?:"((?:[^"\\]|\\.)*)"|([^,;]*?)))?\s*(?:[,;]|$)/y;

/** RFC 7240's own preferences, which clients may send for other reasons. */
const STANDARD = new Set(['return', 'respond-async', 'wait', 'handling']);

function parsePairs(header: string): Record<string, string> {
  const pairs: Record<string, string> = {};
  PAIR.lastIndex = 0;
  while (PAIR.lastIndex < header.length) {
    const start = PAIR.lastIndex;
    const match = PAIR.exec(header);
    if (!match || PAIR.lastIndex === start) {
      throw new MockError('bad_request', `Prefer header: cannot read "${header.slice(start)}"`);
    }
    const [, key, quoted, bare] = match as unknown as [string, string, string?, string?];
    if (STANDARD.has(key.toLowerCase()) || (quoted === undefined && bare === undefined)) continue;
    pairs[key] = quoted?.replace(/\\(.)/g, '$1') ?? (bare as string);
  }
  return pairs;
}

function typed(value: string): unknown {
  if (value === 'true' || value === 'false') return value === 'true';
  return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
}

/**
 * `Prefer: scenario=<name>` applies a named scenario to this create; `Prefer: outcome=failed,
 * fail_at_progress=60` spells a plan inline, in the scenario fields. Checked like a scenario,
 * so a bad header is a 400 that names the field. Only a create uses it: a poll that carries
 * the same header uses nothing up.
 */
export function prefer(book: ScenarioBook, schemas: SchemaRegistry): RequestHandler {
  return (req, res, next) => {
    const header = req.get('prefer');
    if (header === undefined || header.trim() === '') return next();
    const { scenario, ...inline } = parsePairs(header);
    if (scenario !== undefined && !book.hasNamed(scenario)) {
      throw new MockError('bad_request', `Prefer header: no scenario named ${scenario}`);
    }
    const preference: Preference = { ...(scenario === undefined ? {} : { scenario }) };
    res.locals.preference = preference;
    if (Object.keys(inline).length > 0) {
      const wire = Object.fromEntries(Object.entries(inline).map(([k, v]) => [k, typed(v)]));
      try {
        const plan = planFromWire(assertValid<ScenarioWire>(schemas, 'admin/scenario.json', wire));
        res.locals.preference = { ...preference, plan };
      } catch (error) {
        if (error instanceof MockError) {
          throw new MockError('bad_request', `Prefer header: ${error.message}`, error);
        }
        throw error;
      }
    }
    next();
  };
}
