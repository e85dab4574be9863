import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLumaMock, type LumaMock } from '../../src/createLumaMock.js';
import { expectSchema, json } from '../support/mock.js';
import { startReceiver } from '../support/receiver.js';

const HEADERS = { Authorization: 'Bearer t', 'Content-Type': 'application/json' };

describe('callbacks', () => {
  let mock: LumaMock;
  let url: string;
  const post = async (path: string, body: object) =>
    json(
      await fetch(`${url}${path}`, {
        method: 'POST',
        headers: HEADERS,
        body: JSON.stringify(body),
      }),
    );

  beforeEach(async () => {
    mock = createLumaMock({ log: () => {}, callbacks: { retryDelayMs: 1 } });
    url = (await mock.listen()).url;
  });
  afterEach(() => mock.close());

  it('reach receivers on three profiles when a manual clock jumps over the end', async () => {
    const receiver = await startReceiver();
    const ace = await post('/acedata/luma/videos', {
      prompt: 'Astronauts shuttle from space to volcano',
      callback_url: `${receiver.url}/ace`,
    });
    const yunwu = await post('/yunwu/luma/generations', {
      user_prompt: 'cat dance',
      notify_hook: `${receiver.url}/yunwu`,
    });
    const gptge = await post('/gptge/luma/generations', {
      user_prompt: 'mermaid',
      notify_hook: `${receiver.url}/gptge`,
    });
    mock.clock.advance(60_000);
    await mock.callbacks.idle();
    expect(receiver.received).toEqual([]);

    mock.clock.advance(3_600_000);
    await mock.callbacks.idle();
    const byPath = Object.fromEntries(receiver.received.map((r) => [r.path, r.body]));
    expect(Object.keys(byPath).sort()).toEqual(['/ace', '/gptge', '/yunwu']);
    expectSchema('acedata/videos-response.json', byPath['/ace']);
    expect(byPath['/ace']).toMatchObject({
      success: true,
      task_id: ace.task_id,
      state: 'completed',
    });
    expectSchema('relay/generation.json', byPath['/yunwu']);
    expect(byPath['/yunwu']).toMatchObject({ id: yunwu.id, state: 'completed' });
    expect(byPath['/gptge']).toMatchObject({
      id: gptge.id,
      state: 'completed',
      failure_reason: null,
    });
    expect(receiver.received[0]?.headers['content-type']).toBe('application/json');

    const deliveries = mock.callbacks.deliveries();
    expect(deliveries.map((d) => [d.profile, d.event, d.state, d.attempts.length])).toEqual([
      ['acedata', 'completed', 'delivered', 1],
      ['yunwu', 'completed', 'delivered', 1],
      ['gptge', 'completed', 'delivered', 1],
    ]);
    mock.clock.advance(10 ** 7);
    await mock.callbacks.idle();
    expect(receiver.received).toHaveLength(3);
    await receiver.close();
  });

  it('carry the failure, and are retried 3 times when the receiver fails', async () => {
    const receiver = await startReceiver(2);
    mock.scenarios.add({ failure_reason: 'moderation: blocked', times: 1 });
    const { task_id } = await post('/acedata/luma/videos', {
      prompt: 'x',
      callback_url: receiver.url,
    });
    mock.clock.advance(10 ** 6);
    await mock.callbacks.idle();
    expect(receiver.received).toHaveLength(3);
    expect(receiver.received[2]?.body).toEqual({
      success: false,
      task_id,
      state: 'failed',
      error: { code: 'api_error', message: 'moderation: blocked' },
    });
    const [delivery] = mock.callbacks.deliveries({ task: task_id });
    expect(delivery?.state).toBe('delivered');
    expect(delivery?.attempts.map((a) => a.status)).toEqual([500, 500, 200]);
    await receiver.close();
  });

  it('log a receiver that never answers as failed after 4 attempts, and the admin API shows it', async () => {
    const receiver = await startReceiver();
    await receiver.close();
    await post('/yunwu/luma/generations', { user_prompt: 'x', notify_hook: receiver.url });
    mock.clock.advance(10 ** 6);
    await mock.callbacks.idle();
    const { deliveries } = await json(await fetch(`${url}/__admin/callbacks?profile=yunwu`));
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ state: 'failed', event: 'completed' });
    expect(deliveries[0].attempts).toHaveLength(4);
    expect(deliveries[0].attempts[0].error).toBe('ECONNREFUSED');
  });

  it('are not sent for stuck or deleted tasks', async () => {
    const receiver = await startReceiver();
    mock.scenarios.add({ stuck: true, times: 1 });
    await post('/yunwu/luma/generations', { user_prompt: 'x', notify_hook: receiver.url });
    const doomed = await post('/yunwu/luma/generations', {
      user_prompt: 'y',
      notify_hook: receiver.url,
    });
    mock.tasks.delete('yunwu', doomed.id);
    mock.clock.advance(10 ** 8);
    await mock.callbacks.idle();
    expect(receiver.received).toEqual([]);
    await receiver.close();
  });
});
