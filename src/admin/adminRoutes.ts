import { type Request, type Response, Router } from 'express';
import { MockError } from '../core/errors.js';
import type { Task } from '../core/task.js';
import type { MockDeps } from '../server/createDeps.js';
import { describeIssues, schemaId } from '../validation/schemas.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** `/__admin`: the clock, the tasks, and reset. */
export function adminRoutes(deps: MockDeps): Router {
  const router = Router();
  const { clock, engine, store, schemas } = deps;

  function body<T>(req: Request, path: string): T {
    const issues = schemas.validate(schemaId(path), req.body ?? {});
    if (issues.length > 0) throw new MockError('bad_request', describeIssues(issues), { issues });
    return req.body as T;
  }

  function describeTask(task: Task, now: number) {
    const status = engine.status(task, now);
    return {
      profile: task.profile,
      id: task.id,
      state: status.phase,
      progress: status.progress,
      action: task.input.action,
      prompt: task.input.prompt,
      created_at: iso(task.createdAt),
      started_at: iso(status.startedAt),
      ended_at: iso(status.endedAt),
      plan: task.plan,
    };
  }

  router.get('/clock', (_req, res: Response) => {
    const { now, ...rest } = clock.snapshot();
    res.json({ now: iso(now), ...rest });
  });

  router.post('/clock/advance', (req: Request, res: Response) => {
    const { ms } = body<{ ms: number }>(req, 'admin/clock-advance-request.json');
    res.json({ now: iso(clock.advance(ms)) });
  });

  router.post('/reset', (_req, res: Response) => {
    store.clear();
    res.json({ reset: true });
  });

  router.get('/tasks', (_req, res: Response) => {
    const now = clock.now();
    res.json({ tasks: Array.from(store.all(), (task) => describeTask(task, now)) });
  });

  return router;
}
