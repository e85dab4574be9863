import { DEFAULT_STATUS, type MockError } from '../core/errors.js';
import type { RenderedError } from '../dialects/kit.js';

/** The admin API's own envelope: `{"error": {"code", "message", "issues"}}`. */
export function renderAdminError(error: MockError): RenderedError {
  return {
    status: error.status ?? DEFAULT_STATUS[error.kind],
    headers: error.headers,
    body: { error: { code: error.kind, message: error.message, issues: error.issues } },
  };
}
