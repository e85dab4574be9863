import type { MockError, MockErrorKind } from '../../core/errors.js';
import type { Random } from '../../core/random.js';
import type { RenderedError } from '../kit.js';

const CODES: Record<MockErrorKind, [status: number, code: string]> = {
  bad_request: [400, 'bad_request'],
  unauthorized: [401, 'invalid_token'],
  not_found: [404, 'not_found'],
  payload_too_large: [413, 'bad_request'],
  unsupported_media_type: [415, 'bad_request'],
  rate_limited: [429, 'too_many_requests'],
  timeout: [504, 'timeout'],
  task_failed: [500, 'api_error'],
  internal: [500, 'api_error'],
};

/** `{"success": false, "error": {"code", "message"}, "trace_id"}`, with the task id when there is one. */
export function renderAceDataError(error: MockError, random: Random): RenderedError {
  const [status, code] = CODES[error.kind];
  const body: Record<string, unknown> = { success: false };
  if (error.taskId !== undefined) body.task_id = error.taskId;
  body.error = { code, message: error.message };
  body.trace_id = random.uuid();
  return { status: error.status ?? status, headers: error.headers, body };
}
