/**
 * Vendor-neutral failures. Routes throw these; the one error middleware asks the
 * profile's dialect to render them in the vendor's own envelope and status.
 */
export type MockErrorKind =
  | 'bad_request'
  | 'unauthorized'
  | 'not_found'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'timeout'
  | 'task_failed'
  | 'internal';

/** The HTTP status each kind usually has; a dialect may differ (new-api's unknown task is 400). */
export const DEFAULT_STATUS: Readonly<Record<MockErrorKind, number>> = {
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

export interface Issue {
  /** JSON pointer into the checked value, `''` for the value itself. */
  location: string;
  message: string;
  /** The JSON Schema keyword that failed (`required`, `type`, `enum`, `additionalProperties`, …). */
  keyword?: string;
}

export class MockError extends Error {
  readonly kind: MockErrorKind;
  readonly issues: readonly Issue[];
  /** The task the error is about, when there is one (a failed or timed-out sync create). */
  readonly taskId: string | undefined;
  /** An HTTP status that overrides the kind's usual one (an injected 502, say). */
  readonly status: number | undefined;
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    kind: MockErrorKind,
    message: string,
    extra: {
      issues?: readonly Issue[];
      taskId?: string;
      status?: number;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(message);
    this.name = 'MockError';
    this.kind = kind;
    this.issues = extra.issues ?? [];
    this.taskId = extra.taskId;
    this.status = extra.status;
    this.headers = extra.headers ?? {};
  }
}
