import { describe, expect, it } from 'vitest';
import { expectSchema, makeMock, TOKEN } from '../support/mock.js';

/** Each profile, a route that takes a body, and the schemas of its error envelopes. */
const PROFILES = [
  {
    profile: 'acedata',
    route: '/acedata/luma/tasks',
    error: 'acedata/error.json',
    authError: 'acedata/error.json',
    notFound: 404,
  },
  {
    profile: 'yunwu',
    route: '/yunwu/luma/generations',
    error: 'relay/error.json',
    authError: 'relay/error.json',
    notFound: 404,
  },
  {
    profile: 'gptge',
    route: '/gptge/luma/generations',
    error: 'relay/error.json',
    authError: 'relay/error.json',
    notFound: 404,
  },
  {
    profile: 'rixapi',
    route: '/rixapi/luma/generations',
    error: 'newapi/error.json',
    authError: 'newapi/auth-error.json',
    notFound: 400,
  },
  {
    profile: 'lumalabs',
    route: '/lumalabs/dream-machine/v1/generations/video',
    error: 'luma/error.json',
    authError: 'luma/error.json',
    notFound: 404,
  },
] as const;

describe.each(PROFILES)('/$profile errors', ({ route, error, authError, notFound }) => {
  it('answers a request without a token with 401 in the vendor’s envelope', async () => {
    const res = await makeMock().http.post(route).send({});
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expectSchema(authError, res.body);
  });

  it.each(['Basic dXNlcjpwYXNz', 'Bearer', 'Bearer    ', 'token'])(
    'answers Authorization "%s" with 401',
    async (header) => {
      const res = await makeMock().http.post(route).set('Authorization', header).send({});
      expect(res.status).toBe(401);
      expectSchema(authError, res.body);
    },
  );

  it('with --tokens, refuses other tokens and accepts the listed ones', async () => {
    const mock = makeMock({ tokens: ['other', TOKEN] });
    const wrong = await mock.http.post(route).set('Authorization', 'Bearer nope').send({});
    expect(wrong.status).toBe(401);
    expectSchema(authError, wrong.body);
    expect(
      (await mock.http.post(route).set('Authorization', `Bearer ${TOKEN}`).send({})).status,
    ).not.toBe(401);
  });

  it('answers malformed JSON with 400 in the vendor’s envelope, never HTML', async () => {
    const res = await makeMock()
      .post(route)
      .set('Content-Type', 'application/json')
      .send('{"user_prompt": "x",');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expectSchema(error, res.body);
    expect(JSON.stringify(res.body)).toContain('not valid JSON');
  });

  it('answers a body that is JSON but not an object with 400', async () => {
    for (const body of ['[1,2]', '"text"', '42', 'null']) {
      const res = await makeMock().post(route).set('Content-Type', 'application/json').send(body);
      expect([400, 422]).toContain(res.status);
      expectSchema(error, res.body);
    }
  });

  it('reads a JSON body sent without a JSON Content-Type, as the vendors’ servers do', async () => {
    const res = await makeMock()
      .post(route)
      .set('Content-Type', 'text/plain')
      .send('{"user_prompt": "x", "id": "nope"}');
    expect([200, 404, 400, 422]).toContain(res.status);
    expect(JSON.stringify(res.body)).not.toContain('not valid JSON');
  });

  it('answers a body over the limit with 413 in the vendor’s envelope', async () => {
    const mock = makeMock({ bodyLimit: '1kb' });
    const res = await mock.post(route, { user_prompt: 'x'.repeat(2048), id: 'x' });
    expect(res.status).toBe(413);
    expectSchema(error, res.body);
  });

  it('answers an unknown route under the profile in the vendor’s envelope', async () => {
    const res = await makeMock().get(
      `${route.replace(/\/(luma|generations)\/.*$/, '')}/nothing-here`,
    );
    expect(res.status).toBe(notFound);
    expectSchema(error, res.body);
  });
});

describe('outside the profiles', () => {
  it('answers unknown paths with a JSON 404', async () => {
    const res = await makeMock().http.get('/nowhere');
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: 'not_found' });
  });
});
