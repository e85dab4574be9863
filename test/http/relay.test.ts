import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  expectSchema,
  type Mock,
  makeMock,
  QUEUE_MS,
  RENDER_MS,
  START,
  shapeOf,
} from '../support/mock.js';

const fixture = (path: string) =>
  JSON.parse(readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8'));

/** Each relay profile, and the vendor example its completed generation must match key for key. */
const RELAYS = [
  { profile: 'yunwu', example: 'yunwu/generation-get-response.json', failureReason: false },
  { profile: 'gptge', example: 'gptge/generation-get-response.json', failureReason: true },
  { profile: 'rixapi', example: 'gptge/generation-get-response.json', failureReason: true },
] as const;

describe.each(RELAYS)('/$profile relay routes', ({ profile, example, failureReason }) => {
  let mock: Mock;
  const base = `/${profile}/luma`;
  const create = (body: object = { user_prompt: 'cat dance', aspect_ratio: '16:9' }) =>
    mock.post(`${base}/generations`, body);
  const get = (id: string) => mock.get(`${base}/generations/${id}`);

  beforeEach(() => {
    mock = makeMock();
  });

  it('creates a pending generation, answered as the vendor documents a create', async () => {
    const res = await create();
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expectSchema('relay/generation-created.json', res.body);
    expect(shapeOf(res.body)).toEqual(shapeOf(fixture('yunwu/generation-create-response.json')));
    expect(res.body).toMatchObject({ prompt: 'cat dance', state: 'pending', video: null });
    expect(res.body.created_at.startsWith('2024-12-22T13:38:40.139')).toBe(true);
  });

  it('goes pending → processing → completed on the clock, every key always present', async () => {
    const { id } = (await create()).body;
    const seen = [];
    for (const step of [0, QUEUE_MS, RENDER_MS / 2, RENDER_MS / 2]) {
      mock.advance(step);
      const res = await get(id);
      expect(res.status).toBe(200);
      expectSchema('relay/generation.json', res.body);
      expect(Object.keys(res.body).sort()).toEqual(Object.keys(fixture(example)).sort());
      seen.push(res.body.state);
    }
    expect(seen).toEqual(['pending', 'processing', 'processing', 'completed']);
  });

  it('answers a completed generation key by key and type by type as the vendor’s example', async () => {
    const { id } = (await create()).body;
    mock.advance(QUEUE_MS + RENDER_MS);
    const { body } = await get(id);
    expect(shapeOf(body)).toEqual(shapeOf(fixture(example)));
    expect(body.request).toEqual({ prompt: 'cat dance', aspect_ratio: '16:9' });
    expect(body.video).toMatchObject({ width: 1360, height: 752 });
    expect(body.video.url).toMatch(
      /^https:\/\/storage\.cdn-luma\.com\/dream-machine\/[0-9a-f-]{36}\/[0-9a-f-]{36}\/video0[0-9a-f]{32}\.mp4$/,
    );
    expect(body.video_raw.duration).toBe(5.041667);
    expect(body.artifact.video).toEqual(body.video);
    expect(body.artifact.created_at).toBe('0001-01-01T00:00:00Z');
    expect(body.thumbnail.palette.grid).toHaveLength(100);
    expect(body.last_frame.url).toMatch(/\/video_0_last_frame\.jpg$/);
    expect(body.created_at).toBe(new Date(START).toISOString());
  });

  it('sizes the video by the aspect ratio asked for', async () => {
    const { id } = (await create({ user_prompt: 'tall', aspect_ratio: '9:16' })).body;
    mock.advance(QUEUE_MS + RENDER_MS);
    const { body } = await get(id);
    expect(body.video).toMatchObject({ width: 752, height: 1360 });
    expect(body.request.aspect_ratio).toBe('9:16');
  });

  it('reports a planned failure with state failed and no media', async () => {
    mock = makeMock({ plan: { outcome: 'failed', failureReason: 'moderation: blocked' } });
    const { id } = (await create()).body;
    mock.advance(QUEUE_MS + RENDER_MS);
    const { body } = await get(id);
    expectSchema('relay/generation.json', body);
    expect(body).toMatchObject({ state: 'failed', video: null, artifact: null });
    if (failureReason) expect(body.failure_reason).toBe('moderation: blocked');
    else expect(body).not.toHaveProperty('failure_reason');
  });

  it('extends a completed generation into a new pending one', async () => {
    const { id } = (await create()).body;
    mock.advance(QUEUE_MS + RENDER_MS);
    const res = await mock.post(`${base}/generations/${id}/extend`, {
      user_prompt: 'add cat',
      expand_prompt: true,
    });
    expect(res.status).toBe(200);
    expectSchema('relay/generation-created.json', res.body);
    expect(res.body.id).not.toBe(id);
    expect(res.body.state).toBe('pending');
    const extended = await get(res.body.id);
    expect(extended.body.request).toEqual({ prompt: 'add cat', aspect_ratio: '16:9' });
  });

  it('refuses to extend a generation that has not completed', async () => {
    const { id } = (await create()).body;
    const res = await mock.post(`${base}/generations/${id}/extend`, { user_prompt: 'more' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('has not completed');
  });

  it('gives the watermark-free URL once the video exists, and a 400 before', async () => {
    const { id } = (await create()).body;
    const early = await mock.get(`${base}/generations/${id}/download_video_url`);
    expect(early.status).toBe(400);
    mock.advance(QUEUE_MS + RENDER_MS);
    const res = await mock.get(`${base}/generations/${id}/download_video_url`);
    expect(res.status).toBe(200);
    expectSchema('relay/download-video-url-response.json', res.body);
    expect(res.body.url).toBe((await get(id)).body.video.url);
  });

  it('refuses a create without user_prompt, naming the field', async () => {
    const res = await create({ aspect_ratio: '16:9' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('user_prompt is required');
  });

  it('refuses fields of the wrong type or outside the documented values', async () => {
    const res = await create({ user_prompt: 'x', loop: 'yes', aspect_ratio: '2:1' });
    expect(res.status).toBe(400);
    const text = JSON.stringify(res.body);
    expect(text).toContain('loop must be boolean');
    expect(text).toContain('aspect_ratio must be one of');
  });

  it('keeps its tasks to itself: another profile does not know them', async () => {
    const { id } = (await create()).body;
    const other = profile === 'yunwu' ? 'gptge' : 'yunwu';
    expect((await mock.get(`/${other}/luma/generations/${id}`)).status).toBe(404);
  });
});

describe('/yunwu POST /luma/tasks', () => {
  it('answers a bare array of generations, skipping unknown ids, as of one instant', async () => {
    const mock = makeMock();
    const a = (await mock.post('/yunwu/luma/generations', { user_prompt: 'a' })).body.id;
    mock.advance(QUEUE_MS + RENDER_MS);
    const b = (await mock.post('/yunwu/luma/generations', { user_prompt: 'b' })).body.id;
    const res = await mock.post('/yunwu/luma/tasks', { ids: [a, 'no-such-id', b, a] });
    expect(res.status).toBe(200);
    expectSchema('relay/tasks-response.json', res.body);
    expect(res.body.map((g: { id: string; state: string }) => [g.id, g.state])).toEqual([
      [a, 'completed'],
      [b, 'pending'],
    ]);
    expect(shapeOf(res.body[0])).toEqual(shapeOf(fixture('yunwu/tasks-response.json')[0]));
  });

  it('refuses a body without ids', async () => {
    const res = await makeMock().post('/yunwu/luma/tasks', { model: 'kling-image' });
    expect(res.status).toBe(400);
    expect(res.body.detail.reason).toBe('ids is required');
  });
});

describe('/gptge has no batch route', () => {
  it('answers POST /luma/tasks with a 404 in the relay envelope', async () => {
    const res = await makeMock().post('/gptge/luma/tasks', { ids: [] });
    expect(res.status).toBe(404);
    expectSchema('relay/error.json', res.body);
  });
});
