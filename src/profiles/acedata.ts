import { acedataRoutes } from '../dialects/acedata/acedataRoutes.js';
import { ACEDATA_TASK_IDS, toResult } from '../dialects/acedata/record.js';
import { renderAceDataError } from '../dialects/acedata/renderError.js';
import type { Profile } from './profile.js';

export const acedata: Profile = {
  name: 'acedata',
  basePath: '/acedata',
  dialect: 'acedata',
  routes: acedataRoutes,
  renderError: renderAceDataError,
  // The docs: the finished result object is POSTed to callback_url, task_id included.
  callbacks: { events: ['completed', 'failed'], payload: toResult },
  taskIds: ACEDATA_TASK_IDS,
};
