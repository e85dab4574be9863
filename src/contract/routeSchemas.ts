import { routePattern } from '../core/routePattern.js';

interface RouteSchema {
  readonly method: string;
  readonly route: string;
  readonly schema: string;
}

const relay = (batch?: string): RouteSchema[] => [
  { method: 'POST', route: '/luma/generations', schema: 'relay/generation-created.json' },
  {
    method: 'POST',
    route: '/luma/generations/:id/extend',
    schema: 'relay/generation-created.json',
  },
  {
    method: 'GET',
    route: '/luma/generations/:id/download_video_url',
    schema: 'relay/download-video-url-response.json',
  },
  { method: 'GET', route: '/luma/generations/:id', schema: 'relay/generation.json' },
  ...(batch ? [{ method: 'POST', route: '/luma/tasks', schema: batch }] : []),
];

/** For each profile: the schema of each route's successful answer. */
const ROUTES: Record<string, RouteSchema[]> = {
  acedata: [
    { method: 'POST', route: '/luma/videos', schema: 'acedata/videos-response.json' },
    { method: 'POST', route: '/luma/tasks', schema: 'acedata/task.json' },
  ],
  yunwu: relay('relay/tasks-response.json'),
  gptge: relay(),
  rixapi: relay('newapi/tasks-response.json'),
  lumalabs: [
    { method: 'GET', route: '/ping', schema: 'luma/ping.json' },
    { method: 'GET', route: '/credits', schema: 'luma/credits.json' },
    { method: 'GET', route: '/generations/concepts/list', schema: 'luma/string-list.json' },
    { method: 'GET', route: '/generations/camera_motion/list', schema: 'luma/string-list.json' },
    { method: 'GET', route: '/generations', schema: 'luma/generation-list.json' },
    { method: 'POST', route: '/generations', schema: 'luma/generation.json' },
    { method: 'POST', route: '/generations/video', schema: 'luma/generation.json' },
    { method: 'POST', route: '/generations/image', schema: 'luma/generation.json' },
    { method: 'POST', route: '/generations/:kind/:action', schema: 'luma/generation.json' },
    { method: 'GET', route: '/generations/:id', schema: 'luma/generation.json' },
  ],
};

const ERRORS: Record<string, string> = {
  acedata: 'acedata/error.json',
  yunwu: 'relay/error.json',
  gptge: 'relay/error.json',
  rixapi: 'newapi/error.json',
  lumalabs: 'luma/error.json',
};

const compiled = Object.fromEntries(
  Object.entries(ROUTES).map(([profile, routes]) => [
    profile,
    routes.map((r) => ({ ...r, pattern: routePattern(r.route) })),
  ]),
);

/**
 * The schema a vendor answer must satisfy, or undefined when the contract says nothing
 * (an unknown route, a 204). AceData's tasks route answers a batch when asked for one.
 */
export function schemaForAnswer(
  profile: string,
  method: string,
  path: string,
  status: number,
  requestBody?: unknown,
): { route: string; schema: string } | undefined {
  const match = compiled[profile]?.find((r) => r.method === method && r.pattern.test(path));
  if (!match || status === 204) return undefined;
  if (status >= 400) {
    const schema =
      profile === 'rixapi' && status === 401
        ? 'newapi/auth-error.json'
        : (ERRORS[profile] as string);
    return { route: `${method} ${match.route}`, schema };
  }
  const batch = (requestBody as { action?: string } | undefined)?.action === 'retrieve_batch';
  const async = (requestBody as { async?: boolean; callback_url?: string } | undefined) ?? {};
  let schema = match.schema;
  if (schema === 'acedata/task.json' && batch) schema = 'acedata/tasks-batch-response.json';
  if (schema === 'acedata/videos-response.json' && (async.async || async.callback_url)) {
    schema = 'acedata/videos-async-response.json';
  }
  return { route: `${method} ${match.route}`, schema };
}
