import type { Task, TaskPlan } from './task.js';

/** The neutral states every dialect maps onto its own words. */
export type Phase = 'pending' | 'processing' | 'completed' | 'failed';

export interface TaskStatus {
  readonly phase: Phase;
  /** 0–100, never decreasing; on failure, the progress at which the task stopped. */
  readonly progress: number;
  readonly startedAt: number | null;
  readonly endedAt: number | null;
}

export function isTerminal(phase: Phase): boolean {
  return phase === 'completed' || phase === 'failed';
}

/** When the task leaves the queue, and when it ends (Infinity if it never does). */
export function milestones(createdAt: number, plan: TaskPlan): { startAt: number; endAt: number } {
  const startAt = createdAt + plan.queueMs;
  if (plan.stuck) return { startAt, endAt: Number.POSITIVE_INFINITY };
  const share = plan.outcome === 'failed' ? plan.failAtProgress / 100 : 1;
  return { startAt, endAt: startAt + Math.round(plan.renderMs * share) };
}

/**
 * A task's state at `now`: a pure function of its plan and the clock, so nothing ticks per
 * task and any number of tasks cost nothing while they wait.
 */
export function statusAt(task: Pick<Task, 'createdAt' | 'plan'>, now: number): TaskStatus {
  const { plan } = task;
  const { startAt, endAt } = milestones(task.createdAt, plan);
  if (now < startAt) return { phase: 'pending', progress: 0, startedAt: null, endedAt: null };
  if (now >= endAt) {
    return plan.outcome === 'failed'
      ? { phase: 'failed', progress: plan.failAtProgress, startedAt: startAt, endedAt: endAt }
      : { phase: 'completed', progress: 100, startedAt: startAt, endedAt: endAt };
  }
  const rendered = plan.renderMs > 0 ? ((now - startAt) / plan.renderMs) * 100 : 0;
  const cap = plan.outcome === 'failed' && !plan.stuck ? plan.failAtProgress : 99;
  const progress = Math.max(0, Math.min(Math.floor(rendered), cap, 99));
  return { phase: 'processing', progress, startedAt: startAt, endedAt: null };
}
