import type { MockError, MockErrorKind } from '../../core/errors.js';
import type { RenderedError } from '../kit.js';

const STATUS: Record<MockErrorKind, number> = {
  bad_request: 400,
  unauthorized: 401,
  not_found: 404,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  timeout: 504,
  task_failed: 500,
  internal: 500,
};

/** Luma-API's `WrapperLumaError`: `{"detail": {"reason": "...", "code": 1}}`. */
export function renderRelayError(error: MockError): RenderedError {
  return {
    status: error.status ?? STATUS[error.kind],
    headers: error.headers,
    body: { detail: { reason: error.message, code: 1 } },
  };
}
