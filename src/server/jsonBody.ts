import express, { type RequestHandler } from 'express';

/** Deeper than any vendor body; deep enough to stop a nesting bomb before it reaches JSON.stringify. */
export const MAX_DEPTH = 64;

/** The deepest `[`/`{` nesting of JSON text, strings skipped; stops counting past `limit`. */
export function jsonDepth(text: Buffer, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped byte
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

/**
 * Parses every body as JSON whatever its Content-Type, as the vendors' Go and Python
 * servers do. Parse failures, and bodies nested deeper than `MAX_DEPTH`, go to the error
 * middleware, which answers in the vendor's envelope.
 */
export function jsonBody(limit: string): RequestHandler {
  return express.json({
    limit,
    strict: true,
    type: () => true,
    verify: (_req, _res, buf) => {
      if (jsonDepth(buf, MAX_DEPTH) > MAX_DEPTH) {
        throw Object.assign(new Error(`The body is nested deeper than ${MAX_DEPTH} levels.`), {
          status: 400,
          type: 'entity.too.deep',
        });
      }
    },
  });
}
