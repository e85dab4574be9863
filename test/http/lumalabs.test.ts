import LumaAI from 'lumaai';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLumaMock } from '../../src/createLumaMock.js';
import { expectSchema } from '../support/mock.js';
import { startReceiver } from '../support/receiver.js';

const QUEUE_MS = 10_000;
const RENDER_MS = 120_000;

describe('Luma Dream Machine API v1, driven by the official lumaai SDK', () => {
  const mock = createLumaMock({ log: () => {}, callbacks: { retryDelayMs: 1 } });
  let baseURL: string;
  let client: LumaAI;

  beforeAll(async () => {
    baseURL = `${(await mock.listen()).url}/lumalabs/dream-machine/v1`;
    client = new LumaAI({ authToken: 'luma-test-key', baseURL });
  });
  afterEach(() => mock.reset());
  afterAll(() => mock.close());

  const video = (over: Partial<LumaAI.GenerationCreateParams> = {}) =>
    client.generations.create({ model: 'ray-2', prompt: 'a tiger walking in snow', ...over });
  const finish = async (id: string) => {
    mock.clock.advance(QUEUE_MS + RENDER_MS);
    return client.generations.get(id);
  };

  it('needs nothing but LUMAAI_BASE_URL to reach the mock', async () => {
    const saved = process.env.LUMAAI_BASE_URL;
    process.env.LUMAAI_BASE_URL = baseURL;
    try {
      const fromEnv = new LumaAI({ authToken: 'k' });
      expect(await fromEnv.ping.check()).toEqual({ message: 'pong' });
    } finally {
      if (saved === undefined) delete process.env.LUMAAI_BASE_URL;
      else process.env.LUMAAI_BASE_URL = saved;
    }
  });

  it('creates, then goes queued → dreaming → completed with a video URL as the clock moves', async () => {
    const created = await video({ aspect_ratio: '9:16', duration: '5s', resolution: '720p' });
    expectSchema('luma/generation.json', created);
    expect(created).toMatchObject({
      generation_type: 'video',
      state: 'queued',
      model: 'ray-2',
      assets: null,
      failure_reason: null,
    });
    expect(created.request).toMatchObject({ model: 'ray-2', aspect_ratio: '9:16' });
    const seen = [];
    for (const step of [QUEUE_MS, RENDER_MS / 2, RENDER_MS / 2]) {
      mock.clock.advance(step);
      const generation = await client.generations.get(created.id as string);
      expectSchema('luma/generation.json', generation);
      seen.push([generation.state, Object.keys(generation.assets ?? {}).sort()]);
    }
    expect(seen).toEqual([
      ['dreaming', ['progress_video']],
      ['dreaming', ['progress_video']],
      ['completed', ['image', 'progress_video', 'video']],
    ]);
    const done = await client.generations.get(created.id as string);
    expect(done.assets?.video).toMatch(
      /^https:\/\/storage\.cdn-luma\.com\/dream_machine\/.+\.mp4$/,
    );
  });

  it('accepts the 2024 create route, defaulting the model', async () => {
    const res = await fetch(`${baseURL}/generations`, {
      method: 'POST',
      headers: { Authorization: 'Bearer k', 'Content-Type': 'application/json' },
      body: JSON.stringify({ prompt: 'x', aspect_ratio: '16:9' }),
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ model: 'ray-1-6', state: 'queued' });
  });

  it('extends, reverse-extends and interpolates through keyframes', async () => {
    const a = await video({ aspect_ratio: '21:9' });
    const b = await video();
    await finish(a.id as string);
    const extended = await video({
      keyframes: { frame0: { type: 'generation', id: a.id as string } },
    });
    expect(extended.request).toMatchObject({ keyframes: { frame0: { id: a.id } } });
    const reversed = await video({
      keyframes: { frame1: { type: 'generation', id: b.id as string } },
    });
    const both = await video({
      keyframes: {
        frame0: { type: 'generation', id: a.id as string },
        frame1: { type: 'image', url: 'https://example.test/end.jpg' },
      },
    });
    for (const g of [extended, reversed, both]) expect(g.state).toBe('queued');
    expect(mock.tasks.get('lumalabs', extended.id as string)).toMatchObject({
      action: 'extend',
      aspect_ratio: '21:9',
    });
  });

  it('refuses a keyframe naming a generation that does not exist or has not completed', async () => {
    const queued = await video();
    for (const id of ['no-such-generation', queued.id as string]) {
      const error = await video({ keyframes: { frame0: { type: 'generation', id } } }).catch(
        (e) => e,
      );
      expect(error).toBeInstanceOf(LumaAI.BadRequestError);
      expect(error.status).toBe(400);
      expect(error.error).toEqual({
        detail:
          id === queued.id ? `Generation ${id} is not completed` : `Generation ${id} not found`,
      });
    }
  });

  it('lists newest first, with paging', async () => {
    const ids = [];
    for (let i = 0; i < 5; i++) {
      ids.push((await video({ prompt: `p${i}` })).id);
      mock.clock.advance(1_000);
    }
    const first = await client.generations.list({ limit: 2 });
    expectSchema('luma/generation-list.json', first);
    expect(first.generations.map((g) => g.id)).toEqual([ids[4], ids[3]]);
    expect(first).toMatchObject({ count: 5, has_more: true, limit: 2, offset: 0 });
    const last = await client.generations.list({ limit: 2, offset: 4 });
    expect(last.generations.map((g) => g.id)).toEqual([ids[0]]);
    expect(last.has_more).toBe(false);
    const error = await client.generations.list({ limit: 0 }).catch((e) => e);
    expect(error).toBeInstanceOf(LumaAI.UnprocessableEntityError);
  });

  it('deletes, after which get raises NotFoundError', async () => {
    const { id } = await video();
    await client.generations.delete(id as string);
    const error = await client.generations.get(id as string).catch((e) => e);
    expect(error).toBeInstanceOf(LumaAI.NotFoundError);
    expect(error.error).toEqual({ detail: `Generation ${id} not found` });
    await expect(client.generations.delete(id as string)).rejects.toBeInstanceOf(
      LumaAI.NotFoundError,
    );
  });

  it('raises AuthenticationError without a key, and with a key not accepted', async () => {
    const keyless = new LumaAI({ authToken: '', baseURL });
    const error = await keyless.ping.check().catch((e) => e);
    expect(error).toBeInstanceOf(LumaAI.AuthenticationError);
    expectSchema('luma/error.json', error.error);
    const strict = createLumaMock({ tokens: ['right'] });
    const { url } = await strict.listen();
    const wrong = new LumaAI({ authToken: 'wrong', baseURL: `${url}/lumalabs/dream-machine/v1` });
    await expect(wrong.credits.get()).rejects.toBeInstanceOf(LumaAI.AuthenticationError);
    await strict.close();
  });

  it('refuses bodies outside the SDK’s types with 422, naming the field', async () => {
    const error = await client.generations
      .create({ model: 'ray-9' as 'ray-2', aspect_ratio: '2:1' as '16:9' })
      .catch((e) => e);
    expect(error).toBeInstanceOf(LumaAI.UnprocessableEntityError);
    expect(error.error.detail).toContain('model must be one of ray-1-6, ray-2, ray-flash-2');
    expect(error.error.detail).toContain('aspect_ratio must be one of');
    const noModel = await fetch(`${baseURL}/generations/video`, {
      method: 'POST',
      headers: { Authorization: 'Bearer k' },
      body: JSON.stringify({ prompt: 'x' }),
    });
    expect(noModel.status).toBe(422);
    expect(await noModel.json()).toEqual({ detail: 'model is required' });
  });

  it('retries an injected 429 as the SDK’s settings say, honouring Retry-After', async () => {
    mock.faults.add({ profile: 'lumalabs', status: 429, retry_after: 0.001, times: 2 });
    expect(await client.ping.check()).toEqual({ message: 'pong' });
    const attempts = mock.journal.requests({ profile: 'lumalabs', path: '/ping' });
    expect(attempts.map((r) => r.status)).toEqual([429, 429, 200]);
    expect(attempts[2]?.headers['x-stainless-retry-count']).toBe('2');

    mock.faults.add({ profile: 'lumalabs', status: 429, retry_after: 0.001, times: 1 });
    const impatient = new LumaAI({ authToken: 'k', baseURL, maxRetries: 0 });
    const error = await impatient.ping.check().catch((e) => e);
    expect(error).toBeInstanceOf(LumaAI.RateLimitError);
    expect(error.headers['retry-after']).toBe('0.001');
  });

  it('raises InternalServerError for an injected 5xx it is not allowed to retry', async () => {
    mock.faults.add({ profile: 'lumalabs', status: 503, times: 1 });
    const impatient = new LumaAI({ authToken: 'k', baseURL, maxRetries: 0 });
    const error = await impatient.credits.get().catch((e) => e);
    expect(error).toBeInstanceOf(LumaAI.InternalServerError);
    expect(error.status).toBe(503);
  });

  it('reports a failure with failure_reason and no assets', async () => {
    mock.scenarios.add({
      profile: 'lumalabs',
      failure_reason: '400: concepts are not supported',
      times: 1,
    });
    const { id } = await video({ concepts: [{ key: 'dolly_zoom' }] });
    const failed = await finish(id as string);
    expectSchema('luma/generation.json', failed);
    expect(failed).toMatchObject({
      state: 'failed',
      failure_reason: '400: concepts are not supported',
      assets: null,
    });
  });

  it('upscales and adds audio to a completed generation, and refuses an unfinished one', async () => {
    const { id } = await video();
    const early = await client.generations
      .upscale(id as string, { resolution: '1080p' })
      .catch((e) => e);
    expect(early).toBeInstanceOf(LumaAI.BadRequestError);
    await finish(id as string);
    const upscaled = await client.generations.upscale(id as string, { resolution: '4k' });
    expect(upscaled).toMatchObject({ generation_type: 'upscale_video', state: 'queued' });
    const audio = await client.generations.audio(id as string, { prompt: 'rain' });
    expect(audio).toMatchObject({ generation_type: 'add_audio', request: { prompt: 'rain' } });
    await expect(client.generations.audio('nope', {})).rejects.toBeInstanceOf(LumaAI.NotFoundError);
  });

  it('makes images, reframes and modifications', async () => {
    const image = await client.generations.image.create({
      model: 'photon-1',
      prompt: 'x',
      format: 'png',
    });
    expect(image.generation_type).toBe('image');
    const done = await finish(image.id as string);
    expect(done.assets).toEqual({ image: expect.stringMatching(/\.png$/) });
    const media = { url: 'https://example.test/a.mp4' };
    const reframed = await client.generations.video.reframe({
      generation_type: 'reframe_video',
      model: 'ray-2',
      aspect_ratio: '9:16',
      media,
    });
    expect(reframed.generation_type).toBe('reframe_video');
    const modified = await client.generations.video.modify({
      generation_type: 'modify_video',
      model: 'ray-flash-2',
      mode: 'flex_1',
      media,
    });
    expect(modified.generation_type).toBe('modify_video');
    const reframedImage = await client.generations.image.reframe({
      generation_type: 'reframe_image',
      model: 'photon-flash-1',
      aspect_ratio: '1:1',
      media: { url: 'https://example.test/a.jpg' },
    });
    expect(reframedImage.generation_type).toBe('reframe_image');
  });

  it('counts credits down as generations are made, and lists concepts and camera motions', async () => {
    const before = (await client.credits.get()).credit_balance;
    await video();
    await client.generations.image.create({ model: 'photon-1', prompt: 'x' });
    expect((await client.credits.get()).credit_balance).toBe(before - 41);
    mock.reset();
    expect((await client.credits.get()).credit_balance).toBe(before);
    expect(await client.generations.concepts.list()).toContain('dolly_zoom');
    const motions = await fetch(`${baseURL}/generations/camera_motion/list`, {
      headers: { Authorization: 'Bearer k' },
    });
    expectSchema('luma/string-list.json', await motions.json());
  });

  it('calls back with the Generation when it is dreaming, then completed', async () => {
    const receiver = await startReceiver();
    const { id } = await video({ callback_url: receiver.url });
    mock.clock.advance(QUEUE_MS + RENDER_MS);
    await mock.callbacks.idle();
    const states = receiver.received.map((r) => (r.body as { id: string; state: string }).state);
    expect(states).toEqual(['dreaming', 'completed']);
    for (const r of receiver.received) {
      expectSchema('luma/generation.json', r.body);
      expect(r.body).toMatchObject({ id });
    }
    await receiver.close();
  });
});
