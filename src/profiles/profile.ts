import type { Router } from 'express';
import type { DialectContext, ErrorRenderer } from '../dialects/kit.js';

/** A vendor: which dialect it speaks, where it is mounted, and its quirks. */
export interface Profile {
  readonly name: string;
  /** Where the profile is mounted, e.g. `/yunwu`. */
  readonly basePath: string;
  readonly dialect: 'acedata' | 'relay';
  routes(ctx: DialectContext): Router;
  readonly renderError: ErrorRenderer;
}
