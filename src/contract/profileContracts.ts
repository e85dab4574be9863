import type { Phase } from '../core/lifecycle.js';

export type Method = 'GET' | 'POST' | 'DELETE';

/** One call the contract makes, and what its answer must be. */
export interface RouteCheck {
  /** The route as documented, e.g. `GET /luma/generations/{id}`. */
  readonly route: string;
  readonly method: Method;
  /** The path under the base URL. */
  readonly path: string;
  readonly body?: unknown;
  /** The expected status. */
  readonly status: number;
  /** The schema the answer must satisfy, under `schemas/`. */
  readonly schema: string;
}

/** What the lifecycle laws look at in one answer about one task. */
export interface Observation {
  readonly phase: Phase | 'unknown';
  readonly progress: number | null;
  readonly hasMedia: boolean;
}

export interface ProfileContract {
  readonly profile: string;
  single(id: string): RouteCheck;
  batch?(ids: readonly string[]): RouteCheck;
  readonly create: RouteCheck & { idOf(body: unknown): string | undefined };
  /** The task in a single answer. */
  observe(body: unknown): Observation;
  /** Each task of a batch answer, by id. */
  observeBatch?(body: unknown): [string, Observation][];
}

type Json = Record<string, unknown> | null | undefined;
const PHASES: readonly string[] = ['pending', 'processing', 'completed', 'failed'];
const phaseOf = (word: unknown, words: Record<string, Phase> = {}): Phase | 'unknown' => {
  const mapped = typeof word === 'string' ? (words[word] ?? word) : undefined;
  return mapped !== undefined && PHASES.includes(mapped) ? (mapped as Phase) : 'unknown';
};
const PROMPT = 'luma-mock contract check: a red kite over a cliff';

function relayObservation(body: unknown): Observation {
  const g = body as Json;
  return { phase: phaseOf(g?.state), progress: null, hasMedia: g?.video != null };
}

function relay(profile: string, batch?: 'array' | 'newapi'): ProfileContract {
  const single = (id: string): RouteCheck => ({
    route: 'GET /luma/generations/{id}',
    method: 'GET',
    path: `/luma/generations/${encodeURIComponent(id)}`,
    status: 200,
    schema: 'relay/generation.json',
  });
  const contract: ProfileContract = {
    profile,
    single,
    create: {
      route: 'POST /luma/generations',
      method: 'POST',
      path: '/luma/generations',
      body: { user_prompt: PROMPT, aspect_ratio: '16:9' },
      status: 200,
      schema: 'relay/generation-created.json',
      idOf: (body) => (body as Json)?.id as string | undefined,
    },
    observe: relayObservation,
  };
  if (!batch) return contract;
  const batchCheck = (ids: readonly string[]): RouteCheck => ({
    route: 'POST /luma/tasks',
    method: 'POST',
    path: '/luma/tasks',
    body: { ids },
    status: 200,
    schema: batch === 'array' ? 'relay/tasks-response.json' : 'newapi/tasks-response.json',
  });
  const observeBatch =
    batch === 'array'
      ? (body: unknown) =>
          (Array.isArray(body) ? body : []).map(
            (g: Json) => [String(g?.id), relayObservation(g)] as [string, Observation],
          )
      : (body: unknown) =>
          (((body as Json)?.data as Json[] | undefined) ?? []).map((t) => {
            const progress = Number.parseInt(String(t?.progress ?? ''), 10);
            const status = phaseOf(t?.status, NEWAPI_PHASES);
            return [
              String(t?.task_id),
              {
                phase: status,
                progress: Number.isNaN(progress) ? null : progress,
                hasMedia: (t?.data as Json)?.video != null,
              },
            ] as [string, Observation];
          });
  return { ...contract, batch: batchCheck, observeBatch };
}

const NEWAPI_PHASES: Record<string, Phase> = {
  NOT_START: 'pending',
  SUBMITTED: 'pending',
  QUEUED: 'pending',
  IN_PROGRESS: 'processing',
  SUCCESS: 'completed',
  FAILURE: 'failed',
};

function acedataObservation(body: unknown): Observation {
  const response = (body as Json)?.response as Json;
  const phase = !response
    ? 'pending'
    : response.success === false
      ? 'failed'
      : phaseOf(response.state);
  return { phase, progress: null, hasMedia: typeof response?.video_url === 'string' };
}

const acedata: ProfileContract = {
  profile: 'acedata',
  single: (id) => ({
    route: 'POST /luma/tasks (retrieve)',
    method: 'POST',
    path: '/luma/tasks',
    body: { id, action: 'retrieve' },
    status: 200,
    schema: 'acedata/task.json',
  }),
  batch: (ids) => ({
    route: 'POST /luma/tasks (retrieve_batch)',
    method: 'POST',
    path: '/luma/tasks',
    body: { ids, action: 'retrieve_batch' },
    status: 200,
    schema: 'acedata/tasks-batch-response.json',
  }),
  create: {
    route: 'POST /luma/videos (async)',
    method: 'POST',
    path: '/luma/videos',
    body: { action: 'generate', prompt: PROMPT, aspect_ratio: '16:9', async: true },
    status: 200,
    schema: 'acedata/videos-async-response.json',
    idOf: (body) => (body as Json)?.task_id as string | undefined,
  },
  observe: acedataObservation,
  observeBatch: (body) =>
    (((body as Json)?.items as Json[] | undefined) ?? []).map((record) => [
      String(record?.id),
      acedataObservation(record),
    ]),
};

const LUMA_PHASES: Record<string, Phase> = { queued: 'pending', dreaming: 'processing' };

const lumalabs: ProfileContract = {
  profile: 'lumalabs',
  single: (id) => ({
    route: 'GET /generations/{id}',
    method: 'GET',
    path: `/generations/${encodeURIComponent(id)}`,
    status: 200,
    schema: 'luma/generation.json',
  }),
  batch: () => ({
    route: 'GET /generations',
    method: 'GET',
    path: '/generations?limit=10&offset=0',
    status: 200,
    schema: 'luma/generation-list.json',
  }),
  create: {
    route: 'POST /generations/video',
    method: 'POST',
    path: '/generations/video',
    body: { model: 'ray-2', prompt: PROMPT, aspect_ratio: '16:9' },
    status: 201,
    schema: 'luma/generation.json',
    idOf: (body) => (body as Json)?.id as string | undefined,
  },
  observe: (body) => {
    const g = body as Json;
    const assets = g?.assets as Json;
    return {
      phase: phaseOf(g?.state, LUMA_PHASES),
      progress: null,
      hasMedia: assets?.video != null || assets?.image != null,
    };
  },
};

export const PROFILE_CONTRACTS: Readonly<Record<string, ProfileContract>> = {
  acedata,
  yunwu: relay('yunwu', 'array'),
  gptge: relay('gptge'),
  rixapi: relay('rixapi', 'newapi'),
  lumalabs,
};
