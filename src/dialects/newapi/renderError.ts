import type { MockError, MockErrorKind } from '../../core/errors.js';
import type { Random } from '../../core/random.js';
import type { RenderedError } from '../kit.js';

const CODES: Record<MockErrorKind, [status: number, code: string]> = {
  bad_request: [400, 'invalid_request'],
  unauthorized: [401, 'invalid_token'],
  // new-api answers an unknown task with 400, not 404 (relay/relay_task.go).
  not_found: [400, 'task_not_exist'],
  payload_too_large: [413, 'invalid_request'],
  unsupported_media_type: [415, 'invalid_request'],
  rate_limited: [429, 'too_many_requests'],
  timeout: [504, 'fail_to_fetch_task'],
  task_failed: [500, 'do_request_failed'],
  internal: [500, 'do_request_failed'],
};

/**
 * new-api's task errors are `{"code", "message", "data": null}`; its token check runs earlier,
 * in middleware, and answers OpenAI-style `{"error": {"message", "type": "new_api_error"}}`.
 */
export function renderNewApiError(error: MockError, random: Random): RenderedError {
  const [usual, code] = CODES[error.kind];
  const status = error.status ?? usual;
  if (error.kind === 'unauthorized') {
    const requestId = random.hex(32);
    return {
      status,
      headers: error.headers,
      body: {
        error: { message: `${error.message} (request id: ${requestId})`, type: 'new_api_error' },
      },
    };
  }
  return { status, headers: error.headers, body: { code, message: error.message, data: null } };
}
