import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectSchema, makeMock, TOKEN } from './support/mock.js';

type Route = [profile: string, method: string, path: string];

const RELAY_ROUTES: [string, string][] = [
  ['POST', '/luma/generations'],
  ['POST', '/luma/generations/{id}/extend'],
  ['GET', '/luma/generations/{id}'],
  ['GET', '/luma/generations/{id}/download_video_url'],
  ['POST', '/luma/tasks'],
];
const LUMA_ROUTES: [string, string][] = [
  ['POST', '/generations'],
  ['POST', '/generations/video'],
  ['POST', '/generations/image'],
  ['POST', '/generations/image/reframe'],
  ['POST', '/generations/video/reframe'],
  ['POST', '/generations/video/modify'],
  ['GET', '/generations'],
  ['GET', '/generations/{id}'],
  ['DELETE', '/generations/{id}'],
  ['POST', '/generations/{id}/upscale'],
  ['POST', '/generations/{id}/audio'],
  ['GET', '/credits'],
];

/** Every vendor route, with `{id}` where an id goes. */
const ROUTES: Route[] = [
  ['acedata', 'POST', '/acedata/luma/videos'],
  ['acedata', 'POST', '/acedata/luma/tasks'],
  ...['yunwu', 'gptge', 'rixapi'].flatMap((p) =>
    RELAY_ROUTES.map(([method, path]): Route => [p, method, `/${p}${path}`]),
  ),
  ...LUMA_ROUTES.map(
    ([method, path]): Route => ['lumalabs', method, `/lumalabs/dream-machine/v1${path}`],
  ),
];

const ERROR_SCHEMAS: Record<string, string[]> = {
  acedata: ['acedata/error.json'],
  yunwu: ['relay/error.json'],
  gptge: ['relay/error.json'],
  rixapi: ['newapi/error.json', 'newapi/auth-error.json'],
  lumalabs: ['luma/error.json'],
};

const FIELDS = [
  'prompt',
  'user_prompt',
  'action',
  'aspect_ratio',
  'loop',
  'async',
  'timeout',
  'callback_url',
  'notify_hook',
  'video_id',
  'video_url',
  'id',
  'ids',
  'model',
  'keyframes',
  'duration',
  'resolution',
  'media',
  'mode',
  'generation_type',
  '__proto__',
  'constructor',
  'prototype',
];

const hostileId = fc.oneof(
  fc.constantFrom(
    '',
    '..',
    '../../etc/passwd',
    '%2e%2e%2f%2e%2e',
    '%00',
    'a'.repeat(5000),
    '🎬',
    ' ',
  ),
  fc.string({ maxLength: 40 }),
);

const hostileValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(
    1e308,
    -0,
    2 ** 53 + 1,
    '',
    'x'.repeat(200_000),
    '16:9',
    'generate',
    'retrieve_batch',
  ),
  fc.array(hostileId, { maxLength: 5 }),
);

/** A body as the raw text sent: valid JSON objects with wrong fields, or text that is no JSON at all. */
const hostileBody = fc.oneof(
  fc
    .dictionary(fc.constantFrom(...FIELDS), hostileValue, { maxKeys: 6 })
    .map((o) => JSON.stringify(o)),
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 200 }),
  fc.constantFrom(
    '',
    '{',
    '{"prompt": "x",}',
    'null',
    '"just a string"',
    '{"timeout": 1e999, "prompt": "x"}',
    '{"ids": ["a"], "__proto__": {"polluted": true}}',
    '{"constructor": {"prototype": {"polluted": true}}, "user_prompt": "x"}',
    `{"user_prompt": "x", "deep": ${'['.repeat(3000)}${']'.repeat(3000)}}`,
    `{"prompt": "x", "async": true, "deep": ${'{"a":'.repeat(80)}1${'}'.repeat(80)}}`,
    JSON.stringify({ ids: Array.from({ length: 10_000 }, (_, i) => `id-${i}`) }),
    JSON.stringify({
      ids: Array.from({ length: 10_000 }, (_, i) => `id-${i}`),
      action: 'retrieve_batch',
    }),
    `{"user_prompt": "${'x'.repeat(11 * 1024 * 1024)}"}`,
  ),
);

const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  undefined,
);

describe('hostile input', () => {
  it('gets a 4xx in the vendor’s envelope on every route, changes no task, and never brings the server down', async () => {
    const mock = makeMock();
    // Known tasks, so that some hostile requests aim at ids that exist.
    const yunwu = (await mock.post('/yunwu/luma/generations', { user_prompt: 'kept' })).body.id;
    await mock.post('/acedata/luma/videos', { prompt: 'kept', async: true });
    await mock.post('/lumalabs/dream-machine/v1/generations/video', { model: 'ray-2' });
    const snapshot = async () => JSON.stringify((await mock.http.get('/__admin/tasks')).body);

    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ROUTES),
        fc.oneof(hostileId, fc.constant(yunwu)),
        hostileBody,
        contentType,
        fc.constantFrom(`Bearer ${TOKEN}`, `Bearer ${TOKEN}`, undefined, 'Bearer', 'Basic x'),
        async ([profile, method, template], id, body, type, auth) => {
          const before = await snapshot();
          const path = template.replace('{id}', encodeURIComponent(id));
          let req = mock.http[method.toLowerCase() as 'get' | 'post' | 'delete'](path);
          if (auth) req = req.set('Authorization', auth);
          if (type) req = req.set('Content-Type', type);
          const res = await (method === 'GET' ? req : req.send(body));
          expect(res.status, `${method} ${path} ${body.slice(0, 80)}`).toBeLessThan(500);
          expect(res.headers['content-type'] ?? 'application/json').toMatch(/^application\/json/);
          if (res.status >= 400) {
            const schemas = ERROR_SCHEMAS[profile] as string[];
            const fits = schemas.filter((schema) => {
              try {
                expectSchema(schema, res.body);
                return true;
              } catch {
                return false;
              }
            });
            expect(fits.length, JSON.stringify(res.body)).toBeGreaterThan(0);
            expect(await snapshot()).toBe(before);
          }
        },
      ),
      { seed: 20261121, numRuns: 400 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // Whatever was accepted can be read back: the journal and every AceData record echo bodies.
    expect((await mock.http.get('/__admin/requests')).status).toBe(200);
    for (const task of (await mock.http.get('/__admin/tasks')).body.tasks) {
      if (task.profile !== 'acedata') continue;
      expect((await mock.post('/acedata/luma/tasks', { id: task.id })).status).toBe(200);
    }
    expect((await mock.get(`/yunwu/luma/generations/${yunwu}`)).body.request.prompt).toBe('kept');
  }, 120_000);

  it('refuses a batch of 10 000 ids, naming the limit', async () => {
    const mock = makeMock();
    const ids = Array.from({ length: 10_000 }, (_, i) => `id-${i}`);
    const relay = await mock.post('/yunwu/luma/tasks', { ids });
    expect(relay.status).toBe(400);
    expect(relay.body.detail.reason).toBe('ids must NOT have more than 1000 items');
    const ace = await mock.post('/acedata/luma/tasks', { ids, action: 'retrieve_batch' });
    expect(ace.status).toBe(400);
  });

  it('keeps at most max-tasks, forgetting the oldest ended task first, with a log line', async () => {
    const logs: string[] = [];
    const mock = makeMock({ maxTasks: 3, log: (line) => logs.push(line) });
    const create = async (p: string) =>
      (await mock.post('/gptge/luma/generations', { user_prompt: p })).body.id;
    const a = await create('a');
    mock.advance(10 ** 6);
    const b = await create('b');
    const c = await create('c');
    const running = (await mock.http.post('/__admin/tasks').send({ profile: 'gptge', stuck: true }))
      .body.id;
    expect(mock.deps.store.size).toBe(3);
    expect(mock.deps.store.has('gptge', a)).toBe(false);
    expect(logs).toEqual([`store full (3 tasks): forgetting gptge task ${a}`]);
    await create('d');
    expect([b, c, running].filter((id) => mock.deps.store.has('gptge', id))).toHaveLength(2);
  });
});

describe('a nesting bomb', () => {
  const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

  it('is refused with 400 before it is stored, where echoing it back would overflow the stack', async () => {
    const mock = makeMock();
    const bomb = await mock
      .post('/acedata/luma/videos')
      .set('Content-Type', 'application/json')
      .send(`{"prompt": "x", "async": true, "extra": ${nested(5000)}}`);
    expect(bomb.status).toBe(400);
    expect(bomb.body.error.message).toBe('The body is nested deeper than 64 levels.');
    expect(mock.deps.store.size).toBe(0);
  });

  it('at a depth a client might really send is stored, echoed and journalled', async () => {
    const mock = makeMock();
    const ok = await mock
      .post('/acedata/luma/videos')
      .set('Content-Type', 'application/json')
      .send(`{"prompt": "x", "async": true, "extra": ${nested(60)}}`);
    expect(ok.status).toBe(200);
    expect((await mock.post('/acedata/luma/tasks', { id: ok.body.task_id })).status).toBe(200);
    expect((await mock.http.get('/__admin/requests')).status).toBe(200);
  });

  it('counts brackets inside strings as text', async () => {
    const mock = makeMock();
    const res = await mock.post('/yunwu/luma/generations', { user_prompt: '['.repeat(500) });
    expect(res.status).toBe(200);
  });
});
