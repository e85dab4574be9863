import { acedataRoutes } from '../dialects/acedata/acedataRoutes.js';
import { renderAceDataError } from '../dialects/acedata/renderError.js';
import type { Profile } from './profile.js';

export const acedata: Profile = {
  name: 'acedata',
  basePath: '/acedata',
  dialect: 'acedata',
  routes: acedataRoutes,
  renderError: renderAceDataError,
};
