import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLumaMock } from '../../src/createLumaMock.js';
import { json } from '../support/mock.js';

const HEADERS = { Authorization: 'Bearer t', 'Content-Type': 'application/json' };

describe('createLumaMock, the README recipe', () => {
  const mock = createLumaMock({ log: () => {} });
  let url: string;

  beforeAll(async () => {
    ({ url } = await mock.listen());
  });
  afterEach(() => mock.reset());
  afterAll(() => mock.close());

  it('listens on a free port and serves the profiles', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(mock.url).toBe(url);
    const res = await fetch(`${url}/yunwu/luma/generations`, {
      method: 'POST',
      headers: HEADERS,
      body: JSON.stringify({ user_prompt: 'x' }),
    });
    expect(res.status).toBe(200);
    expect(mock.tasks.list()).toHaveLength(1);
  });

  it('starts each test clean after reset', () => {
    expect(mock.tasks.list()).toEqual([]);
    expect(mock.journal.requests()).toEqual([]);
  });

  it('holds an AceData synchronous create open until the clock is moved over HTTP', async () => {
    const held = fetch(`${url}/acedata/luma/videos`, {
      method: 'POST',
      headers: HEADERS,
      body: JSON.stringify({ prompt: 'x' }),
    });
    await new Promise<void>((resolve) => {
      const stop = mock.deps.engine.on('created', () => {
        stop();
        resolve();
      });
    });
    await fetch(`${url}/__admin/clock/advance`, {
      method: 'POST',
      headers: HEADERS,
      body: JSON.stringify({ ms: 600_000 }),
    });
    const res = await held;
    expect(res.status).toBe(200);
    expect((await json(res)).state).toBe('completed');
  });

  it('refuses bad control input with an error naming the field', () => {
    expect(() => mock.scenarios.add({ outcome: 'sideways' as 'failed' })).toThrow(
      'outcome must be one of completed, failed',
    );
    expect(() => mock.clock.advance(-1)).toThrow('ms must be >= 0');
  });

  it('closes twice without complaint', async () => {
    const other = createLumaMock();
    await other.listen();
    await other.close();
    await other.close();
  });

  it('keeps the configured scenarios and faults across resets', async () => {
    const configured = createLumaMock({
      scenarios: [{ profile: 'yunwu', stuck: true }],
      faults: [{ profile: 'gptge', status: 500, times: 1 }],
    });
    configured.scenarios.clear();
    configured.reset();
    expect(configured.scenarios.list()).toMatchObject([{ profile: 'yunwu', stuck: true }]);
    expect(configured.faults.list()).toMatchObject([{ profile: 'gptge', status: 500 }]);
    await configured.close();
  });
});
