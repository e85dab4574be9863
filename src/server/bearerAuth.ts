import type { RequestHandler } from 'express';
import { MockError } from '../core/errors.js';

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

/** Any non-empty bearer token passes unless `tokens` lists the ones that do. */
export function bearerAuth(tokens: readonly string[] | null): RequestHandler {
  const accepted = tokens && new Set(tokens);
  return (req, _res, next) => {
    const header = req.headers.authorization;
    const token = header === undefined ? undefined : BEARER.exec(header)?.[1];
    if (token === undefined) {
      throw new MockError('unauthorized', 'An Authorization: Bearer <token> header is required.');
    }
    if (accepted && !accepted.has(token)) {
      throw new MockError('unauthorized', 'The specified token is invalid or wrong.');
    }
    next();
  };
}
