import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  expectSchema,
  type Mock,
  makeMock,
  nextCreated,
  QUEUE_MS,
  RENDER_MS,
  START,
  shapeOf,
} from '../support/mock.js';

const fixture = (path: string) =>
  JSON.parse(readFileSync(new URL(`../../fixtures/acedata/${path}`, import.meta.url), 'utf8'));

describe('/acedata', () => {
  let mock: Mock;
  const videos = (body: object) => mock.post('/acedata/luma/videos', body);
  const retrieve = (id: string) => mock.post('/acedata/luma/tasks', { id, action: 'retrieve' });

  beforeEach(() => {
    mock = makeMock();
  });

  describe('POST /luma/videos, asynchronous', () => {
    it('answers {task_id} at once with async: true', async () => {
      const res = await videos({ prompt: 'Astronauts shuttle from space to volcano', async: true });
      expect(res.status).toBe(200);
      expectSchema('acedata/videos-async-response.json', res.body);
    });

    it('answers {task_id} at once when a callback_url is given', async () => {
      const res = await videos({ prompt: 'x', callback_url: 'https://example.test/hook' });
      expect(res.status).toBe(200);
      expect(Object.keys(res.body)).toEqual(['task_id']);
    });

    it('refuses a generate without prompt in AceData’s words', async () => {
      const res = await videos({ action: 'generate', async: true });
      expect(res.status).toBe(400);
      expectSchema('acedata/error.json', res.body);
      expect(res.body).toMatchObject({
        success: false,
        error: { code: 'bad_request', message: 'prompt is required' },
      });
    });

    it('refuses wrong types, naming each field', async () => {
      const res = await videos({ prompt: 'x', loop: 'no', timeout: 'soon', async: true });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain('loop must be boolean');
      expect(res.body.error.message).toContain('timeout must be number');
    });
  });

  describe('POST /luma/tasks', () => {
    it('shows a pending task with no response and no start or end times', async () => {
      const { task_id } = (await videos({ prompt: 'x', async: true })).body;
      const res = await retrieve(task_id);
      expect(res.status).toBe(200);
      expectSchema('acedata/task.json', res.body);
      expect(res.body).not.toHaveProperty('response');
      expect(res.body).not.toHaveProperty('started_at');
      expect(res.body).not.toHaveProperty('finished_at');
      expect(res.body).not.toHaveProperty('elapsed');
      expect(res.body.created_at).toBe(START / 1000);
      expect(res.body.request).toEqual({ prompt: 'x', async: true });
    });

    it('shows a running task with response.state processing and its start time', async () => {
      const { task_id } = (await videos({ prompt: 'x', async: true })).body;
      mock.advance(QUEUE_MS);
      const { body } = await retrieve(task_id);
      expectSchema('acedata/task.json', body);
      expect(body.response).toMatchObject({ task_id, state: 'processing' });
      expect(body.response).not.toHaveProperty('video_url');
      expect(body.started_at).toBe((START + QUEUE_MS) / 1000);
      expect(body).not.toHaveProperty('finished_at');
    });

    it('answers a completed task key by key and type by type as AceData’s example', async () => {
      const sent = { action: 'generate', prompt: 'Astronauts shuttle from space to volcano' };
      const { task_id } = (await videos({ ...sent, callback_url: 'https://x.test/hook' })).body;
      mock.advance(QUEUE_MS + RENDER_MS);
      const { body } = await retrieve(task_id);
      expectSchema('acedata/task.json', body);
      // `request` is the body as the client sent it; the rest must match the doc's example,
      // which predates the started_at and elapsed of AceData's newer doc.
      const drop = { request: undefined, started_at: undefined, elapsed: undefined };
      expect({ ...(shapeOf(body) as object), ...drop }).toEqual({
        ...(shapeOf(fixture('tasks-retrieve-response.json')) as object),
        ...drop,
      });
      expect(body.request).toEqual({ ...sent, callback_url: 'https://x.test/hook' });
      expect(body.response).toMatchObject({
        success: true,
        task_id,
        state: 'completed',
        video_width: 1360,
        video_height: 752,
        video_url: `https://platform.cdn.acedata.cloud/luma/${task_id}.mp4`,
        thumbnail_url: `https://platform.cdn.acedata.cloud/luma/${task_id}.jpg`,
      });
      expect(body._id).toMatch(/^[0-9a-f]{24}$/);
      expect(body.finished_at).toBe((START + QUEUE_MS + RENDER_MS) / 1000);
      expect(body.elapsed).toBe(RENDER_MS / 1000);
    });

    it('shows a failed task as success:false with the reason', async () => {
      mock = makeMock({ plan: { outcome: 'failed', failureReason: 'moderation: blocked' } });
      const { task_id } = (await videos({ prompt: 'x', async: true })).body;
      mock.advance(QUEUE_MS + RENDER_MS);
      const { body } = await retrieve(task_id);
      expectSchema('acedata/task.json', body);
      expect(body.response).toEqual({
        success: false,
        task_id,
        state: 'failed',
        error: { code: 'api_error', message: 'moderation: blocked' },
      });
      expect(body).toHaveProperty('finished_at');
    });

    it('retrieves a batch as {items, count}, leaving unknown ids out', async () => {
      const a = (await videos({ prompt: 'a', async: true })).body.task_id;
      const b = (await videos({ prompt: 'b', async: true })).body.task_id;
      mock.advance(QUEUE_MS + RENDER_MS);
      const res = await mock.post('/acedata/luma/tasks', {
        ids: [b, 'unknown', a],
        action: 'retrieve_batch',
      });
      expect(res.status).toBe(200);
      expectSchema('acedata/tasks-batch-response.json', res.body);
      expect(res.body.count).toBe(2);
      expect(res.body.items.map((item: { id: string }) => item.id)).toEqual([b, a]);
    });

    it('treats a body without action as a retrieve', async () => {
      const { task_id } = (await videos({ prompt: 'x', async: true })).body;
      const res = await mock.post('/acedata/luma/tasks', { id: task_id });
      expect(res.status).toBe(200);
      expect(res.body.id).toBe(task_id);
    });

    it('answers an unknown id with 404 in AceData’s envelope', async () => {
      const res = await retrieve('50fc6182-fa86-4c7d-ac12-2fa27ec2f151');
      expect(res.status).toBe(404);
      expectSchema('acedata/error.json', res.body);
      expect(res.body.error.code).toBe('not_found');
    });

    it('refuses a retrieve without id, and a batch without ids', async () => {
      expect(
        (await mock.post('/acedata/luma/tasks', { action: 'retrieve' })).body.error.message,
      ).toBe('id is required');
      const batch = await mock.post('/acedata/luma/tasks', { action: 'retrieve_batch' });
      expect(batch.status).toBe(400);
      expect(batch.body.error.message).toBe('ids is required');
    });
  });

  describe('POST /luma/videos, synchronous', () => {
    it('holds the request until the task completes on the clock', async () => {
      const created = nextCreated(mock);
      const pending = videos({ prompt: 'Astronauts shuttle from space to volcano' }).then((r) => r);
      const task = await created;
      let settled = false;
      void pending.then(() => {
        settled = true;
      });
      mock.advance(QUEUE_MS + RENDER_MS - 1);
      await new Promise((resolve) => setImmediate(resolve));
      expect(settled).toBe(false);
      mock.advance(1);
      const res = await pending;
      expect(res.status).toBe(200);
      expectSchema('acedata/videos-response.json', res.body);
      expect(res.body).toMatchObject({ success: true, task_id: task.id, state: 'completed' });
    });

    it('answers 504 timeout once `timeout` seconds of clock time pass first', async () => {
      const created = nextCreated(mock);
      const pending = videos({ prompt: 'x', timeout: 60 }).then((r) => r);
      const task = await created;
      mock.advance(60_000);
      const res = await pending;
      expect(res.status).toBe(504);
      expectSchema('acedata/error.json', res.body);
      expect(res.body).toMatchObject({
        success: false,
        task_id: task.id,
        error: { code: 'timeout' },
      });
      // The task itself goes on and can still be retrieved.
      expect((await retrieve(task.id)).body.response.state).toBe('processing');
    });

    it('answers a failed task with 500 api_error and the reason', async () => {
      mock = makeMock({ plan: { outcome: 'failed', failureReason: 'moderation: blocked' } });
      const created = nextCreated(mock);
      const pending = videos({ prompt: 'x' }).then((r) => r);
      await created;
      mock.advance(QUEUE_MS + RENDER_MS);
      const res = await pending;
      expect(res.status).toBe(500);
      expect(res.body.error).toEqual({ code: 'api_error', message: 'moderation: blocked' });
    });
  });

  describe('extend', () => {
    it('extends a completed video by its video_id', async () => {
      const { task_id } = (await videos({ prompt: 'x', async: true, aspect_ratio: '21:9' })).body;
      mock.advance(QUEUE_MS + RENDER_MS);
      const { video_id } = (await retrieve(task_id)).body.response;
      const res = await videos({ action: 'extend', video_id, prompt: 'more', async: true });
      expect(res.status).toBe(200);
      mock.advance(QUEUE_MS + RENDER_MS);
      const extended = (await retrieve(res.body.task_id)).body;
      expect(extended.request).toEqual({ action: 'extend', video_id, prompt: 'more', async: true });
      expect(extended.response).toMatchObject({ video_width: 1552, video_height: 656 });
    });

    it('refuses an extend without video_id or video_url, or with an unknown video_id', async () => {
      const neither = await videos({ action: 'extend', async: true });
      expect(neither.status).toBe(400);
      expect(neither.body.error.message).toBe('body needs one of video_id, video_url');
      const res = await videos({ action: 'extend', video_id: 'nope', async: true });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBe('video_id nope not found');
    });

    it('accepts an extend of any video_url', async () => {
      const res = await videos({
        action: 'extend',
        video_url: 'https://x.test/a.mp4',
        async: true,
      });
      expect(res.status).toBe(200);
    });
  });
});
