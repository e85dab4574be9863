import { DEFAULT_STATUS, type MockError } from '../../core/errors.js';
import type { RenderedError } from '../kit.js';

/**
 * `{"detail": "..."}` as Luma's FastAPI server answers. A body that breaks the schema is 422
 * (FastAPI's validation status); a well-formed request Luma cannot do is 400.
 */
export function renderLumaError(error: MockError): RenderedError {
  const invalid = error.kind === 'bad_request' && error.issues.length > 0;
  return {
    status: error.status ?? (invalid ? 422 : DEFAULT_STATUS[error.kind]),
    headers: error.headers,
    body: { detail: error.message },
  };
}
