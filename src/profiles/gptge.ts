import { toGeneration } from '../dialects/relay/generation.js';
import { relayRoutes } from '../dialects/relay/relayRoutes.js';
import { renderRelayError } from '../dialects/relay/renderError.js';
import type { Profile } from './profile.js';

/** api.gpt.ge: the relay format with `failure_reason`; no batch route is documented. */
export const gptge: Profile = {
  name: 'gptge',
  basePath: '/gptge',
  dialect: 'relay',
  routes: (ctx) => relayRoutes(ctx, { failureReason: true }),
  callbacks: {
    events: ['completed', 'failed'],
    payload: (task, status) => toGeneration(task, status, { failureReason: true }),
  },
  renderError: renderRelayError,
};
