import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLumaMock, type LumaMock } from '../../src/createLumaMock.js';
import { expectSchema, json } from '../support/mock.js';

const AUTH = { Authorization: 'Bearer sk-live-secret', 'Content-Type': 'application/json' };

describe('faults', () => {
  let mock: LumaMock;
  let url: string;
  const call = (path: string, body?: object, method = body ? 'POST' : 'GET') =>
    fetch(`${url}${path}`, {
      method,
      headers: AUTH,
      ...(body ? { body: JSON.stringify(body) } : {}),
    });

  beforeEach(async () => {
    mock = createLumaMock({ log: () => {} });
    url = (await mock.listen()).url;
  });
  afterEach(() => mock.close());

  it('throw two 429s with Retry-After in yunwu’s envelope, then let requests through', async () => {
    mock.faults.add({ profile: 'yunwu', status: 429, times: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      const res = await call('/yunwu/luma/generations', { user_prompt: 'x' });
      statuses.push(res.status);
      if (res.status === 429) {
        expect(res.headers.get('retry-after')).toBe('1');
        expectSchema('relay/error.json', await json(res));
      }
    }
    expect(statuses).toEqual([429, 429, 200]);
    expect(mock.faults.list()).toEqual([]);
  });

  it('answer in each vendor’s own envelope: AceData 500 api_error, RixAPI 429, AceData 429', async () => {
    mock.faults.add({ profile: 'acedata', status: 500, times: 1 });
    const ace = await call('/acedata/luma/tasks', { id: 'x' });
    expect(ace.status).toBe(500);
    const aceBody = await json(ace);
    expectSchema('acedata/error.json', aceBody);
    expect(aceBody.error).toEqual({ code: 'api_error', message: 'Internal server error.' });

    mock.faults.add({ profile: 'acedata', status: 429, retry_after: 7, times: 1 });
    const limited = await call('/acedata/luma/tasks', { id: 'x' });
    expect(limited.headers.get('retry-after')).toBe('7');
    expect((await json(limited)).error.code).toBe('too_many_requests');

    mock.faults.add({ profile: 'rixapi', status: 429, times: 1 });
    const rix = await call('/rixapi/luma/tasks', { ids: [] });
    const rixBody = await json(rix);
    expectSchema('newapi/error.json', rixBody);
    expect(rixBody.code).toBe('too_many_requests');
  });

  it('match by route and method', async () => {
    mock.faults.add({ route: '/luma/generations/:id', method: 'GET', status: 503 });
    const created = await call('/gptge/luma/generations', { user_prompt: 'x' });
    expect(created.status).toBe(200);
    const { id } = await json(created);
    expect((await call(`/gptge/luma/generations/${id}`)).status).toBe(503);
    expect((await call(`/gptge/luma/generations/${id}/download_video_url`)).status).toBe(400);
  });

  it('hit a seeded share of requests with rate', async () => {
    const hits = async () => {
      const m = createLumaMock({ seed: 3, log: () => {} });
      m.faults.add({ profile: 'yunwu', status: 500, rate: 0.5 });
      const { url: u } = await m.listen();
      const statuses = [];
      for (let i = 0; i < 30; i++) {
        statuses.push((await fetch(`${u}/yunwu/luma/generations/x`, { headers: AUTH })).status);
      }
      await m.close();
      return statuses;
    };
    const first = await hits();
    expect(first).toEqual(await hits());
    const failed = first.filter((s) => s === 500).length;
    expect(failed).toBeGreaterThan(5);
    expect(failed).toBeLessThan(25);
  });

  it('add latency, then answer normally', async () => {
    mock.faults.add({ profile: 'yunwu', latency_ms: 40, times: 1 });
    expect((await call('/yunwu/luma/generations', { user_prompt: 'x' })).status).toBe(200);
    const [entry] = mock.journal.requests({ profile: 'yunwu' });
    expect(entry?.duration_ms).toBeGreaterThanOrEqual(40);
    expect(entry?.status).toBe(200);
  });

  it('drop the connection', async () => {
    mock.faults.add({ profile: 'yunwu', drop: true, times: 1 });
    await expect(call('/yunwu/luma/generations', { user_prompt: 'x' })).rejects.toThrow();
    expect((await call('/yunwu/luma/generations', { user_prompt: 'x' })).status).toBe(200);
    expect(mock.journal.requests({ profile: 'yunwu' }).map((r) => r.status)).toEqual([0, 200]);
  });

  it('hang a request until the server closes, while others are answered', async () => {
    mock.faults.add({ profile: 'yunwu', hang: true, times: 1 });
    const hung = call('/yunwu/luma/generations', { user_prompt: 'x' }).catch((e: Error) => e);
    expect((await call('/yunwu/luma/generations', { user_prompt: 'y' })).status).toBe(200);
    await mock.close();
    expect(await hung).toBeInstanceOf(Error);
  });

  it('are refused with 400 naming the bad field, and listed and removed', async () => {
    const bad = await fetch(`${url}/__admin/faults`, {
      method: 'POST',
      headers: AUTH,
      body: JSON.stringify({ profile: 'yunwu', status: 200 }),
    });
    expect(bad.status).toBe(400);
    expect((await json(bad)).error.message).toContain('status must be >= 400');
    const empty = await fetch(`${url}/__admin/faults`, {
      method: 'POST',
      headers: AUTH,
      body: '{}',
    });
    expect(empty.status).toBe(400);
    const { id } = mock.faults.add({ status: 500 });
    expect(mock.faults.list()).toEqual([{ id, status: 500, hits: 0 }]);
    expect((await fetch(`${url}/__admin/faults/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect(mock.faults.list()).toEqual([]);
  });
});
