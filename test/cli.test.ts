import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HELP, parseCli, start } from '../src/cli.js';

const seed = () => 99;

describe('the command line', () => {
  it('defaults to 127.0.0.1:4010, a real clock, and a drawn seed', () => {
    expect(parseCli([], seed)).toMatchObject({
      help: false,
      host: '127.0.0.1',
      port: 4010,
      options: { seed: 99, clock: { mode: 'real', speed: 1 }, tokens: null },
    });
  });

  it('reads every flag', () => {
    const argv = [
      ['--port', '0'],
      ['--host', '0.0.0.0'],
      ['--clock', 'manual'],
      ['--speed', '60'],
      ['--start', '2024-12-22T13:38:40.139Z'],
      ['--seed', '7'],
      ['--tokens', 'a, b'],
      ['--queue-seconds', '2'],
      ['--render-seconds', '30'],
      ['--body-limit', '1mb'],
      ['--jitter', '0.2'],
      ['--fail-rate', '0.1'],
      ['--failure-reason', 'moderation'],
      ['--journal-limit', '50'],
      ['--max-tasks', '500'],
      ['--admin-token', 'adm'],
      ['--data-dir', '/tmp/luma-data'],
    ].flat();
    expect(parseCli(argv, seed)).toEqual({
      help: false,
      host: '0.0.0.0',
      port: 0,
      options: {
        seed: 7,
        clock: { mode: 'manual', speed: 60, startAt: Date.parse('2024-12-22T13:38:40.139Z') },
        tokens: ['a', 'b'],
        bodyLimit: '1mb',
        journalLimit: 50,
        maxTasks: 500,
        adminToken: 'adm',
        dataDir: '/tmp/luma-data',
        plan: {
          queueMs: 2_000,
          renderMs: 30_000,
          jitter: 0.2,
          failRate: 0.1,
          failureReason: 'moderation',
        },
      },
    });
  });

  it.each([
    [['--port', 'abc'], '--port must be a number'],
    [['--port', '70000'], '--port must be 0 to 65535'],
    [['--clock', 'slow'], '--clock must be real or manual'],
    [['--start', 'yesterday'], '--start must be an ISO time'],
    [['--speed', ''], '--speed must be a number'],
    [['--bogus'], "Unknown option '--bogus'"],
    [['--host', '0.0.0.0'], 'refusing to listen on 0.0.0.0 without --admin-token'],
    [['--host', '192.168.1.5'], 'refusing to listen on 192.168.1.5 without --admin-token'],
  ])('refuses %j, saying why', (argv, message) => {
    expect(() => parseCli(argv, seed)).toThrow(message);
  });

  it('lists every flag in --help', () => {
    expect(parseCli(['-h'], seed).help).toBe(true);
    const source = readFileSync(new URL('../src/cli.ts', import.meta.url), 'utf8');
    const flags = [...source.matchAll(/^ {6}'?([a-z-]+)'?: \{ type: '(?:string|boolean)'/gm)].map(
      (m) => m[1],
    );
    expect(flags.length).toBeGreaterThan(10);
    for (const flag of flags) expect(HELP).toContain(`--${flag}`);
  });

  describe('with a config file', () => {
    let dir = '';
    const write = (config: unknown) => {
      dir = mkdtempSync(join(tmpdir(), 'luma-mock-'));
      writeFileSync(join(dir, 'luma-mock.config.json'), JSON.stringify(config));
      return dir;
    };
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('takes its settings, scenarios and faults, flags overriding the file', () => {
      const cwd = write({
        port: 5000,
        clock: 'manual',
        queue_seconds: 1,
        fail_rate: 0.5,
        scenarios: [{ profile: 'yunwu', outcome: 'failed', times: 1 }],
        faults: [{ profile: 'acedata', status: 429, times: 2 }],
      });
      const config = parseCli(['--port', '5001'], seed, cwd);
      expect(config.port).toBe(5001);
      expect(config.options).toMatchObject({
        clock: { mode: 'manual' },
        plan: { queueMs: 1_000, failRate: 0.5 },
        scenarios: [{ profile: 'yunwu', outcome: 'failed', times: 1 }],
        faults: [{ profile: 'acedata', status: 429, times: 2 }],
      });
    });

    it('refuses a bad file with the field and the reason', () => {
      const cwd = write({ queue_seconds: 'ten', scenarios: [{ outcome: 'maybe' }], colour: 'red' });
      expect(() => parseCli([], seed, cwd)).toThrow(
        'luma-mock.config.json: colour is not allowed; queue_seconds must be number; scenarios.0.outcome must be one of completed, failed',
      );
    });

    it('refuses a file that is not JSON, and a --config that does not exist', () => {
      dir = mkdtempSync(join(tmpdir(), 'luma-mock-'));
      writeFileSync(join(dir, 'luma-mock.config.json'), '{ port: 1 }');
      expect(() => parseCli([], seed, dir)).toThrow(/is not valid JSON/);
      expect(() => parseCli(['--config', 'missing.json'], seed, dir)).toThrow(/ENOENT/);
    });
  });
});

describe('a started server', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
  });

  it('serves every profile over a real port, and its clock moves only through the admin API', async () => {
    const mock = await start(parseCli(['--port', '0', '--clock', 'manual', '--seed', '3'], seed));
    close = mock.close;
    const { url } = mock;
    expect(mock.banner).toContain(`${url}/yunwu`);
    const headers = { Authorization: 'Bearer t', 'Content-Type': 'application/json' };
    const created = await fetch(`${url}/yunwu/luma/generations`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ user_prompt: 'cat dance' }),
    }).then(
      (r) => r.json() as Promise<{ id: string; now: string; created_at: string; state: string }>,
    );
    const advance = await fetch(`${url}/__admin/clock/advance`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ ms: 3_600_000 }),
    }).then(
      (r) => r.json() as Promise<{ id: string; now: string; created_at: string; state: string }>,
    );
    expect(Date.parse(advance.now)).toBeGreaterThan(Date.parse(created.created_at));
    const got = await fetch(`${url}/yunwu/luma/generations/${created.id}`, { headers }).then(
      (r) => r.json() as Promise<{ id: string; now: string; created_at: string; state: string }>,
    );
    expect(got.state).toBe('completed');
  });

  it('closes even while a synchronous AceData create is held open', async () => {
    const mock = await start(parseCli(['--port', '0', '--clock', 'manual'], seed));
    const held = fetch(`${mock.url}/acedata/luma/videos`, {
      method: 'POST',
      headers: { Authorization: 'Bearer t' },
      body: JSON.stringify({ prompt: 'x' }),
    }).catch((error: Error) => error);
    await new Promise<void>((resolve) => mock.deps.engine.on('created', () => resolve()));
    await mock.close();
    await mock.close();
    expect(await held).toBeInstanceOf(Error);
  });
});
