#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { type MockOptionsInput, resolveOptions } from './options.js';
import { PROFILES } from './profiles/profiles.js';
import { createApp } from './server/createApp.js';
import { createDeps } from './server/createDeps.js';
import { listen } from './server/listen.js';

export const HELP = `luma-mock: a local stand-in for the Luma video task APIs

Usage: npm start -- [options]      (or: luma-mock [options])

  --port N              port to listen on (default 4010; 0 picks a free one)
  --host H              address to bind (default 127.0.0.1)
  --clock real|manual   real: time passes; manual: frozen, moved only by
                        POST /__admin/clock/advance (default real)
  --speed N             clock ms per wall ms while the clock runs (default 1)
  --start ISO           the clock's time at start (default: now)
  --seed S              seed for ids and media (default: drawn at start, printed)
  --tokens a,b          accept only these bearer tokens (default: any non-empty)
  --queue-seconds N     seconds a new task waits pending (default 10)
  --render-seconds N    seconds a task renders before it completes (default 120)
  --body-limit SIZE     largest request body, e.g. 10mb (default 10mb)
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

/** argv → configuration; the only place flags are read. `drawSeed` supplies a seed when none is given. */
export function parseCli(argv: readonly string[], drawSeed: () => number): CliConfig {
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
      'body-limit': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const port = number('port', values.port) ?? 4010;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new RangeError(`--port must be 0 to 65535, got "${values.port}"`);
  }
  const clock = values.clock ?? 'real';
  if (clock !== 'real' && clock !== 'manual') {
    throw new RangeError(`--clock must be real or manual, got "${clock}"`);
  }
  const startAt = values.start === undefined ? undefined : Date.parse(values.start);
  if (startAt !== undefined && Number.isNaN(startAt)) {
    throw new RangeError(`--start must be an ISO time, got "${values.start}"`);
  }
  const queueSeconds = number('queue-seconds', values['queue-seconds']);
  const renderSeconds = number('render-seconds', values['render-seconds']);
  return {
    help: values.help ?? false,
    host: values.host ?? '127.0.0.1',
    port,
    options: {
      seed: number('seed', values.seed) ?? drawSeed(),
      clock: { mode: clock, speed: number('speed', values.speed) ?? 1, startAt },
      tokens: values.tokens?.split(',').map((token) => token.trim()) ?? null,
      ...(values['body-limit'] === undefined ? {} : { bodyLimit: values['body-limit'] }),
      plan: {
        ...(queueSeconds === undefined ? {} : { queueMs: queueSeconds * 1000 }),
        ...(renderSeconds === undefined ? {} : { renderMs: renderSeconds * 1000 }),
      },
    },
  };
}

/** Builds and serves a mock from a parsed configuration. */
export async function start(config: CliConfig) {
  const options = resolveOptions(config.options);
  const deps = createDeps(options);
  const server = await listen(createApp(deps, options), config.host, config.port);
  const banner = [
    `luma-mock listening on ${server.url}`,
    `  clock ${options.clock.mode}${options.clock.speed === 1 ? '' : ` x${options.clock.speed}`}, seed ${options.seed}`,
    ...PROFILES.map((profile) => `  ${profile.name.padEnd(8)} ${server.url}${profile.basePath}`),
    `  admin    ${server.url}/__admin`,
  ].join('\n');
  return {
    server,
    deps,
    banner,
    async close() {
      deps.scheduler.dispose();
      await server.close();
    },
  };
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
  const stop = async () => {
    await mock.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

const invokedDirectly =
  process.argv[1] !== undefined &&
  import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
if (invokedDirectly) await main(process.argv.slice(2));
