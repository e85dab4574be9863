import { afterEach, describe, expect, it, vi } from 'vitest';
import { Clock } from '../../src/core/clock.js';
import { Scheduler } from '../../src/core/scheduler.js';

const T0 = Date.parse('2024-12-22T13:38:40.139Z');

describe('the clock', () => {
  let wall = 0;
  const wallNow = () => wall;

  it('in manual mode stands still until advanced', () => {
    const clock = new Clock({ mode: 'manual', speed: 1, startAt: T0, wallNow });
    wall += 60_000;
    expect(clock.now()).toBe(T0);
    expect(clock.advance(1_500)).toBe(T0 + 1_500);
    expect(clock.now()).toBe(T0 + 1_500);
    expect(clock.wallMsUntil(T0 + 2_000)).toBe(Number.POSITIVE_INFINITY);
  });

  it('in real mode follows the wall clock, N times faster with speed N', () => {
    const clock = new Clock({ mode: 'real', speed: 10, startAt: T0, wallNow });
    wall += 1_000;
    expect(clock.now()).toBe(T0 + 10_000);
    expect(clock.wallMsUntil(T0 + 30_000)).toBe(2_000);
  });

  it('keeps its reading when frozen, resumed or sped up', () => {
    const clock = new Clock({ mode: 'real', speed: 1, startAt: T0, wallNow });
    wall += 500;
    clock.freeze();
    wall += 10_000;
    expect(clock.now()).toBe(T0 + 500);
    clock.resume();
    clock.setSpeed(4);
    wall += 1_000;
    expect(clock.now()).toBe(T0 + 4_500);
  });

  it('refuses to go back through advance, or to advance by nonsense', () => {
    const clock = new Clock({ mode: 'manual', speed: 1, startAt: T0, wallNow });
    expect(() => clock.advance(-1)).toThrow(RangeError);
    expect(() => clock.advance(Number.NaN)).toThrow(RangeError);
    expect(clock.now()).toBe(T0);
  });
});

describe('the scheduler', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs what a manual jump crosses, in time order, and nothing beyond it', () => {
    const clock = new Clock({ mode: 'manual', speed: 1, startAt: T0 });
    const scheduler = new Scheduler(clock);
    const ran: string[] = [];
    scheduler.at(T0 + 300, () => ran.push('c'));
    scheduler.at(T0 + 100, () => ran.push('a'));
    scheduler.at(T0 + 200, () => ran.push('b'));
    scheduler.at(T0 + 900, () => ran.push('late'));
    const cancel = scheduler.at(T0 + 150, () => ran.push('cancelled'));
    cancel();
    clock.advance(500);
    expect(ran).toEqual(['a', 'b', 'c']);
    expect(scheduler.pending).toBe(1);
    scheduler.dispose();
  });

  it('runs at once what is already due', () => {
    const clock = new Clock({ mode: 'manual', speed: 1, startAt: T0 });
    const scheduler = new Scheduler(clock);
    let ran = false;
    scheduler.at(T0, () => {
      ran = true;
    });
    expect(ran).toBe(true);
    scheduler.dispose();
  });

  it('on a running clock, wakes by one timer when the time comes', async () => {
    vi.useFakeTimers();
    const clock = new Clock({ mode: 'real', speed: 60, startAt: T0 });
    const scheduler = new Scheduler(clock);
    const ran: number[] = [];
    scheduler.at(T0 + 60_000, () => ran.push(clock.now()));
    await vi.advanceTimersByTimeAsync(999);
    expect(ran).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(ran).toEqual([T0 + 60_000]);
    scheduler.dispose();
  });

  it('until() resolves when the clock gets there, or when abandoned', async () => {
    const clock = new Clock({ mode: 'manual', speed: 1, startAt: T0 });
    const scheduler = new Scheduler(clock);
    const reached = scheduler.until(T0 + 1_000);
    clock.advance(1_000);
    await expect(reached).resolves.toBeUndefined();
    const gone = new AbortController();
    const abandoned = scheduler.until(T0 + 10 ** 9, gone.signal);
    gone.abort();
    await expect(abandoned).resolves.toBeUndefined();
    expect(scheduler.pending).toBe(0);
    scheduler.dispose();
  });
});
