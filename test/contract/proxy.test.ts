import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCli } from '../../src/cli.js';
import { createLumaMock, type LumaMock } from '../../src/createLumaMock.js';
import type { Exchange } from '../../src/proxy/exchange.js';
import { startDriftServer } from '../support/driftServer.js';
import { expectSchema, json } from '../support/mock.js';

const TOKEN = 'sk-proxy-secret-9000';
const AUTH = { Authorization: `Bearer ${TOKEN}` };

describe('the validating proxy', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  async function proxyTo(
    drift: Parameters<typeof startDriftServer>[0],
    extra: Partial<Parameters<typeof createLumaMock>[0]> = {},
  ) {
    const vendor = await startDriftServer(drift);
    const logs: string[] = [];
    const mock = createLumaMock({
      proxy: { yunwu: vendor.url },
      log: (l) => logs.push(l),
      ...extra,
    });
    const { url } = await mock.listen();
    cleanups.push(
      () => mock.close(),
      () => vendor.close(),
    );
    return { vendor, mock, url, logs };
  }

  it('passes the vendor’s answer through unchanged, flagging drift in a header and the log', async () => {
    const { url, vendor, logs } = await proxyTo((g) => ({
      ...g,
      video: { ...(g.video as object), width: '1360' },
    }));
    const res = await fetch(`${url}/yunwu/luma/generations/4665a07c`, { headers: AUTH });
    const direct = await fetch(`${vendor.url}/luma/generations/4665a07c`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(await direct.text());
    expect(res.headers.get('x-luma-mock-contract')).toBe(
      'errors=1; warnings=0; video.width expected integer, got "1360"',
    );
    expect(logs).toEqual([
      expect.stringContaining('contract yunwu GET /luma/generations/4665a07c 200'),
    ]);
    expect(vendor.seen[0]?.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('says ok for an answer that keeps the contract, and checks batch answers too', async () => {
    const { url } = await proxyTo((g) => g);
    const single = await fetch(`${url}/yunwu/luma/generations/4665a07c`, { headers: AUTH });
    expect(single.headers.get('x-luma-mock-contract')).toBe('ok');
    const batch = await fetch(`${url}/yunwu/luma/tasks`, {
      method: 'POST',
      headers: { ...AUTH, 'Content-Type': 'application/json' },
      body: JSON.stringify({ ids: ['4665a07c'] }),
    });
    expect(batch.headers.get('x-luma-mock-contract')).toBe('ok');
    expectSchema('relay/tasks-response.json', await json(batch));
  });

  it('answers 502 in the vendor’s envelope when the vendor cannot be reached', async () => {
    const { url, vendor } = await proxyTo((g) => g);
    await vendor.close();
    const res = await fetch(`${url}/yunwu/luma/generations/x`, { headers: AUTH });
    expect(res.status).toBe(502);
    expectSchema('relay/error.json', await json(res));
  });

  it('records each exchange with credentials redacted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'record-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const { url } = await proxyTo((g) => ({ ...g, echo: TOKEN }), { recordDir: dir });
    await fetch(`${url}/yunwu/luma/generations/4665a07c?key=${TOKEN}`, { headers: AUTH });
    const files = readdirSync(join(dir, 'yunwu'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^\d+-00001-GET-luma-generations-4665a07c\.json$/);
    const text = readFileSync(join(dir, 'yunwu', files[0] as string), 'utf8');
    expect(text).not.toContain(TOKEN);
    const exchange = JSON.parse(text) as Exchange;
    expect(exchange).toMatchObject({
      profile: 'yunwu',
      method: 'GET',
      request: { headers: { authorization: '[redacted]' } },
      response: { status: 200, body: { id: '4665a07c-7641-4809-a133-10786201bb56' } },
    });
  });
});

describe('replay', () => {
  let mock: LumaMock | undefined;
  afterEach(() => mock?.close());

  const exchange = (offsetMs: number, state: string, url = '/luma/generations/t1'): Exchange => ({
    profile: 'gptge',
    method: 'GET',
    url,
    request: { headers: {}, body: undefined },
    response: {
      status: 200,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: { id: 't1', state },
    },
    recorded_at: new Date(Date.parse('2025-01-01T00:00:00Z') + offsetMs).toISOString(),
  });

  it('plays a recorded task’s states in their order and at their pace on the mock’s clock', async () => {
    mock = createLumaMock({
      replay: [
        exchange(0, 'pending'),
        exchange(10_000, 'processing'),
        exchange(130_000, 'completed'),
      ],
    });
    const { url } = await mock.listen();
    const state = async () => (await json(await fetch(`${url}/gptge/luma/generations/t1`))).state;
    expect(await state()).toBe('pending');
    mock.clock.advance(9_999);
    expect(await state()).toBe('pending');
    mock.clock.advance(1);
    expect(await state()).toBe('processing');
    mock.clock.advance(120_000);
    expect(await state()).toBe('completed');
    mock.clock.advance(10 ** 7);
    expect(await state()).toBe('completed');
  });

  it('answers what was not recorded with 404 in the vendor’s envelope, and leaves other profiles mocked', async () => {
    mock = createLumaMock({ replay: [exchange(0, 'pending')] });
    const { url } = await mock.listen();
    const missing = await fetch(`${url}/gptge/luma/generations/other`);
    expect(missing.status).toBe(404);
    expectSchema('relay/error.json', await json(missing));
    const mocked = await fetch(`${url}/yunwu/luma/generations/t1`, { headers: AUTH });
    expect(mocked.status).toBe(404);
    expect((await json(mocked)).detail.reason).toBe('generation t1 not found');
  });

  it('loads a recording folder with --replay, and what the proxy records replays offline', async () => {
    const vendor = createLumaMock({ clock: { mode: 'manual' } });
    const { url: vendorUrl } = await vendor.listen();
    const dir = mkdtempSync(join(tmpdir(), 'replay-'));
    const recorder = createLumaMock({ proxy: { rixapi: `${vendorUrl}/rixapi` }, recordDir: dir });
    const { url: recUrl } = await recorder.listen();
    const created = await json(
      await fetch(`${recUrl}/rixapi/luma/generations`, {
        method: 'POST',
        headers: { ...AUTH, 'Content-Type': 'application/json' },
        body: JSON.stringify({ user_prompt: 'kite' }),
      }),
    );
    const poll = () =>
      fetch(`${recUrl}/rixapi/luma/tasks`, {
        method: 'POST',
        headers: { ...AUTH, 'Content-Type': 'application/json' },
        body: JSON.stringify({ ids: [created.id] }),
      }).then(json);
    const live = [await poll()];
    vendor.clock.advance(10 ** 6);
    live.push(await poll());
    await recorder.close();
    await vendor.close();
    expect(JSON.stringify(readdirSync(join(dir, 'rixapi')))).not.toContain(TOKEN);

    mkdirSync(join(dir, 'ignored'), { recursive: true });
    writeFileSync(join(dir, 'ignored', 'note.txt'), 'not a recording');
    const config = parseCli(['--replay', dir], () => 1);
    expect(config.options.replay).toHaveLength(3);
    mock = createLumaMock(config.options);
    const { url } = await mock.listen();
    const replayed = await fetch(`${url}/rixapi/luma/tasks`, {
      method: 'POST',
      body: JSON.stringify({ ids: [created.id] }),
    }).then(json);
    expect(replayed).toEqual(live[0]);
    rmSync(dir, { recursive: true, force: true });
  });
});
