import type { Router } from 'express';
import type { CallbackSpec, DialectContext, ErrorRenderer, TaskIds } from '../dialects/kit.js';

/** A vendor: which dialect it speaks, where it is mounted, and its quirks. */
export interface Profile {
  readonly name: string;
  /** Where the profile is mounted, e.g. `/yunwu`. */
  readonly basePath: string;
  readonly dialect: 'acedata' | 'relay' | 'luma';
  routes(ctx: DialectContext): Router;
  readonly renderError: ErrorRenderer;
  /** What its callbacks carry, and when they are sent. */
  readonly callbacks: CallbackSpec;
  /** Vendor ids drawn for a task made outside its routes (seeded from the admin API). */
  readonly taskIds?: TaskIds;
}
