import { toGeneration } from '../dialects/luma/generation.js';
import { lumaRoutes } from '../dialects/luma/lumaRoutes.js';
import { renderLumaError } from '../dialects/luma/renderError.js';
import type { Profile } from './profile.js';

/** Luma's own Dream Machine API v1: point `LUMAAI_BASE_URL` here and the `lumaai` SDK works. */
export const lumalabs: Profile = {
  name: 'lumalabs',
  basePath: '/lumalabs/dream-machine/v1',
  dialect: 'luma',
  routes: lumaRoutes,
  renderError: renderLumaError,
  // Luma's changelog: the Generation is POSTed when it is dreaming, completed or failed.
  callbacks: { events: ['processing', 'completed', 'failed'], payload: toGeneration },
};
