import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectSchema, makeMock, QUEUE_MS, RENDER_MS, START } from '../support/mock.js';

const example = JSON.parse(
  readFileSync(new URL('../../fixtures/rixapi/tasks-response.json', import.meta.url), 'utf8'),
);

describe('/rixapi POST /luma/tasks: the new-api task wrapper', () => {
  it('wraps each task in {code, message, data} with the fields of RixAPI’s example', async () => {
    const mock = makeMock();
    const { id } = (await mock.post('/rixapi/luma/generations', { user_prompt: 'cat dance' })).body;
    const res = await mock.post('/rixapi/luma/tasks', { ids: [id] });
    expect(res.status).toBe(200);
    expectSchema('newapi/tasks-response.json', res.body);
    expect(res.body).toMatchObject({ code: 'success', message: '' });
    const [task] = res.body.data;
    for (const key of Object.keys(example.data[0])) expect(task).toHaveProperty(key);
    expect(task).toMatchObject({
      id: 1,
      task_id: id,
      platform: 'luma_free',
      action: 'LUMA_VIDEO',
      status: 'NOT_START',
      fail_reason: '',
      submit_time: Math.floor(START / 1000),
      start_time: 0,
      finish_time: 0,
      progress: '0%',
      created_at: new Date(START).toISOString(),
    });
    expect(task.data).toMatchObject({ id, state: 'pending' });
    expectSchema('relay/generation.json', task.data);
  });

  it('moves NOT_START → SUBMITTED → IN_PROGRESS → SUCCESS, progress rising to 100%', async () => {
    const mock = makeMock();
    const { id } = (await mock.post('/rixapi/luma/generations', { user_prompt: 'x' })).body;
    const seen: [string, string, string][] = [];
    for (const step of [0, QUEUE_MS / 2, QUEUE_MS / 2, RENDER_MS / 4, RENDER_MS / 4, RENDER_MS]) {
      mock.advance(step);
      const [task] = (await mock.post('/rixapi/luma/tasks', { ids: [id] })).body.data;
      expectSchema('newapi/task.json', task);
      seen.push([task.status, task.progress, task.data.state]);
    }
    expect(seen).toEqual([
      ['NOT_START', '0%', 'pending'],
      ['SUBMITTED', '0%', 'pending'],
      ['IN_PROGRESS', '0%', 'processing'],
      ['IN_PROGRESS', '25%', 'processing'],
      ['IN_PROGRESS', '50%', 'processing'],
      ['SUCCESS', '100%', 'completed'],
    ]);
    const [done] = (await mock.post('/rixapi/luma/tasks', { ids: [id] })).body.data;
    expect(done.start_time).toBe(Math.floor((START + QUEUE_MS) / 1000));
    expect(done.finish_time).toBe(Math.floor((START + QUEUE_MS + RENDER_MS) / 1000));
    expect(done.updated_at).toBe(new Date(START + QUEUE_MS + RENDER_MS).toISOString());
  });

  it('reports a failure at 60% as FAILURE, 100%, with the reason', async () => {
    const mock = makeMock({
      plan: { outcome: 'failed', failAtProgress: 60, failureReason: 'moderation: blocked' },
    });
    const { id } = (await mock.post('/rixapi/luma/generations', { user_prompt: 'x' })).body;
    mock.advance(QUEUE_MS + RENDER_MS * 0.6);
    const [task] = (await mock.post('/rixapi/luma/tasks', { ids: [id] })).body.data;
    expect(task).toMatchObject({
      status: 'FAILURE',
      progress: '100%',
      fail_reason: 'moderation: blocked',
      finish_time: Math.floor((START + QUEUE_MS + RENDER_MS * 0.6) / 1000),
    });
    expect(task.data).toMatchObject({ state: 'failed', failure_reason: 'moderation: blocked' });
  });

  it('numbers tasks in creation order and leaves unknown ids out', async () => {
    const mock = makeMock();
    const a = (await mock.post('/rixapi/luma/generations', { user_prompt: 'a' })).body.id;
    const b = (await mock.post('/rixapi/luma/generations', { user_prompt: 'b' })).body.id;
    const res = await mock.post('/rixapi/luma/tasks', { ids: [b, 'missing', a] });
    expect(res.body.data.map((t: { id: number; task_id: string }) => [t.id, t.task_id])).toEqual([
      [2, b],
      [1, a],
    ]);
  });

  it('answers an unknown single task as new-api does: 400 task_not_exist', async () => {
    const res = await makeMock().get('/rixapi/luma/generations/nope');
    expect(res.status).toBe(400);
    expectSchema('newapi/error.json', res.body);
    expect(res.body).toMatchObject({ code: 'task_not_exist', data: null });
  });
});
