import type { RequestHandler } from 'express';
import { MockError } from '../core/errors.js';

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

export type TokenCheck = (header: string | undefined) => 'ok' | 'missing' | 'refused';

/** Any non-empty bearer token passes unless `tokens` lists the ones that do. */
export function tokenCheck(tokens: readonly string[] | null): TokenCheck {
  const accepted = tokens && new Set(tokens);
  return (header) => {
    const token = header === undefined ? undefined : BEARER.exec(header)?.[1];
    if (token === undefined) return 'missing';
    return accepted && !accepted.has(token) ? 'refused' : 'ok';
  };
}

export function bearerAuth(tokens: readonly string[] | null): RequestHandler {
  const check = tokenCheck(tokens);
  return (req, _res, next) => {
    const verdict = check(req.headers.authorization);
    if (verdict === 'missing') {
      throw new MockError('unauthorized', 'An Authorization: Bearer <token> header is required.');
    }
    if (verdict === 'refused') {
      throw new MockError('unauthorized', 'The specified token is invalid or wrong.');
    }
    next();
  };
}
