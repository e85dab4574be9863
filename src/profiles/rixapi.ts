import { renderNewApiError } from '../dialects/newapi/renderError.js';
import { taskListJson } from '../dialects/newapi/taskDto.js';
import { toGeneration } from '../dialects/relay/generation.js';
import { relayRoutes } from '../dialects/relay/relayRoutes.js';
import type { Profile } from './profile.js';

/** The platform and action RixAPI's published example carries. */
const TASK_DTO = { platform: 'luma_free', action: 'LUMA_VIDEO' } as const;

/** RixAPI and other new-api forks: relay routes, new-api task wrapper and error envelope. */
export const rixapi: Profile = {
  name: 'rixapi',
  basePath: '/rixapi',
  dialect: 'relay',
  routes: (ctx) =>
    relayRoutes(ctx, {
      failureReason: true,
      batch: (entries, at) => taskListJson(entries, at, TASK_DTO),
    }),
  callbacks: {
    events: ['completed', 'failed'],
    payload: (task, status) => toGeneration(task, status, { failureReason: true }),
  },
  renderError: renderNewApiError,
};
