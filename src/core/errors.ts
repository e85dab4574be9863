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
  | 'timeout'
  | 'task_failed'
  | 'internal';

export interface Issue {
  /** JSON pointer into the request body, `''` for the body itself. */
  location: string;
  message: string;
}

export class MockError extends Error {
  readonly kind: MockErrorKind;
  readonly issues: readonly Issue[];
  /** The task the error is about, when there is one (a failed or timed-out sync create). */
  readonly taskId: string | undefined;

  constructor(
    kind: MockErrorKind,
    message: string,
    extra: { issues?: readonly Issue[]; taskId?: string } = {},
  ) {
    super(message);
    this.name = 'MockError';
    this.kind = kind;
    this.issues = extra.issues ?? [];
    this.taskId = extra.taskId;
  }
}
