import { describe, expect, it } from 'vitest';
import { makeMock, QUEUE_MS, RENDER_MS, START } from './support/mock.js';

describe('the admin API', () => {
  it('advances a manual clock and answers the new time', async () => {
    const mock = makeMock();
    const res = await mock.http.post('/__admin/clock/advance').send({ ms: 90_000 });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ now: new Date(START + 90_000).toISOString() });
    const clock = await mock.http.get('/__admin/clock');
    expect(clock.body).toMatchObject({ now: res.body.now, mode: 'manual', frozen: true });
  });

  it('refuses an advance without a valid ms, naming it', async () => {
    const mock = makeMock();
    for (const body of [{}, { ms: -5 }, { ms: 'ten' }]) {
      const res = await mock.http.post('/__admin/clock/advance').send(body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/^ms /);
    }
    expect((await mock.http.get('/__admin/clock')).body.now).toBe(new Date(START).toISOString());
  });

  it('lists every profile’s tasks with their state as of now', async () => {
    const mock = makeMock();
    const y = (await mock.post('/yunwu/luma/generations', { user_prompt: 'a' })).body.id;
    const a = (await mock.post('/acedata/luma/videos', { prompt: 'b', async: true })).body.task_id;
    mock.advance(QUEUE_MS);
    const { body } = await mock.http.get('/__admin/tasks');
    expect(body.tasks).toHaveLength(2);
    expect(body.tasks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ profile: 'acedata', id: a, state: 'processing', progress: 0 }),
        expect.objectContaining({ profile: 'yunwu', id: y, state: 'processing', progress: 0 }),
      ]),
    );
    mock.advance(RENDER_MS);
    const later = await mock.http.get('/__admin/tasks');
    expect(later.body.tasks.map((t: { state: string }) => t.state)).toEqual([
      'completed',
      'completed',
    ]);
  });

  it('reset forgets every task of every profile', async () => {
    const mock = makeMock();
    const { id } = (await mock.post('/gptge/luma/generations', { user_prompt: 'a' })).body;
    expect((await mock.http.post('/__admin/reset')).status).toBe(200);
    expect((await mock.http.get('/__admin/tasks')).body).toEqual({ tasks: [] });
    expect((await mock.get(`/gptge/luma/generations/${id}`)).status).toBe(404);
  });

  it('answers unknown admin routes and malformed bodies in JSON', async () => {
    const mock = makeMock();
    expect((await mock.http.get('/__admin/nothing')).status).toBe(404);
    const res = await mock.http
      .post('/__admin/clock/advance')
      .set('Content-Type', 'application/json')
      .send('{"ms":');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('bad_request');
  });
});
