import type { Request, Response, Router } from 'express';
import { MockError } from '../../core/errors.js';
import type { TaskStatus } from '../../core/lifecycle.js';
import { type AspectRatio, DEFAULT_ASPECT_RATIO } from '../../core/media.js';
import { RenderCache } from '../../core/renderCache.js';
import type { Task } from '../../core/task.js';
import { assertValid } from '../../validation/schemas.js';
import {
  type BatchEntry,
  type DialectContext,
  findTask,
  now,
  origin,
  parseSeconds,
  type QueryAnswer,
  RENDER_CACHE_SIZE,
  readBody,
  sendAnswer,
  sendJson,
  touch,
  uniqueIds,
} from '../kit.js';
import { type GenerationOptions, toCreated, toGeneration, videoUrl } from './generation.js';

interface CreateBody {
  user_prompt: string;
  aspect_ratio?: AspectRatio;
  expand_prompt?: boolean;
  loop?: boolean;
  image_url?: string;
  image_end_url?: string;
  notify_hook?: string;
  model_name?: string;
  resolution?: string;
  duration?: string;
}

type ExtendBody = Partial<Pick<CreateBody, 'user_prompt' | 'notify_hook'>>;

export interface RelayRoutesOptions extends GenerationOptions {
  /** The JSON of POST /luma/tasks; absent where the vendor has no batch route. */
  readonly batch?: (entries: BatchEntry[], at: number) => readonly Uint8Array[];
}

/**
 * The relay "official format" of Luma-API and its descendants (yunwu, api.gpt.ge, RixAPI):
 * create, extend, get, and the watermark-free download URL.
 */
export function relayRoutes(ctx: DialectContext, options: RelayRoutesOptions): Router {
  const { router } = ctx;
  const cache = new RenderCache(RENDER_CACHE_SIZE);
  const generationJson = (task: Task, status: TaskStatus) =>
    cache.json(task, status.phase, () => toGeneration(task, status, options));

  router.post('/luma/generations', (req: Request, res: Response) => {
    const body = readBody<CreateBody>(ctx, req, 'relay/generation-create-request.json');
    const task = ctx.engine.create({
      profile: ctx.profile,
      ...origin(req, res),
      request: body,
      input: {
        action: 'generate',
        prompt: body.user_prompt,
        aspectRatio: body.aspect_ratio ?? DEFAULT_ASPECT_RATIO,
        seconds: parseSeconds(body.duration),
        loop: body.loop ?? false,
        sourceId: null,
        callbackUrl: body.notify_hook ?? null,
      },
    });
    touch(res, [], task);
    res.json(toCreated(task));
  });

  router.post('/luma/generations/:id/extend', (req: Request<{ id: string }>, res: Response) => {
    const body = readBody<ExtendBody>(ctx, req, 'relay/generation-extend-request.json');
    const source = findTask(ctx, req.params.id, 'generation');
    if (ctx.engine.status(source).phase !== 'completed') {
      throw new MockError('bad_request', `generation ${source.id} has not completed`);
    }
    const task = ctx.engine.create({
      profile: ctx.profile,
      ...origin(req, res),
      request: body,
      input: {
        ...source.input,
        action: 'extend',
        prompt: body.user_prompt ?? '',
        sourceId: source.id,
        callbackUrl: body.notify_hook ?? null,
      },
    });
    touch(res, [source], task);
    res.json(toCreated(task));
  });

  ctx.fastPolls?.push({
    prefix: '/luma/generations/',
    answer(id) {
      const task = ctx.engine.get(ctx.profile, id);
      return task && { task, json: generationJson(task, ctx.engine.status(task)) };
    },
  });

  router.get('/luma/generations/:id', (req: Request<{ id: string }>, res: Response) => {
    const task = findTask(ctx, req.params.id, 'generation');
    touch(res, [task]);
    sendJson(res, generationJson(task, ctx.engine.status(task)));
  });

  router.get(
    '/luma/generations/:id/download_video_url',
    (req: Request<{ id: string }>, res: Response) => {
      const task = findTask(ctx, req.params.id, 'generation');
      touch(res, [task]);
      if (ctx.engine.status(task).phase !== 'completed') {
        throw new MockError('bad_request', `generation ${task.id} has no video yet`);
      }
      res.json({ url: videoUrl(task) });
    },
  );

  const { batch } = options;
  if (batch) {
    const query = (sent: unknown): QueryAnswer => {
      const body = assertValid<{ ids: string[] }>(
        ctx.schemas,
        'relay/tasks-request.json',
        sent ?? {},
      );
      const at = now(ctx);
      const entries: BatchEntry[] = [];
      for (const id of uniqueIds(body.ids)) {
        const task = ctx.engine.get(ctx.profile, id);
        if (!task) continue;
        const status = ctx.engine.status(task, at);
        entries.push({ task, status, json: generationJson(task, status) });
      }
      return { json: batch(entries, at), tasks: entries.map((entry) => entry.task) };
    };
    ctx.fastQueries?.push({ path: '/luma/tasks', answer: query });
    router.post('/luma/tasks', (req: Request, res: Response) => {
      sendAnswer(res, query(req.body));
    });
  }

  return router;
}
