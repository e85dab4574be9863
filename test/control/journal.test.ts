import { describe, expect, it } from 'vitest';
import { makeMock, TOKEN } from '../support/mock.js';

describe('the request journal', () => {
  it('records every vendor request with clock and wall time, status, body, and no token', async () => {
    const mock = makeMock();
    const { id } = (await mock.post('/yunwu/luma/generations', { user_prompt: 'cat' })).body;
    mock.advance(5_000);
    await mock.get(`/yunwu/luma/generations/${id}?api_key=${TOKEN}&debug=1`);
    await mock.http.get('/acedata/luma/tasks');
    const { body } = await mock.http.get('/__admin/requests');
    expect(body.requests).toHaveLength(3);
    const [create, poll, unauthorized] = body.requests;
    expect(create).toMatchObject({
      profile: 'yunwu',
      method: 'POST',
      path: '/luma/generations',
      status: 200,
      body: { user_prompt: 'cat' },
      tasks: [id],
      created: id,
      clock_time: '2024-12-22T13:38:40.139Z',
    });
    expect(create.headers.authorization).toBe('[redacted]');
    expect(Date.parse(create.wall_time)).not.toBeNaN();
    expect(poll).toMatchObject({ status: 200, tasks: [id], created: null });
    expect(poll.query).toEqual({ api_key: '[redacted]', debug: '1' });
    expect(poll.clock_time).toBe('2024-12-22T13:38:45.139Z');
    expect(unauthorized).toMatchObject({ profile: 'acedata', status: 401 });
    expect(JSON.stringify(body)).not.toContain(TOKEN);
  });

  it('filters by profile, path, method and task', async () => {
    const mock = makeMock();
    const a = (await mock.post('/yunwu/luma/generations', { user_prompt: 'a' })).body.id;
    const b = (await mock.post('/gptge/luma/generations', { user_prompt: 'b' })).body.id;
    await mock.get(`/yunwu/luma/generations/${a}`);
    await mock.post('/yunwu/luma/tasks', { ids: [a, 'zzz'] });
    const list = async (query: string) =>
      (await mock.http.get(`/__admin/requests?${query}`)).body.requests.map(
        (r: { profile: string; path: string }) => `${r.profile} ${r.path}`,
      );
    expect(await list('profile=gptge')).toEqual(['gptge /luma/generations']);
    expect(await list(`task=${a}`)).toEqual([
      'yunwu /luma/generations',
      `yunwu /luma/generations/${a}`,
      'yunwu /luma/tasks',
    ]);
    expect(await list('path=/luma/tasks&method=post')).toEqual(['yunwu /luma/tasks']);
    expect(await list(`task=${b}&profile=yunwu`)).toEqual([]);
  });

  it('reports how a client polled a task, on the mock’s clock', async () => {
    const mock = makeMock();
    const { id } = (await mock.post('/rixapi/luma/generations', { user_prompt: 'x' })).body;
    for (const gap of [0, 5_000, 3_000, 10_000]) {
      mock.advance(gap);
      await mock.post('/rixapi/luma/tasks', { ids: [id] });
    }
    const { body } = await mock.http.get(`/__admin/tasks/rixapi/${id}/polls`);
    expect(body).toMatchObject({
      profile: 'rixapi',
      task: id,
      polls: 4,
      min_interval_ms: 3_000,
      intervals_ms: [5_000, 3_000, 10_000],
      first_poll: '2024-12-22T13:38:40.139Z',
    });
    expect(body.min_wall_interval_ms).toBeGreaterThanOrEqual(0);
  });

  it('is emptied by DELETE /__admin/requests and by reset, and keeps at most its limit', async () => {
    const mock = makeMock({ journalLimit: 3 });
    for (let i = 0; i < 5; i++) await mock.get(`/yunwu/luma/generations/n${i}`);
    const paths = (await mock.http.get('/__admin/requests')).body.requests.map(
      (r: { path: string }) => r.path,
    );
    expect(paths).toEqual(['/luma/generations/n2', '/luma/generations/n3', '/luma/generations/n4']);
    expect((await mock.http.delete('/__admin/requests')).status).toBe(204);
    expect((await mock.http.get('/__admin/requests')).body.requests).toEqual([]);
    await mock.get('/yunwu/luma/generations/x');
    await mock.http.post('/__admin/reset');
    expect((await mock.http.get('/__admin/requests')).body.requests).toEqual([]);
  });
});

describe('the clock controls', () => {
  it('set, freeze, resume and change speed, each answering the clock', async () => {
    const mock = makeMock();
    const set = await mock.http.post('/__admin/clock/set').send({ now: '2025-01-01T00:00:00Z' });
    expect(set.body).toMatchObject({ now: '2025-01-01T00:00:00.000Z', frozen: true });
    const speed = await mock.http.post('/__admin/clock/speed').send({ speed: 60 });
    expect(speed.body).toMatchObject({ speed: 60 });
    const resumed = await mock.http.post('/__admin/clock/resume');
    expect(resumed.body.frozen).toBe(false);
    const frozen = await mock.http.post('/__admin/clock/freeze');
    expect(frozen.body.frozen).toBe(true);
    const bad = await mock.http.post('/__admin/clock/speed').send({ speed: 0 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('speed must be > 0');
    const badSet = await mock.http.post('/__admin/clock/set').send({ now: 'tomorrow' });
    expect(badSet.body.error.message).toBe('now must match format "date-time"');
  });
});

describe('task controls', () => {
  it('seed a task with a given id mid-lifecycle, inspect it, and delete it', async () => {
    const mock = makeMock();
    const seeded = await mock.http.post('/__admin/tasks').send({
      profile: 'yunwu',
      id: 'e70fdf3c-ce95-4dd1-a967-220ce957aff5',
      prompt: '美人鱼',
      elapsed_ms: 70_000,
      outcome: 'failed',
      failure_reason: 'moderation: blocked',
      fail_at_progress: 80,
    });
    expect(seeded.status).toBe(201);
    expect(seeded.body).toMatchObject({ state: 'processing', progress: 50 });
    const { body } = await mock.get('/yunwu/luma/generations/e70fdf3c-ce95-4dd1-a967-220ce957aff5');
    expect(body).toMatchObject({ state: 'processing', request: { prompt: '美人鱼' } });
    mock.advance(36_000); // 10 s queued + 80% of 120 s rendering = 106 s after creation
    const inspected = await mock.http.get(
      '/__admin/tasks/yunwu/e70fdf3c-ce95-4dd1-a967-220ce957aff5',
    );
    expect(inspected.body).toMatchObject({ state: 'failed', progress: 80 });
    const deleted = await mock.http.delete(
      '/__admin/tasks/yunwu/e70fdf3c-ce95-4dd1-a967-220ce957aff5',
    );
    expect(deleted.status).toBe(204);
    expect(
      (await mock.get('/yunwu/luma/generations/e70fdf3c-ce95-4dd1-a967-220ce957aff5')).status,
    ).toBe(404);
  });

  it('seed AceData tasks with AceData’s own ids, retrievable by the vendor route', async () => {
    const mock = makeMock();
    const { body } = await mock.http
      .post('/__admin/tasks')
      .send({ profile: 'acedata', id: 'seeded-1', elapsed_ms: 10 ** 6 });
    expect(body.state).toBe('completed');
    const record = (await mock.post('/acedata/luma/tasks', { id: 'seeded-1' })).body;
    expect(record._id).toMatch(/^[0-9a-f]{24}$/);
    expect(record.response.state).toBe('completed');
  });

  it('refuse a duplicate id, an unknown profile, and unknown tasks', async () => {
    const mock = makeMock();
    await mock.http.post('/__admin/tasks').send({ profile: 'gptge', id: 'dup' });
    const dup = await mock.http.post('/__admin/tasks').send({ profile: 'gptge', id: 'dup' });
    expect(dup.status).toBe(400);
    expect(dup.body.error.message).toBe('task dup already exists on gptge');
    const bad = await mock.http.post('/__admin/tasks').send({ profile: 'mars' });
    expect(bad.body.error.message).toContain('profile must be one of');
    expect((await mock.http.get('/__admin/tasks/gptge/none')).status).toBe(404);
    expect((await mock.http.delete('/__admin/tasks/gptge/none')).status).toBe(404);
  });
});
