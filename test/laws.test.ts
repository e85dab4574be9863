import { describe, expect, it } from 'vitest';
import { Random } from '../src/core/random.js';
import type { TaskPlan } from '../src/core/task.js';
import { type Mock, makeMock } from './support/mock.js';

/** What a client can see of a task through a profile's own query route. */
interface Seen {
  rank: number;
  terminal: boolean;
  progress: number;
  hasMedia: boolean;
  completed: boolean;
}

const RELAY_RANK: Record<string, number> = { pending: 0, processing: 1, completed: 2, failed: 2 };
const NEWAPI_RANK: Record<string, number> = {
  NOT_START: 0,
  SUBMITTED: 1,
  IN_PROGRESS: 2,
  SUCCESS: 3,
  FAILURE: 3,
};

const relay = (state: string, video: unknown): Seen => ({
  rank: RELAY_RANK[state] as number,
  terminal: state === 'completed' || state === 'failed',
  progress: 0,
  hasMedia: video !== null,
  completed: state === 'completed',
});

const CLIENTS: Record<
  string,
  { create(m: Mock): Promise<string>; read(m: Mock, id: string): Promise<Seen> }
> = {
  yunwu: {
    create: async (m) => (await m.post('/yunwu/luma/generations', { user_prompt: 'x' })).body.id,
    read: async (m, id) => {
      const { body } = await m.get(`/yunwu/luma/generations/${id}`);
      return relay(body.state, body.video);
    },
  },
  gptge: {
    create: async (m) => (await m.post('/gptge/luma/generations', { user_prompt: 'x' })).body.id,
    read: async (m, id) => {
      const { body } = await m.get(`/gptge/luma/generations/${id}`);
      return relay(body.state, body.video);
    },
  },
  rixapi: {
    create: async (m) => (await m.post('/rixapi/luma/generations', { user_prompt: 'x' })).body.id,
    read: async (m, id) => {
      const [task] = (await m.post('/rixapi/luma/tasks', { ids: [id] })).body.data;
      return {
        rank: NEWAPI_RANK[task.status] as number,
        terminal: task.status === 'SUCCESS' || task.status === 'FAILURE',
        progress: Number.parseInt(task.progress, 10),
        hasMedia: task.data.video !== null,
        completed: task.status === 'SUCCESS',
      };
    },
  },
  lumalabs: {
    create: async (m) =>
      (await m.post('/lumalabs/dream-machine/v1/generations/video', { model: 'ray-2' })).body.id,
    read: async (m, id) => {
      const { body } = await m.get(`/lumalabs/dream-machine/v1/generations/${id}`);
      const state =
        { queued: 'pending', dreaming: 'processing' }[body.state as string] ?? body.state;
      return { ...relay(state, body.assets?.video ?? null) };
    },
  },
  acedata: {
    create: async (m) =>
      (await m.post('/acedata/luma/videos', { prompt: 'x', async: true })).body.task_id,
    read: async (m, id) => {
      const { body } = await m.post('/acedata/luma/tasks', { id });
      const state: string = body.response?.state ?? 'pending';
      return { ...relay(state, null), hasMedia: 'video_url' in (body.response ?? {}) };
    },
  },
};

const PLANS: Record<string, Partial<TaskPlan>> = {
  succeeds: {},
  'fails at 60%': { outcome: 'failed', failAtProgress: 60 },
  'is stuck': { stuck: true },
};

describe.each(Object.keys(CLIENTS))('lifecycle laws on /%s', (profile) => {
  const client = CLIENTS[profile] as (typeof CLIENTS)[string];

  it.each(Object.keys(PLANS))(
    'hold for a task that %s, polled at seeded random moments',
    async (name) => {
      const random = new Random(2024);
      const mock = makeMock({ plan: PLANS[name] });
      const id = await client.create(mock);
      let previous = await client.read(mock, id);
      for (let poll = 0; poll < 40; poll++) {
        mock.advance(random.int(0, 12_000));
        const seen = await client.read(mock, id);
        expect(seen.rank, 'states only move forward').toBeGreaterThanOrEqual(previous.rank);
        if (previous.terminal) expect(seen, 'terminal states stay terminal').toEqual(previous);
        expect(seen.progress, 'progress never goes down').toBeGreaterThanOrEqual(previous.progress);
        expect(seen.hasMedia, 'media only once completed').toBe(seen.completed);
        previous = seen;
      }
      expect(previous.terminal).toBe(name !== 'is stuck');
    },
  );
});

describe('a batch', () => {
  it('reports all its tasks as of one instant, even while the clock runs fast', async () => {
    const mock = makeMock({ plan: { queueMs: 0, renderMs: 10 ** 9 } });
    const ids: string[] = [];
    for (let i = 0; i < 200; i++) {
      ids.push((await mock.post('/rixapi/luma/generations', { user_prompt: `t${i}` })).body.id);
    }
    // Ten million clock ms per wall ms (1% of the render): reading each task at its own moment would scatter progress.
    mock.deps.clock.setSpeed(10_000_000);
    mock.deps.clock.resume();
    mock.deps.clock.advance(10 ** 8);
    const { body } = await mock.post('/rixapi/luma/tasks', { ids });
    const progress = new Set(body.data.map((task: { progress: string }) => task.progress));
    expect(body.data).toHaveLength(200);
    expect([...progress]).toHaveLength(1);
  });
});

describe('determinism', () => {
  const run = async (seed: number) => {
    const mock = makeMock({ seed });
    const created = await mock.post('/gptge/luma/generations', { user_prompt: 'x' });
    const ace = await mock.post('/acedata/luma/videos', { prompt: 'x', async: true });
    mock.advance(10 ** 6);
    const done = await mock.get(`/gptge/luma/generations/${created.body.id}`);
    const record = await mock.post('/acedata/luma/tasks', { id: ace.body.task_id });
    return JSON.stringify([created.body, done.body, record.body]);
  };

  it('gives the same bytes for the same seed and requests, and others for another seed', async () => {
    expect(await run(11)).toBe(await run(11));
    expect(await run(11)).not.toBe(await run(12));
  });
});
