import { joinJson } from '../dialects/kit.js';
import { toGeneration } from '../dialects/relay/generation.js';
import { relayRoutes } from '../dialects/relay/relayRoutes.js';
import { renderRelayError } from '../dialects/relay/renderError.js';
import type { Profile } from './profile.js';

/** yunwu.ai: the relay format; its generation has no `failure_reason`; batch is a bare array. */
export const yunwu: Profile = {
  name: 'yunwu',
  basePath: '/yunwu',
  dialect: 'relay',
  routes: (ctx) =>
    relayRoutes(ctx, {
      failureReason: false,
      batch: (entries) =>
        joinJson(
          '[',
          entries.map((e) => e.json),
          ']',
        ),
    }),
  callbacks: {
    events: ['completed', 'failed'],
    payload: (task, status) => toGeneration(task, status, { failureReason: false }),
  },
  renderError: renderRelayError,
};
