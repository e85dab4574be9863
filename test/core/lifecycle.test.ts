import { describe, expect, it } from 'vitest';
import { isTerminal, milestones, type Phase, statusAt } from '../../src/core/lifecycle.js';
import { Random } from '../../src/core/random.js';
import type { TaskPlan } from '../../src/core/task.js';
import { DEFAULT_PLAN as DEFAULTS } from '../../src/options.js';

const { jitter: _j, failRate: _f, ...DEFAULT_PLAN } = DEFAULTS;

const T0 = 1_000_000;
const plan = (over: Partial<TaskPlan> = {}): TaskPlan => ({
  ...DEFAULT_PLAN,
  queueMs: 10_000,
  renderMs: 100_000,
  ...over,
});
const at = (p: TaskPlan, ms: number) => statusAt({ createdAt: T0, plan: p }, T0 + ms);
const ORDER: Phase[] = ['pending', 'processing', 'completed'];

describe('a task’s state, read off its plan and the clock', () => {
  it('is pending until the queue time has passed, with no start time', () => {
    expect(at(plan(), 0)).toEqual({
      phase: 'pending',
      progress: 0,
      startedAt: null,
      endedAt: null,
    });
    expect(at(plan(), 9_999).phase).toBe('pending');
  });

  it('is processing from the end of the queue, progress growing with render time', () => {
    expect(at(plan(), 10_000)).toEqual({
      phase: 'processing',
      progress: 0,
      startedAt: T0 + 10_000,
      endedAt: null,
    });
    expect(at(plan(), 60_000).progress).toBe(50);
    expect(at(plan(), 109_999).progress).toBe(99);
  });

  it('completes when the render time has passed, and stays completed', () => {
    for (const ms of [110_000, 110_001, 10 ** 12]) {
      expect(at(plan(), ms)).toEqual({
        phase: 'completed',
        progress: 100,
        startedAt: T0 + 10_000,
        endedAt: T0 + 110_000,
      });
    }
  });

  it('fails at the planned progress with the planned moment as its end', () => {
    const failing = plan({ outcome: 'failed', failAtProgress: 60 });
    expect(at(failing, 69_999)).toMatchObject({ phase: 'processing', progress: 59 });
    expect(at(failing, 70_000)).toEqual({
      phase: 'failed',
      progress: 60,
      startedAt: T0 + 10_000,
      endedAt: T0 + 70_000,
    });
  });

  it('never ends when stuck, holding below 100%', () => {
    const stuck = plan({ stuck: true });
    expect(milestones(T0, stuck).endAt).toBe(Number.POSITIVE_INFINITY);
    expect(at(stuck, 10 ** 12)).toMatchObject({ phase: 'processing', progress: 99, endedAt: null });
  });

  it('with no queue and no render time, is completed at once', () => {
    expect(at(plan({ queueMs: 0, renderMs: 0 }), 0).phase).toBe('completed');
  });

  it('only moves forward, never loses progress, and ends for good (seeded sweep)', () => {
    const random = new Random(99);
    for (let trial = 0; trial < 200; trial++) {
      const p = plan({
        queueMs: random.int(0, 20_000),
        renderMs: random.int(0, 200_000),
        outcome: random.int(0, 1) ? 'failed' : 'completed',
        failAtProgress: random.int(0, 100),
        stuck: random.int(0, 9) === 0,
      });
      let previous = at(p, 0);
      for (let ms = 0; ms < 300_000; ms += random.int(1, 20_000)) {
        const next = at(p, ms);
        if (isTerminal(previous.phase)) expect(next).toEqual(previous);
        else if (next.phase !== 'failed') {
          expect(ORDER.indexOf(next.phase)).toBeGreaterThanOrEqual(ORDER.indexOf(previous.phase));
        }
        expect(next.progress).toBeGreaterThanOrEqual(previous.progress);
        previous = next;
      }
    }
  });
});
