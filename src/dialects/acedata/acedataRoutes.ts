import type { Request, Response, Router } from 'express';
import { MockError } from '../../core/errors.js';
import { milestones } from '../../core/lifecycle.js';
import { type AspectRatio, DEFAULT_ASPECT_RATIO } from '../../core/media.js';
import { RenderCache } from '../../core/renderCache.js';
import type { Task } from '../../core/task.js';
import { assertValid } from '../../validation/schemas.js';
import {
  type DialectContext,
  findTask,
  joinJson,
  now,
  origin,
  type QueryAnswer,
  RENDER_CACHE_SIZE,
  readBody,
  sendAnswer,
  touch,
  uniqueIds,
} from '../kit.js';
import { ACEDATA_TASK_IDS, drawAccount, toRecord, toResult } from './record.js';

interface VideosBody {
  action?: 'generate' | 'extend';
  prompt?: string;
  aspect_ratio?: AspectRatio;
  loop?: boolean;
  enhancement?: boolean;
  start_image_url?: string;
  end_image_url?: string;
  video_id?: string;
  video_url?: string;
  callback_url?: string;
  timeout?: number;
  async?: boolean;
}

type TasksBody = { action?: 'retrieve'; id: string } | { action: 'retrieve_batch'; ids: string[] };

/** Seconds a synchronous create is held before AceData gives up with 504 `timeout`. */
const DEFAULT_TIMEOUT_SECONDS = 300;

/** AceData Cloud: POST /luma/videos (sync, async, callback) and POST /luma/tasks. */
export function acedataRoutes(ctx: DialectContext): Router {
  const { router } = ctx;
  const account = drawAccount(ctx.engine.random);
  const cache = new RenderCache(RENDER_CACHE_SIZE);
  const recordJson = (task: Task, at: number) => {
    const status = engine.status(task, at);
    return cache.json(task, status.phase, () => toRecord(task, status, account));
  };
  const { engine, scheduler, profile } = ctx;

  function extendSource(body: VideosBody): Task | null {
    if (body.action !== 'extend' || body.video_id === undefined) return null;
    const source = engine.store.byAlias(profile, body.video_id);
    if (!source) throw new MockError('bad_request', `video_id ${body.video_id} not found`);
    if (engine.status(source).phase !== 'completed') {
      throw new MockError('bad_request', `video_id ${body.video_id} has not completed`);
    }
    return source;
  }

  /** Answers once the task ends on the clock, or with 504 when `timeout` clock seconds pass first. */
  async function holdUntilEnded(task: Task, timeoutSeconds: number, res: Response): Promise<void> {
    const gone = new AbortController();
    res.on('close', () => gone.abort());
    const deadline = task.createdAt + timeoutSeconds * 1000;
    await scheduler.until(
      Math.min(milestones(task.createdAt, task.plan).endAt, deadline),
      gone.signal,
    );
    if (gone.signal.aborted) return;
    const status = engine.status(task);
    if (status.phase === 'completed') {
      res.json(toResult(task, status));
    } else if (status.phase === 'failed') {
      throw new MockError('task_failed', task.plan.failureReason, { taskId: task.id });
    } else {
      throw new MockError('timeout', 'Timeout to generate the image.', { taskId: task.id });
    }
  }

  router.post('/luma/videos', async (req: Request, res: Response) => {
    const body = readBody<VideosBody>(ctx, req, 'acedata/videos-request.json');
    const action = body.action ?? 'generate';
    const source = extendSource(body);
    const task = engine.create({
      profile,
      ...origin(req, res),
      request: body,
      input: {
        action,
        prompt: body.prompt ?? '',
        aspectRatio: body.aspect_ratio ?? source?.input.aspectRatio ?? DEFAULT_ASPECT_RATIO,
        seconds: 5,
        loop: body.loop ?? false,
        sourceId: source?.id ?? null,
        callbackUrl: body.callback_url ?? null,
      },
      ...ACEDATA_TASK_IDS,
    });
    touch(res, source ? [source] : [], task);
    if (body.async === true || body.callback_url !== undefined) {
      res.json({ task_id: task.id });
      return;
    }
    await holdUntilEnded(task, body.timeout ?? DEFAULT_TIMEOUT_SECONDS, res);
  });

  const query = (sent: unknown): QueryAnswer => {
    const body = assertValid<TasksBody>(ctx.schemas, 'acedata/tasks-request.json', sent ?? {});
    const at = now(ctx);
    if (body.action === 'retrieve_batch') {
      const tasks = uniqueIds(body.ids).flatMap((id) => engine.get(profile, id) ?? []);
      const items = tasks.map((task) => recordJson(task, at));
      return { json: joinJson('{"items":[', items, `],"count":${items.length}}`), tasks };
    }
    const task = findTask(ctx, body.id);
    return { json: recordJson(task, at), tasks: [task] };
  };
  ctx.fastQueries?.push({ path: '/luma/tasks', answer: query });
  router.post('/luma/tasks', (req: Request, res: Response) => {
    sendAnswer(res, query(req.body));
  });

  return router;
}
