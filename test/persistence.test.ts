import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLumaMock } from '../src/createLumaMock.js';
import { exited, startCli } from './support/child.js';
import { json } from './support/mock.js';

const HEADERS = { Authorization: 'Bearer t', 'Content-Type': 'application/json' };
const post = (url: string, body: object) =>
  fetch(url, { method: 'POST', headers: HEADERS, body: JSON.stringify(body) }).then(json);

describe('--data-dir', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const fresh = () => {
    dir = mkdtempSync(join(tmpdir(), 'luma-data-'));
    return dir;
  };

  it('keeps tasks, scenarios and the manual clock across a restart', async () => {
    const dataDir = fresh();
    const first = createLumaMock({ dataDir, seed: 9 });
    const { url } = await first.listen();
    first.scenarios.add({ profile: 'yunwu', stuck: true, times: 2 });
    const stuck = await post(`${url}/yunwu/luma/generations`, { user_prompt: 'a' });
    const ace = await post(`${url}/acedata/luma/videos`, { prompt: 'b', async: true });
    first.clock.advance(600_000);
    const before = { clock: first.clock.now(), tasks: first.tasks.list() };
    const { video_id } = (await post(`${url}/acedata/luma/tasks`, { id: ace.task_id })).response;
    await first.close();

    const second = createLumaMock({ dataDir, seed: 9 });
    const again = (await second.listen()).url;
    expect(second.clock.now()).toBe(before.clock);
    expect(second.tasks.list()).toEqual(before.tasks);
    expect(second.scenarios.list()).toMatchObject([
      { profile: 'yunwu', stuck: true, remaining: 1 },
    ]);
    expect(
      (await post(`${again}/acedata/luma/videos`, { action: 'extend', video_id, async: true }))
        .task_id,
    ).toBeDefined();
    const next = await post(`${again}/yunwu/luma/generations`, { user_prompt: 'c' });
    expect(next.id).not.toBe(stuck.id);
    expect(second.tasks.get('yunwu', next.id).plan.stuck).toBe(true);
    const numbered = await post(`${again}/rixapi/luma/generations`, { user_prompt: 'd' });
    expect(numbered.id).toBeDefined();
    await second.close();
  });

  it('loads a directory whose last event was cut short by a crash, saying so', async () => {
    const dataDir = fresh();
    const first = createLumaMock({ dataDir });
    await first.listen();
    first.tasks.seed({ profile: 'gptge', id: 'kept' });
    // Not closed: as after a kill, the events file holds the task; then a torn last line.
    appendFileSync(join(dataDir, 'events.jsonl'), '{"t":"task","task":{"profile":"gp');
    const logs: string[] = [];
    const second = createLumaMock({ dataDir, log: (line) => logs.push(line) });
    expect(second.tasks.list().map((t) => t.id)).toEqual(['kept']);
    expect(logs).toEqual([expect.stringContaining('ignoring unreadable event on line 2')]);
    await second.close();
    await first.close();
  });

  it('after SIGTERM: drains, snapshots, exits 0, and the next start has every task', async () => {
    const dataDir = fresh();
    const { child, url } = await startCli(['--clock', 'manual', '--data-dir', dataDir]);
    for (let i = 0; i < 20; i++)
      await post(`${url}/gptge/luma/generations`, { user_prompt: `t${i}` });
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
    expect(readFileSync(join(dataDir, 'events.jsonl'), 'utf8')).toBe('');
    const snapshot = JSON.parse(readFileSync(join(dataDir, 'snapshot.json'), 'utf8'));
    expect(snapshot.tasks).toHaveLength(20);
    const restarted = await startCli(['--clock', 'manual', '--data-dir', dataDir]);
    const { tasks } = await fetch(`${restarted.url}/__admin/tasks`).then(json);
    expect(tasks).toHaveLength(20);
    restarted.child.kill('SIGTERM');
    await exited(restarted.child);
  }, 30_000);

  it('after kill -9 under load: every acknowledged create is there, and the files load', async () => {
    const dataDir = fresh();
    const { child, url } = await startCli(['--clock', 'manual', '--data-dir', dataDir]);
    let acknowledged = 0;
    let stop = false;
    const worker = async () => {
      while (!stop) {
        try {
          const res = await post(`${url}/yunwu/luma/generations`, { user_prompt: 'load' });
          if (res.id) acknowledged++;
        } catch {
          return;
        }
      }
    };
    const workers = Array.from({ length: 8 }, worker);
    while (acknowledged < 300) await new Promise((resolve) => setImmediate(resolve));
    child.kill('SIGKILL');
    stop = true;
    await Promise.all(workers);
    await exited(child);
    const restarted = await startCli(['--clock', 'manual', '--data-dir', dataDir]);
    const { tasks } = await fetch(`${restarted.url}/__admin/tasks`).then(json);
    expect(tasks.length).toBeGreaterThanOrEqual(acknowledged);
    // At most the requests in flight when it died were written but never answered.
    expect(tasks.length).toBeLessThanOrEqual(acknowledged + 8);
    restarted.child.kill('SIGTERM');
    await exited(restarted.child);
  }, 30_000);
});

describe('admin access', () => {
  it('with --admin-token, answers the admin API only to that token', async () => {
    const mock = createLumaMock({ adminToken: 'adm-secret' });
    const { url } = await mock.listen();
    expect((await fetch(`${url}/__admin/tasks`)).status).toBe(401);
    const wrong = await fetch(`${url}/__admin/tasks`, { headers: { Authorization: 'Bearer t' } });
    expect(wrong.status).toBe(401);
    expect((await json(wrong)).error.code).toBe('unauthorized');
    const right = await fetch(`${url}/__admin/tasks`, {
      headers: { Authorization: 'Bearer adm-secret' },
    });
    expect(right.status).toBe(200);
    // Vendor routes still take any token.
    expect((await post(`${url}/yunwu/luma/generations`, { user_prompt: 'x' })).id).toBeDefined();
    await mock.close();
  });

  it('refuses to start on a non-loopback address without one', async () => {
    await expect(startCli(['--host', '0.0.0.0'])).rejects.toThrow(
      /exited with 2.*refusing to listen on 0\.0\.0\.0/s,
    );
  }, 15_000);
});
