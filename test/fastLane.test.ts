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
