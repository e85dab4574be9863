import type { Request, Response, Router } from 'express';
import { MockError } from '../../core/errors.js';
import { type AspectRatio, DEFAULT_ASPECT_RATIO } from '../../core/media.js';
import { RenderCache } from '../../core/renderCache.js';
import type { Task, TaskInput } from '../../core/task.js';
import { assertValid } from '../../validation/schemas.js';
import {
  type DialectContext,
  findTask,
  joinJson,
  now,
  origin,
  parseSeconds,
  RENDER_CACHE_SIZE,
  sendJson,
  touch,
} from '../kit.js';
import { CAMERA_MOTIONS, CONCEPTS, COSTS, STARTING_CREDITS } from './catalog.js';
import { kindOf, type LumaKind, toGeneration } from './generation.js';

type Keyframe = { type: 'generation'; id: string } | { type: 'image'; url: string };

interface CreateBody {
  model: string;
  prompt?: string;
  aspect_ratio?: AspectRatio;
  loop?: boolean;
  keyframes?: { frame0?: Keyframe; frame1?: Keyframe };
  resolution?: string;
  duration?: string;
  callback_url?: string;
}

const MAX_LIMIT = 1000;

/** Luma's own Dream Machine API v1, as the `lumaai` SDK calls it. */
export function lumaRoutes(ctx: DialectContext): Router {
  const { router } = ctx;
  const { engine, profile } = ctx;
  const cache = new RenderCache(RENDER_CACHE_SIZE);
  const generationJson = (task: Task, at = engine.clock.now()) => {
    const status = engine.status(task, at);
    return cache.json(task, status.phase, () => toGeneration(task, status));
  };
  let spent = 0;
  engine.on('created', (task) => {
    if (task.profile === profile) spent += COSTS[kindOf(task).generation_type] ?? 0;
  });
  engine.on('cleared', () => {
    spent = 0;
  });

  /** A completed generation of this profile, or the 400 Luma gives for a bad reference. */
  function completedSource(id: string): Task {
    const task = engine.get(profile, id);
    if (!task) throw new MockError('bad_request', `Generation ${id} not found`);
    if (engine.status(task).phase !== 'completed') {
      throw new MockError('bad_request', `Generation ${id} is not completed`);
    }
    return task;
  }

  function make(
    req: Request,
    res: Response,
    body: { prompt?: string; aspect_ratio?: AspectRatio; callback_url?: string },
    kind: LumaKind,
    more: Partial<TaskInput> = {},
  ): Task {
    const task = engine.create({
      profile,
      ...origin(req, res),
      request: body,
      input: {
        action: 'generate',
        prompt: body.prompt ?? '',
        aspectRatio: body.aspect_ratio ?? DEFAULT_ASPECT_RATIO,
        seconds: 5,
        loop: false,
        sourceId: null,
        callbackUrl: body.callback_url ?? null,
        ...more,
      },
      vendor: () => ({ ...kind }),
    });
    touch(res, [], task);
    return task;
  }

  const answer = (res: Response, task: Task, status = 201) => {
    sendJson(res, generationJson(task), status);
  };

  const createVideo = (legacy: boolean) => (req: Request, res: Response) => {
    const raw = (req.body ?? {}) as Record<string, unknown>;
    // The 2024 API defaulted the model; the SDK has required it since /generations/video.
    const sent = legacy && raw.model === undefined ? { model: 'ray-1-6', ...raw } : raw;
    const body = assertValid<CreateBody>(ctx.schemas, 'luma/video-create-request.json', sent);
    const { frame0, frame1 } = body.keyframes ?? {};
    const sources = [frame0, frame1].flatMap((frame) =>
      frame?.type === 'generation' ? [completedSource(frame.id)] : [],
    );
    const [source] = sources;
    const task = make(
      req,
      res,
      body,
      { generation_type: 'video', model: body.model },
      {
        action: source ? 'extend' : 'generate',
        aspectRatio: body.aspect_ratio ?? source?.input.aspectRatio ?? DEFAULT_ASPECT_RATIO,
        seconds: parseSeconds(body.duration),
        loop: body.loop ?? false,
        sourceId: source?.id ?? null,
      },
    );
    touch(res, sources);
    answer(res, task);
  };

  /** A create of another kind: the body checked against `schema`, the generation typed `type`. */
  const createOther = (schema: string, type: string) => (req: Request, res: Response) => {
    const body = assertValid<CreateBody>(ctx.schemas, schema, req.body ?? {});
    answer(res, make(req, res, body, { generation_type: type, model: body.model }));
  };

  /** Upscale and add-audio: a new generation made from a completed one. */
  const derive =
    (schema: string, type: string) => (req: Request<{ id: string }>, res: Response) => {
      const body = assertValid<CreateBody>(ctx.schemas, schema, req.body ?? {});
      const source = findTask(ctx, req.params.id, 'Generation');
      completedSource(source.id);
      const task = make(
        req,
        res,
        body,
        { generation_type: type, model: kindOf(source).model },
        {
          ...source.input,
          action: 'extend',
          sourceId: source.id,
          callbackUrl: body.callback_url ?? null,
        },
      );
      touch(res, [source]);
      answer(res, task, 200);
    };

  router.get('/ping', (_req, res: Response) => {
    res.json({ message: 'pong' });
  });
  router.get('/credits', (_req, res: Response) => {
    res.json({ credit_balance: STARTING_CREDITS - spent });
  });
  router.get('/generations/concepts/list', (_req, res: Response) => {
    res.json(CONCEPTS);
  });
  router.get('/generations/camera_motion/list', (_req, res: Response) => {
    res.json(CAMERA_MOTIONS);
  });

  router.post('/generations', createVideo(true));
  router.post('/generations/video', createVideo(false));
  router.post('/generations/image', createOther('luma/image-create-request.json', 'image'));
  router.post(
    '/generations/image/reframe',
    createOther('luma/reframe-request.json#/definitions/image', 'reframe_image'),
  );
  router.post(
    '/generations/video/reframe',
    createOther('luma/reframe-request.json#/definitions/video', 'reframe_video'),
  );
  router.post('/generations/video/modify', createOther('luma/modify-request.json', 'modify_video'));
  router.post('/generations/:id/upscale', derive('luma/upscale-request.json', 'upscale_video'));
  router.post('/generations/:id/audio', derive('luma/audio-request.json', 'add_audio'));

  router.get('/generations', (req: Request, res: Response) => {
    const limit = pageParam(req, 'limit', 100, 1, MAX_LIMIT);
    const offset = pageParam(req, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
    const at = now(ctx);
    const all = engine.store.list(profile).reverse();
    const page = all.slice(offset, offset + limit);
    touch(res, page);
    const more = offset + page.length < all.length;
    const tail = `],"count":${all.length},"has_more":${more},"limit":${limit},"offset":${offset}}`;
    sendJson(
      res,
      joinJson(
        '{"generations":[',
        page.map((task) => generationJson(task, at)),
        tail,
      ),
    );
  });

  ctx.fastPolls?.push({
    prefix: '/generations/',
    answer(id) {
      const task = engine.get(profile, id);
      return task && { task, json: generationJson(task) };
    },
  });

  router.get('/generations/:id', (req: Request<{ id: string }>, res: Response) => {
    const task = findTask(ctx, req.params.id, 'Generation');
    touch(res, [task]);
    answer(res, task, 200);
  });

  router.delete('/generations/:id', (req: Request<{ id: string }>, res: Response) => {
    const task = findTask(ctx, req.params.id, 'Generation');
    touch(res, [task]);
    engine.delete(profile, task.id);
    res.status(204).end();
  });

  return router;
}

/** A whole-number query parameter within bounds; anything else is Luma's 422. */
function pageParam(req: Request, name: string, fallback: number, min: number, max: number): number {
  const raw = req.query[name];
  if (raw === undefined) return fallback;
  const value = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(value >= min && value <= max)) {
    const message = `${name} must be a whole number from ${min} to ${max === Number.MAX_SAFE_INTEGER ? 'up' : max}`;
    throw new MockError('bad_request', message, { issues: [{ location: `/${name}`, message }] });
  }
  return value;
}
