import supertest from 'supertest';
import { describe, expect, it } from 'vitest';
import { createLumaMock } from '../src/createLumaMock.js';
import type { FastLane } from '../src/server/fastLane.js';
import { json } from './support/mock.js';

const HEADERS = { Authorization: 'Bearer t', 'Content-Type': 'application/json' };

/** A listening mock whose fast lane counts what it serves. */
async function counted(input: Parameters<typeof createLumaMock>[0] = {}) {
  const mock = createLumaMock(input);
  const lane = mock.app.locals.fastLane as FastLane;
  const served = { count: 0 };
  mock.app.locals.fastLane = ((req, res) => {
    const took = lane(req, res);
    if (took) served.count++;
    return took;
  }) satisfies FastLane;
  const { url } = await mock.listen();
  return { mock, url, served };
}

const CASES = [
  {
    profile: 'yunwu',
    create: '/yunwu/luma/generations',
    get: '/yunwu/luma/generations/',
    body: { user_prompt: 'x' },
  },
  {
    profile: 'gptge',
    create: '/gptge/luma/generations',
    get: '/gptge/luma/generations/',
    body: { user_prompt: 'x' },
  },
  {
    profile: 'rixapi',
    create: '/rixapi/luma/generations',
    get: '/rixapi/luma/generations/',
    body: { user_prompt: 'x' },
  },
  {
    profile: 'lumalabs',
    create: '/lumalabs/dream-machine/v1/generations/video',
    get: '/lumalabs/dream-machine/v1/generations/',
    body: { model: 'ray-2' },
  },
];

describe.each(CASES)('the fast lane on /$profile', ({ profile, create, get, body }) => {
  it('answers a poll with exactly the bytes and journal entry of the Express route', async () => {
    const { mock, url, served } = await counted();
    const { id } = await json(
      await fetch(`${url}${create}`, {
        method: 'POST',
        headers: HEADERS,
        body: JSON.stringify(body),
      }),
    );
    for (const advance of [0, 10 ** 7]) {
      mock.clock.advance(advance);
      const lane = await fetch(`${url}${get}${id}?x=1`, { headers: HEADERS });
      const app = await supertest(mock.app).get(`${get}${id}?x=1`).set(HEADERS);
      expect(lane.status).toBe(200);
      expect(lane.headers.get('content-type')).toBe(app.headers['content-type']);
      expect(await lane.text()).toBe(app.text);
    }
    expect(served.count).toBe(2);
    // The two clients send different headers; everything else is the same entry.
    const [viaLane, viaApp] = mock.journal
      .requests({ profile, task: id })
      .slice(-2)
      .map(({ seq: _s, wall_time: _w, duration_ms: _d, headers, ...entry }) => {
        expect(headers.authorization).toBe('[redacted]');
        return entry;
      });
    expect(viaLane).toEqual(viaApp);
    expect(mock.journal.polls(profile, id).polls).toBe(4);
    await mock.close();
  });
});

describe('the fast lane steps aside', () => {
  it('for faults, refused tokens, unknown ids and ids that need decoding, which the app answers', async () => {
    const { mock, url, served } = await counted({ tokens: ['t'] });
    const { id } = await json(
      await fetch(`${url}/yunwu/luma/generations`, {
        method: 'POST',
        headers: HEADERS,
        body: '{"user_prompt":"x"}',
      }),
    );
    const wrong = await fetch(`${url}/yunwu/luma/generations/${id}`, {
      headers: { Authorization: 'Bearer nope' },
    });
    expect(wrong.status).toBe(401);
    expect((await json(wrong)).detail.reason).toBe('The specified token is invalid or wrong.');
    expect((await fetch(`${url}/yunwu/luma/generations/nope`, { headers: HEADERS })).status).toBe(
      404,
    );
    expect((await fetch(`${url}/yunwu/luma/generations/%61bc`, { headers: HEADERS })).status).toBe(
      404,
    );
    mock.faults.add({ profile: 'gptge', status: 503, times: 1 });
    const faulted = await fetch(`${url}/yunwu/luma/generations/${id}`, { headers: HEADERS });
    expect(faulted.status).toBe(200);
    expect(served.count).toBe(0);
    mock.faults.clear();
    expect((await fetch(`${url}/yunwu/luma/generations/${id}`, { headers: HEADERS })).status).toBe(
      200,
    );
    expect(served.count).toBe(1);
    await mock.close();
  });
});

describe('the fast lane on batch queries', () => {
  const deep = `{"ids": ${'['.repeat(100)}${']'.repeat(100)}}`;
  const REQUESTS: [string, string][] = [
    ['/yunwu/luma/tasks', 'IDS'],
    ['/rixapi/luma/tasks', 'IDS'],
    ['/acedata/luma/tasks', 'ACE_BATCH'],
    ['/acedata/luma/tasks', 'ACE_ONE'],
    ['/acedata/luma/tasks', '{"id": "unknown"}'],
    ['/yunwu/luma/tasks', '{"ids": '],
    ['/yunwu/luma/tasks', deep],
    ['/yunwu/luma/tasks', JSON.stringify({ ids: Array.from({ length: 1001 }, (_, i) => `i${i}`) })],
    ['/rixapi/luma/tasks', '{"model": "kling-image"}'],
    ['/yunwu/luma/tasks', ''],
    ['/acedata/luma/tasks', 'x'.repeat(3000)],
  ];

  it('answers every body, valid or not, with the bytes, status and journal entry of the Express route', async () => {
    const { mock, url, served } = await counted({ bodyLimit: '2kb' });
    const made: Record<string, string[]> = { yunwu: [], rixapi: [], acedata: [] };
    for (const profile of ['yunwu', 'rixapi']) {
      for (let i = 0; i < 3; i++) {
        const res = await fetch(`${url}/${profile}/luma/generations`, {
          method: 'POST',
          headers: HEADERS,
          body: '{"user_prompt":"x"}',
        });
        made[profile]?.push((await json(res)).id);
      }
    }
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${url}/acedata/luma/videos`, {
        method: 'POST',
        headers: HEADERS,
        body: '{"prompt":"x","async":true}',
      });
      made.acedata?.push((await json(res)).task_id);
    }
    mock.clock.advance(15_000);
    const bodyFor = (path: string, body: string) =>
      body === 'IDS'
        ? JSON.stringify({ ids: [...(made[path.split('/')[1] as string] as string[]), 'missing'] })
        : body === 'ACE_BATCH'
          ? JSON.stringify({ ids: made.acedata, action: 'retrieve_batch' })
          : body === 'ACE_ONE'
            ? JSON.stringify({ id: made.acedata?.[0] })
            : body;
    const statuses = [];
    for (const [path, template] of REQUESTS) {
      const body = bodyFor(path, template);
      const before = served.count;
      const lane = await fetch(`${url}${path}`, { method: 'POST', headers: HEADERS, body });
      expect(served.count, `${path} ${body.slice(0, 40)}`).toBe(before + 1);
      const app = await supertest(mock.app).post(path).set(HEADERS).send(body);
      const text = await lane.text();
      expect(lane.status).toBe(app.status);
      expect(lane.headers.get('content-type')).toBe(app.headers['content-type']);
      // AceData draws a new trace_id for every error; everything else must match byte for byte.
      const traceless = (t: string) => t.replace(/"trace_id":"[0-9a-f-]{36}"/, '"trace_id":"…"');
      expect(traceless(text), `${path} ${body.slice(0, 40)}`).toBe(traceless(app.text));
      const [viaLane, viaApp] = mock.journal
        .requests({ path })
        .slice(-2)
        .map(({ seq: _s, wall_time: _w, duration_ms: _d, headers: _h, ...entry }) => entry);
      expect(viaLane).toEqual(viaApp);
      statuses.push(lane.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 404, 400, 400, 413, 400, 400, 413]);
    await mock.close();
  });

  it('steps aside for a Prefer header, which the app checks', async () => {
    const { mock, url, served } = await counted();
    const res = await fetch(`${url}/yunwu/luma/tasks`, {
      method: 'POST',
      headers: { ...HEADERS, Prefer: 'outcome=sideways' },
      body: '{"ids": []}',
    });
    expect(res.status).toBe(400);
    expect(served.count).toBe(0);
    await mock.close();
  });
});
