import { DEFAULT_STATUS, type MockError } from '../../core/errors.js';
import type { RenderedError } from '../kit.js';

/** Luma-API's `WrapperLumaError`: `{"detail": {"reason": "...", "code": 1}}`. */
export function renderRelayError(error: MockError): RenderedError {
  return {
    status: error.status ?? DEFAULT_STATUS[error.kind],
    headers: error.headers,
    body: { detail: { reason: error.message, code: 1 } },
  };
}
