import type { ErrorRequestHandler, RequestHandler } from 'express';
import { MockError } from '../core/errors.js';
import type { Random } from '../core/random.js';
import type { ErrorRenderer, RenderedError } from '../dialects/kit.js';

interface BodyParserError {
  type: string;
  status: number;
  message: string;
  limit?: number;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as BodyParserError).type === 'string' &&
    typeof (error as BodyParserError).status === 'number'
  );
}

/** Anything thrown on a route, in neutral words; what is not ours is an internal error. */
export function toMockError(error: unknown): MockError {
  if (error instanceof MockError) return error;
  if (isBodyParserError(error)) {
    switch (error.type) {
      case 'entity.parse.failed':
        return new MockError('bad_request', `The body is not valid JSON: ${error.message}`);
      case 'entity.too.large':
        return new MockError(
          'payload_too_large',
          `The body is larger than the limit of ${error.limit ?? '?'} bytes.`,
        );
      case 'entity.too.deep':
        return new MockError('bad_request', error.message);
      case 'charset.unsupported':
      case 'encoding.unsupported':
        return new MockError('unsupported_media_type', error.message);
      default:
        if (error.status >= 400 && error.status < 500) {
          return new MockError('bad_request', error.message);
        }
    }
  }
  return new MockError('internal', 'Internal server error.');
}

export interface ErrorRendering {
  readonly render: ErrorRenderer;
  readonly random: Random;
  readonly log: (line: string) => void;
}

/**
 * Whatever a route throws, in `render`'s envelope: the one place errors are rendered, for the
 * Express routes and the fast lane alike. An error that is not ours is logged.
 */
export function renderError(error: unknown, where: string, how: ErrorRendering): RenderedError {
  const mock = toMockError(error);
  if (mock.kind === 'internal') {
    how.log(`${where}: ${error instanceof Error ? error.stack : error}`);
  }
  return how.render(mock, how.random);
}

/** The error middleware of an area: renders with `renderError`, sends as `res.json` does. */
export function renderErrors(
  render: ErrorRenderer,
  random: Random,
  log: (line: string) => void,
): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const rendered = renderError(error, `${req.method} ${req.originalUrl}`, {
      render,
      random,
      log,
    });
    res
      .status(rendered.status)
      .set(rendered.headers ?? {})
      .json(rendered.body);
  };
}

/** The last handler of every area: a path no route took. */
export const noRoute: RequestHandler = (req) => {
  throw new MockError('not_found', `No route for ${req.method} ${req.originalUrl}.`);
};
