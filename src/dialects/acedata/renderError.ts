import { DEFAULT_STATUS, type MockError, type MockErrorKind } from '../../core/errors.js';
import type { Random } from '../../core/random.js';
import type { RenderedError } from '../kit.js';

const CODES: Record<MockErrorKind, string> = {
  bad_request: 'bad_request',
  unauthorized: 'invalid_token',
  not_found: 'not_found',
  payload_too_large: 'bad_request',
  unsupported_media_type: 'bad_request',
  rate_limited: 'too_many_requests',
  timeout: 'timeout',
  task_failed: 'api_error',
  internal: 'api_error',
};

/** `{"success": false, "error": {"code", "message"}, "trace_id"}`, with the task id when there is one. */
export function renderAceDataError(error: MockError, random: Random): RenderedError {
  const body: Record<string, unknown> = { success: false };
  if (error.taskId !== undefined) body.task_id = error.taskId;
  body.error = { code: CODES[error.kind], message: error.message };
  body.trace_id = random.uuid();
  return { status: error.status ?? DEFAULT_STATUS[error.kind], headers: error.headers, body };
}
