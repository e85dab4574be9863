import type { Issue } from '../core/errors.js';

export type Severity = 'error' | 'warning';

/** One place where an answer differs from the contract. */
export interface Finding {
  readonly severity: Severity;
  readonly route: string;
  /** JSON path into the answer, e.g. `[0].video.width`; `(status)`, `(content-type)`, `(lifecycle)` for the rest. */
  readonly path: string;
  readonly expected: string;
  readonly actual: string;
  readonly task?: string | undefined;
}

/** `/0/video/width` → `[0].video.width` */
export function jsonPath(location: string): string {
  if (location === '') return '(body)';
  return location
    .slice(1)
    .split('/')
    .map((part, i) => (/^\d+$/.test(part) ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join('')
    .replace(/^\./, '');
}

function valueAt(body: unknown, location: string): { found: boolean; value: unknown } {
  let value = body;
  for (const part of location.split('/').slice(1)) {
    const key = part.replaceAll('~1', '/').replaceAll('~0', '~');
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) {
      return { found: false, value: undefined };
    }
    value = (value as Record<string, unknown>)[key];
  }
  return { found: true, value };
}

export function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/**
 * A schema issue as a finding: a field the vendor added beyond the contract is a warning;
 * a missing field, a wrong type, a value outside an enum, anything else is an error.
 */
export function findingOf(route: string, issue: Issue, body: unknown, task?: string): Finding {
  const at = valueAt(body, issue.location);
  const extra = issue.keyword === 'additionalProperties';
  const expected = extra
    ? 'no such field (undocumented)'
    : issue.keyword === 'required'
      ? 'present'
      : issue.message.replace(/^must be /, '');
  return {
    severity: extra ? 'warning' : 'error',
    route,
    path: jsonPath(issue.location),
    expected,
    actual: at.found ? shown(at.value) : 'missing',
    task,
  };
}
