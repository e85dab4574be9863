import express, { type RequestHandler } from 'express';

/**
 * Parses every body as JSON whatever its Content-Type, as the vendors' Go and Python
 * servers do; parse failures go to the error middleware, which answers in the vendor's envelope.
 */
export function jsonBody(limit: string): RequestHandler {
  return express.json({ limit, strict: true, type: () => true });
}
