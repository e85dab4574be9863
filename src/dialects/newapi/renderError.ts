import { DEFAULT_STATUS, type MockError, type MockErrorKind } from '../../core/errors.js';
import type { Random } from '../../core/random.js';
import type { RenderedError } from '../kit.js';

const CODES: Record<MockErrorKind, string> = {
  bad_request: 'invalid_request',
  unauthorized: 'invalid_token',
  not_found: 'task_not_exist',
  payload_too_large: 'invalid_request',
  unsupported_media_type: 'invalid_request',
  rate_limited: 'too_many_requests',
  timeout: 'fail_to_fetch_task',
  task_failed: 'do_request_failed',
  internal: 'do_request_failed',
};

/** new-api answers an unknown task with 400, not 404 (relay/relay_task.go). */
const STATUS: Record<MockErrorKind, number> = { ...DEFAULT_STATUS, not_found: 400 };

/**
 * new-api's task errors are `{"code", "message", "data": null}`; its token check runs earlier,
 * in middleware, and answers OpenAI-style `{"error": {"message", "type": "new_api_error"}}`.
 */
export function renderNewApiError(error: MockError, random: Random): RenderedError {
  const status = error.status ?? STATUS[error.kind];
  const body =
    error.kind === 'unauthorized'
      ? {
          error: {
            message: `${error.message} (request id: ${random.hex(32)})`,
            type: 'new_api_error',
          },
        }
      : { code: CODES[error.kind], message: error.message, data: null };
  return { status, headers: error.headers, body };
}
