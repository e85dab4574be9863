import type { MockError, MockErrorKind } from '../core/errors.js';
import type { RenderedError } from '../dialects/kit.js';

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

/** The admin API's own envelope: `{"error": {"code", "message", "issues"}}`. */
export function renderAdminError(error: MockError): RenderedError {
  return {
    status: error.status ?? STATUS[error.kind],
    headers: error.headers,
    body: { error: { code: error.kind, message: error.message, issues: error.issues } },
  };
}
