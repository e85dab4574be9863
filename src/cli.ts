#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { readConfigFile } from './configFile.js';
import { createLumaMock } from './createLumaMock.js';
import { type MockOptionsInput, resolveOptions } from './options.js';
import { PROFILES } from './profiles/profiles.js';
import { loadExchanges } from './proxy/exchange.js';

export const HELP = `luma-mock: a local stand-in for the Luma video task APIs

Usage: npm start -- [options]      (or: luma-mock [options])

  --port N              port to listen on (default 4010; 0 picks a free one)
  --host H              address to bind (default 127.0.0.1)
  --clock real|manual   real: time passes; manual: frozen, moved only by the
                        admin API (default real)
  --speed N             clock ms per wall ms while the clock runs (default 1)
  --start ISO           the clock's time at start (default: now)
  --seed S              seed for ids, media and chance (default: drawn, printed)
  --tokens a,b          accept only these bearer tokens (default: any non-empty)
  --queue-seconds N     seconds a new task waits pending (default 10)
  --render-seconds N    seconds a task renders before it ends (default 120)
  --jitter F            0-1: each duration drawn within ±F of its default (default 0)
  --fail-rate F         0-1: share of tasks that fail, drawn per task (default 0)
  --failure-reason S    the reason a failing task gives (default "The generation failed.")
  --body-limit SIZE     largest request body, e.g. 10mb (default 10mb)
  --journal-limit N     requests the journal keeps (default 10000)
  --max-tasks N         tasks kept; past it the oldest ended go first (default 1000000)
  --proxy P=URL         forward profile P to the live vendor at URL, checking each
                        answer against the contract (header X-Luma-Mock-Contract);
                        repeatable, e.g. --proxy yunwu=https://yunwu.ai
  --record DIR          with --proxy: write each exchange to DIR, credentials redacted
  --replay DIR          serve the exchanges recorded in DIR, offline, at their pace
  --data-dir DIR        keep tasks, scenarios and the clock in DIR across restarts
  --admin-token T       require "Authorization: Bearer T" on /__admin (needed to
                        listen on any address but loopback)
  --config FILE         settings, scenarios and faults from a JSON file
                        (default: ./luma-mock.config.json if present);
                        flags override the file
  -h, --help            show this help
`;

export interface CliConfig {
  readonly help: boolean;
  readonly host: string;
  readonly port: number;
  readonly options: MockOptionsInput;
}

function number(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed)) {
    throw new RangeError(`--${flag} must be a number, got "${value}"`);
  }
  return parsed;
}

/** 127.0.0.0/8, ::1 and localhost: addresses only this machine reaches. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

const seconds = (value: number | undefined) => (value === undefined ? undefined : value * 1000);

/** Drops undefined values, so that an absent flag never overrides the file or a default. */
function given<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * argv (and the config file it names) → configuration: the only place flags are read.
 * `drawSeed` supplies a seed when neither gives one.
 */
export function parseCli(
  argv: readonly string[],
  drawSeed: () => number,
  cwd: string = process.cwd(),
): CliConfig {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      clock: { type: 'string' },
      speed: { type: 'string' },
      start: { type: 'string' },
      seed: { type: 'string' },
      tokens: { type: 'string' },
      'queue-seconds': { type: 'string' },
      'render-seconds': { type: 'string' },
      jitter: { type: 'string' },
      'fail-rate': { type: 'string' },
      'failure-reason': { type: 'string' },
      'body-limit': { type: 'string' },
      'journal-limit': { type: 'string' },
      'max-tasks': { type: 'string' },
      proxy: { type: 'string', multiple: true },
      record: { type: 'string' },
      replay: { type: 'string' },
      'data-dir': { type: 'string' },
      'admin-token': { type: 'string' },
      config: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return { help: true, host: '127.0.0.1', port: 4010, options: {} };
  const file = readConfigFile(values.config, cwd);
  const port = number('port', values.port) ?? file.port ?? 4010;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new RangeError(`--port must be 0 to 65535, got "${values.port}"`);
  }
  const clock = values.clock ?? file.clock ?? 'real';
  if (clock !== 'real' && clock !== 'manual') {
    throw new RangeError(`--clock must be real or manual, got "${clock}"`);
  }
  const start = values.start ?? file.start;
  const startAt = start === undefined ? undefined : Date.parse(start);
  if (startAt !== undefined && Number.isNaN(startAt)) {
    throw new RangeError(`--start must be an ISO time, got "${start}"`);
  }
  const tokens = values.tokens?.split(',').map((token) => token.trim()) ?? file.tokens ?? null;
  const proxy = { ...file.proxy };
  for (const pair of values.proxy ?? []) {
    const [profile, url] = pair.split(/=(.*)/s);
    if (!profile || !url || !PROFILES.some((p) => p.name === profile)) {
      throw new RangeError(
        `--proxy takes PROFILE=URL with a profile of ${PROFILES.map((p) => p.name).join(', ')}, got "${pair}"`,
      );
    }
    proxy[profile] = url;
  }
  const replayDir = values.replay ?? file.replay;
  const replay = replayDir === undefined ? undefined : loadExchanges(resolve(cwd, replayDir));
  const record = values.record ?? file.record;
  const dataDir = values['data-dir'] ?? file.data_dir;
  const host = values.host ?? file.host ?? '127.0.0.1';
  const adminToken = values['admin-token'] ?? file.admin_token;
  if (!isLoopback(host) && !adminToken) {
    throw new RangeError(
      `refusing to listen on ${host} without --admin-token: anyone who reaches it could drive the admin API`,
    );
  }
  return {
    help: false,
    host,
    port,
    options: {
      seed: number('seed', values.seed) ?? file.seed ?? drawSeed(),
      clock: { mode: clock, speed: number('speed', values.speed) ?? file.speed ?? 1, startAt },
      tokens,
      ...given({
        bodyLimit: values['body-limit'] ?? file.body_limit,
        journalLimit: number('journal-limit', values['journal-limit']) ?? file.journal_limit,
        maxTasks: number('max-tasks', values['max-tasks']) ?? file.max_tasks,
        scenarios: file.scenarios,
        faults: file.faults,
        proxy: Object.keys(proxy).length > 0 ? proxy : undefined,
        recordDir: record === undefined ? undefined : resolve(cwd, record),
        replay,
        dataDir: dataDir === undefined ? undefined : resolve(cwd, dataDir),
        adminToken,
      }),
      plan: given({
        queueMs: seconds(number('queue-seconds', values['queue-seconds']) ?? file.queue_seconds),
        renderMs: seconds(
          number('render-seconds', values['render-seconds']) ?? file.render_seconds,
        ),
        jitter: number('jitter', values.jitter) ?? file.jitter,
        failRate: number('fail-rate', values['fail-rate']) ?? file.fail_rate,
        failureReason: values['failure-reason'] ?? file.failure_reason,
      }),
    },
  };
}

/** Builds and serves a mock from a parsed configuration. */
export async function start(config: CliConfig) {
  const mock = createLumaMock({
    ...config.options,
    clock: { mode: 'real', ...config.options.clock },
  });
  const { options, deps } = mock;
  const { url } = await mock.listen(config.port, config.host);
  const banner = [
    `luma-mock listening on ${url}`,
    `  clock ${options.clock.mode}${options.clock.speed === 1 ? '' : ` x${options.clock.speed}`}, seed ${options.seed}`,
    ...PROFILES.map((profile) => {
      const target = options.proxy[profile.name];
      const replayed = options.replay.some((e) => e.profile === profile.name);
      const note = target ? `  (proxy to ${target})` : replayed ? '  (replaying recordings)' : '';
      return `  ${profile.name.padEnd(8)} ${url}${profile.basePath}${note}`;
    }),
    `  admin    ${url}/__admin`,
  ].join('\n');
  return { mock, url, deps, banner, close: (graceMs = 0) => mock.close({ graceMs }) };
}

export async function main(argv: readonly string[]): Promise<void> {
  let config: CliConfig;
  try {
    config = parseCli(argv, () => Date.now() % 2 ** 31);
    resolveOptions(config.options);
  } catch (error) {
    process.stderr.write(`luma-mock: ${(error as Error).message}\n\n${HELP}`);
    process.exitCode = 2;
    return;
  }
  if (config.help) {
    process.stdout.write(HELP);
    return;
  }
  const mock = await start(config);
  process.stdout.write(`${mock.banner}\n`);
  /** SIGINT/SIGTERM: drain requests in flight (5 s at most), write the last snapshot, exit. */
  const stop = async () => {
    await mock.close(5_000);
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

const invokedDirectly =
  process.argv[1] !== undefined &&
  import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
if (invokedDirectly) await main(process.argv.slice(2));
