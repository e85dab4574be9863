import { describe, expect, it } from 'vitest';
import { makeMock, QUEUE_MS, RENDER_MS } from '../support/mock.js';

const create = (mock: ReturnType<typeof makeMock>, prompt = 'cat dance', headers = {}) =>
  mock.post('/yunwu/luma/generations', { user_prompt: prompt }).set(headers);

const stateAfter = async (mock: ReturnType<typeof makeMock>, ids: string[], ms: number) => {
  mock.advance(ms);
  const res = await mock.post('/yunwu/luma/tasks', { ids });
  return res.body.map((g: { state: string }) => g.state);
};

describe('scenarios', () => {
  it('fail exactly the next create at 60% with the reason, then stop applying', async () => {
    const mock = makeMock();
    const added = await mock.http.post('/__admin/scenarios').send({
      profile: 'yunwu',
      outcome: 'failed',
      failure_reason: 'moderation: blocked',
      fail_at_progress: 60,
      times: 1,
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ id: expect.any(String), remaining: 1, used: 0 });
    const first = (await create(mock)).body.id;
    const second = (await create(mock)).body.id;
    expect(await stateAfter(mock, [first, second], QUEUE_MS + RENDER_MS * 0.6)).toEqual([
      'failed',
      'processing',
    ]);
    expect(await stateAfter(mock, [first, second], RENDER_MS)).toEqual(['failed', 'completed']);
    const { body } = await mock.http.get(`/__admin/tasks/yunwu/${first}`);
    expect(body).toMatchObject({ state: 'failed', progress: 60 });
    expect((await mock.http.get('/__admin/scenarios')).body).toEqual({ scenarios: [] });
  });

  it('match on profile, route and prompt pattern only', async () => {
    const mock = makeMock();
    await mock.http
      .post('/__admin/scenarios')
      .send({ profile: 'yunwu', prompt: '^doomed', stuck: true });
    await mock.http
      .post('/__admin/scenarios')
      .send({ route: '/luma/generations/:id/extend', outcome: 'failed' });
    const other = (await mock.post('/gptge/luma/generations', { user_prompt: 'doomed' })).body.id;
    const fine = (await create(mock, 'a doomed cat')).body.id;
    const stuck = (await create(mock, 'doomed cat')).body.id;
    mock.advance(QUEUE_MS + RENDER_MS);
    const extended = (await mock.post(`/yunwu/luma/generations/${fine}/extend`, {})).body.id;
    mock.advance(10 ** 7);
    const states = await mock.post('/yunwu/luma/tasks', { ids: [fine, stuck, extended] });
    expect(states.body.map((g: { state: string }) => g.state)).toEqual([
      'completed',
      'processing',
      'failed',
    ]);
    expect((await mock.get(`/gptge/luma/generations/${other}`)).body.state).toBe('completed');
  });

  it('are refused with 400 naming the bad field', async () => {
    const mock = makeMock();
    const cases: [object, string][] = [
      [{ outcome: 'exploded' }, 'outcome must be one of completed, failed'],
      [{ fail_at_progress: 140 }, 'fail_at_progress must be <= 100'],
      [{ profile: 'nowhere' }, 'profile must be one of'],
      [{ times: 0 }, 'times must be >= 1'],
      [{ outcom: 'failed' }, 'outcom is not allowed'],
      [{ prompt: '(unclosed' }, 'prompt is not a valid regular expression'],
    ];
    for (const [body, message] of cases) {
      const res = await mock.http.post('/__admin/scenarios').send(body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(message);
    }
    expect((await mock.http.get('/__admin/scenarios')).body.scenarios).toEqual([]);
  });

  it('can be removed, one or all', async () => {
    const mock = makeMock();
    const { id } = (await mock.http.post('/__admin/scenarios').send({ stuck: true })).body;
    await mock.http.post('/__admin/scenarios').send({ outcome: 'failed' });
    expect((await mock.http.delete(`/__admin/scenarios/${id}`)).status).toBe(204);
    expect((await mock.http.delete(`/__admin/scenarios/${id}`)).status).toBe(404);
    expect((await mock.http.get('/__admin/scenarios')).body.scenarios).toHaveLength(1);
    await mock.http.delete('/__admin/scenarios');
    expect((await mock.http.get('/__admin/scenarios')).body.scenarios).toHaveLength(0);
  });
});

describe('the Prefer header', () => {
  it('spells a plan for this create only', async () => {
    const mock = makeMock();
    const failing = (
      await create(mock, 'x', {
        Prefer: 'outcome=failed, fail_at_progress=60, failure_reason="moderation: blocked, sorry"',
      })
    ).body.id;
    const normal = (await create(mock)).body.id;
    expect(await stateAfter(mock, [failing, normal], QUEUE_MS + RENDER_MS)).toEqual([
      'failed',
      'completed',
    ]);
    const task = (await mock.http.get(`/__admin/tasks/yunwu/${failing}`)).body;
    expect(task.plan).toMatchObject({ failure_reason: 'moderation: blocked, sorry' });
  });

  it('names a scenario, which then counts one use', async () => {
    const mock = makeMock();
    await mock.http
      .post('/__admin/scenarios')
      .send({ name: 'hang', stuck: true, profile: 'gptge' });
    const stuck = (await create(mock, 'x', { Prefer: 'scenario=hang' })).body.id;
    const normal = (await create(mock)).body.id;
    expect(await stateAfter(mock, [stuck, normal], 10 ** 8)).toEqual(['processing', 'completed']);
  });

  it('ignores the standard preferences and refuses unknown ones in the vendor’s envelope', async () => {
    const mock = makeMock();
    expect((await create(mock, 'x', { Prefer: 'respond-async, return=minimal' })).status).toBe(200);
    const res = await create(mock, 'x', { Prefer: 'outcome=sideways' });
    expect(res.status).toBe(400);
    expect(res.body.detail.reason).toBe('Prefer header: outcome must be one of completed, failed');
    const unknown = await create(mock, 'x', { Prefer: 'scenario=nope' });
    expect(unknown.body.detail.reason).toBe('Prefer header: no scenario named nope');
  });
});

describe('defaults from options', () => {
  it('fail a seeded share of tasks with --fail-rate, the same ones for the same seed', async () => {
    const outcomes = async (seed: number) => {
      const mock = makeMock({ seed, plan: { failRate: 0.3 } });
      const ids = [];
      for (let i = 0; i < 40; i++) ids.push((await create(mock)).body.id);
      return stateAfter(mock, ids, QUEUE_MS + RENDER_MS);
    };
    const first = await outcomes(5);
    expect(first).toEqual(await outcomes(5));
    const failed = first.filter((s: string) => s === 'failed').length;
    expect(failed).toBeGreaterThan(4);
    expect(failed).toBeLessThan(20);
  });

  it('vary durations within ±jitter', async () => {
    const mock = makeMock({ plan: { jitter: 0.5 } });
    for (let i = 0; i < 20; i++) await create(mock);
    const plans = (await mock.http.get('/__admin/tasks')).body.tasks.map(
      (t: { plan: { render_ms: number } }) => t.plan.render_ms,
    );
    expect(new Set(plans).size).toBeGreaterThan(10);
    for (const ms of plans) {
      expect(ms).toBeGreaterThanOrEqual(RENDER_MS * 0.5);
      expect(ms).toBeLessThanOrEqual(RENDER_MS * 1.5);
    }
  });
});
