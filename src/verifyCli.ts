#!/usr/bin/env node
import { realpathSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { formatHuman, formatJson, formatJunit } from './contract/formatReport.js';
import { PROFILE_CONTRACTS } from './contract/profileContracts.js';
import { NetworkError, runVerify, type VerifyIO } from './contract/runVerify.js';
import { loadSchemas } from './validation/schemas.js';

export const TOKEN_ENV = 'LUMA_VERIFY_TOKEN';

export const VERIFY_HELP = `luma-mock verify: check a vendor's answers against the contract

Usage: npm run verify -- --profile P --base-url URL [options]

  --profile P           ${Object.keys(PROFILE_CONTRACTS).join(' | ')}
  --base-url URL        the vendor, e.g. https://yunwu.ai (Luma: https://api.lumalabs.ai/dream-machine/v1)
  --token T             bearer token (default: $${TOKEN_ENV})
  --task-id ID          an existing task to read; repeatable
  --create              create one task (spends credits) and poll it to the end
  --timeout S           seconds to wait for the created task (default 600)
  --interval S          seconds between polls (default 5)
  --json                print the report as JSON
  --report-junit FILE   also write a JUnit XML report
  -h, --help            show this help

Exit: 0 conforms (warnings allowed), 1 contract errors, 2 usage or network failure.
`;

export interface CliIO extends Omit<VerifyIO, 'progress'> {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly writeFile: (path: string, text: string) => void;
}

function number(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed) || parsed < 0) {
    throw new RangeError(`--${flag} must be a number >= 0, got "${value}"`);
  }
  return parsed;
}

/** Runs verify; answers the exit code. The token never reaches any output. */
export async function verifyMain(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  io: CliIO,
): Promise<number> {
  let token = '';
  const redact = (text: string) => (token === '' ? text : text.replaceAll(token, '[redacted]'));
  const out = (text: string) => io.stdout(redact(text));
  const err = (text: string) => io.stderr(redact(text));
  try {
    const { values } = parseArgs({
      args: [...argv],
      strict: true,
      options: {
        profile: { type: 'string' },
        'base-url': { type: 'string' },
        token: { type: 'string' },
        'task-id': { type: 'string', multiple: true },
        create: { type: 'boolean' },
        timeout: { type: 'string' },
        interval: { type: 'string' },
        json: { type: 'boolean' },
        'report-junit': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    token = values.token ?? env[TOKEN_ENV] ?? '';
    if (values.help) {
      out(VERIFY_HELP);
      return 0;
    }
    const profile = values.profile ?? '';
    if (!(profile in PROFILE_CONTRACTS)) {
      throw new RangeError(`--profile must be one of ${Object.keys(PROFILE_CONTRACTS).join(', ')}`);
    }
    const baseUrl = values['base-url'] ?? '';
    if (!/^https?:\/\/[^/]/.test(baseUrl))
      throw new RangeError('--base-url must be an http(s) URL');
    if (token === '') throw new RangeError(`a token is needed: --token or $${TOKEN_ENV}`);
    const taskIds = values['task-id'] ?? [];
    if (taskIds.length === 0 && !values.create) {
      throw new RangeError('nothing to check: give --task-id ID (repeatable) and/or --create');
    }
    const report = await runVerify(
      {
        profile,
        baseUrl,
        token,
        taskIds,
        create: values.create ?? false,
        timeoutMs: number('timeout', values.timeout, 600) * 1000,
        intervalMs: number('interval', values.interval, 5) * 1000,
      },
      loadSchemas(),
      { ...io, progress: (line) => err(`  … ${line}\n`) },
    );
    out(values.json ? formatJson(report) : formatHuman(report));
    if (values['report-junit']) io.writeFile(values['report-junit'], redact(formatJunit(report)));
    return report.errors > 0 ? 1 : 0;
  } catch (error) {
    const usage = !(error instanceof NetworkError);
    err(`luma-mock verify: ${(error as Error).message}\n${usage ? `\n${VERIFY_HELP}` : ''}`);
    return 2;
  }
}

const invokedDirectly =
  process.argv[1] !== undefined &&
  import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
if (invokedDirectly) {
  process.exitCode = await verifyMain(process.argv.slice(2), process.env, {
    fetch,
    sleep: (ms) => sleep(ms),
    now: Date.now,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    writeFile: (path, text) => writeFileSync(path, text),
  });
}
