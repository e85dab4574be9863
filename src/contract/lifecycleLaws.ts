import { isTerminal } from '../core/lifecycle.js';
import type { Finding } from './findings.js';
import type { Observation } from './profileContracts.js';

const RANK = { pending: 0, processing: 1, completed: 2, failed: 2 } as const;

/**
 * What may happen to a task between two polls of the same route: states only move forward,
 * a terminal state stays, progress never goes down, media URLs only once completed.
 */
export class LifecycleLaws {
  readonly #last = new Map<string, Observation>();

  observe(route: string, task: string, now: Observation): Finding[] {
    const findings: Finding[] = [];
    const law = (expected: string, actual: string) =>
      findings.push({ severity: 'error', route, path: '(lifecycle)', expected, actual, task });
    const key = `${route}\u0000${task}`;
    const before = this.#last.get(key);
    if (now.hasMedia && now.phase !== 'completed' && now.phase !== 'unknown') {
      law('media URLs only once completed', `media while ${now.phase}`);
    }
    if (before && before.phase !== 'unknown' && now.phase !== 'unknown') {
      if (isTerminal(before.phase) && now.phase !== before.phase) {
        law(`terminal state ${before.phase} to stay`, `${before.phase} → ${now.phase}`);
      } else if (RANK[now.phase] < RANK[before.phase]) {
        law('states only move forward', `${before.phase} → ${now.phase}`);
      }
    }
    if (before?.progress != null && now.progress != null && now.progress < before.progress) {
      law('progress never to go down', `${before.progress}% → ${now.progress}%`);
    }
    this.#last.set(key, now);
    return findings;
  }
}
