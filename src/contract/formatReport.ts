import type { Finding } from './findings.js';
import type { Check, VerifyReport } from './runVerify.js';

const line = (f: Finding) =>
  `      ${f.severity.padEnd(8)}${f.path.padEnd(28)} expected ${f.expected}, got ${f.actual}`;

/** The report for a person: checks with findings one by one; clean ones folded by route and task. */
export function formatHuman(report: VerifyReport): string {
  const out = [`luma-mock verify: ${report.profile} at ${report.baseUrl}`];
  const clean = new Map<string, { check: Check; count: number }>();
  const order: (string | Check)[] = [];
  for (const check of report.checks) {
    if (check.findings.length > 0) {
      order.push(check);
      continue;
    }
    const key = `${check.route}\u0000${check.task ?? ''}`;
    const seen = clean.get(key);
    if (seen) seen.count += 1;
    else {
      clean.set(key, { check, count: 1 });
      order.push(key);
    }
  }
  const head = (mark: string, check: Check, count = 1) =>
    `  ${mark} ${check.route}${check.task ? ` (${check.task})` : ''}${count > 1 ? ` ×${count}` : ''}  ${check.status}`;
  for (const item of order) {
    if (typeof item === 'string') {
      const { check, count } = clean.get(item) as { check: Check; count: number };
      out.push(head('✓', check, count));
      continue;
    }
    const errors = item.findings.some((f) => f.severity === 'error');
    out.push(head(errors ? '✗' : '!', item), ...item.findings.map(line));
  }
  const verdict = report.errors > 0 ? 'contract errors' : 'conforms';
  out.push(
    `${report.checks.length} checks: ${report.errors} errors, ${report.warnings} warnings (${verdict})`,
  );
  return `${out.join('\n')}\n`;
}

export function formatJson(report: VerifyReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** Escaped for an XML attribute or text; control characters XML 1.0 cannot hold are dropped. */
const xml = (text: string) =>
  [...text]
    .filter((c) => c >= ' ' || c === '\t' || c === '\n' || c === '\r')
    .join('')
    .replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** JUnit XML: one suite for the profile, one test case per check, errors as failures. */
export function formatJunit(report: VerifyReport): string {
  const failures = report.checks.filter((c) => c.findings.some((f) => f.severity === 'error'));
  const seconds = (ms: number) => (ms / 1000).toFixed(3);
  const total = report.checks.reduce((sum, c) => sum + c.durationMs, 0);
  const cases = report.checks.map((check, i) => {
    const errors = check.findings.filter((f) => f.severity === 'error');
    const warnings = check.findings.filter((f) => f.severity === 'warning');
    const name = `${check.route}${check.task ? ` ${check.task}` : ''} #${i + 1}`;
    const body = [
      ...errors.map(
        (f) =>
          `      <failure type="contract" message="${xml(`${f.path}: expected ${f.expected}, got ${f.actual}`)}"/>`,
      ),
      ...(warnings.length > 0
        ? [
            `      <system-out>${xml(warnings.map((f) => `warning ${f.path}: expected ${f.expected}, got ${f.actual}`).join('\n'))}</system-out>`,
          ]
        : []),
    ];
    const open = `    <testcase classname="${xml(`${report.profile}.${check.route}`)}" name="${xml(name)}" time="${seconds(check.durationMs)}"`;
    return body.length === 0 ? `${open}/>` : `${open}>\n${body.join('\n')}\n    </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="luma-mock verify" tests="${report.checks.length}" failures="${failures.length}" time="${seconds(total)}">`,
    `  <testsuite name="${xml(report.profile)}" tests="${report.checks.length}" failures="${failures.length}" errors="0" time="${seconds(total)}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
