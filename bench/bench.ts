/**
 * npm run bench
 * The mock side by side with plain Express and bare node:http answering the same bytes, and
 * with Prism mocking the same route; then memory and speed at 1 k, 100 k and 1 M stored tasks,
 * and cold start. autocannon runs in its own process. Prints a table and appends it to
 * bench/RESULTS.md.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { openApiFor } from './openapi.js';
import { appendResults, machine, ROOT, startServer } from './support.js';

const run = promisify(execFile);
const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 32;
const AUTH = 'Bearer bench-token';

interface Load {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
}

/** autocannon, in its own process, against one URL. */
async function load(url: string, method = 'GET', body?: unknown, seconds = DURATION): Promise<Load> {
  const args = [
    join(ROOT, 'node_modules/autocannon/autocannon.js'),
    url,
    '-c', String(CONNECTIONS),
    '-d', String(seconds),
    '-m', method,
    '-H', `authorization=${AUTH}`,
    '-H', 'content-type=application/json',
    '-j',
    ...(body === undefined ? [] : ['-b', JSON.stringify(body)]),
  ];
  const { stdout } = await run(process.execPath, args, { maxBuffer: 1 << 26 });
  const result = JSON.parse(stdout);
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx + result.errors,
  };
}

async function started(command: string, args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const look = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /(http:\/\/(?:127\.0\.0\.1|localhost|\[::1\]):\d+)/.exec(output)?.[1];
      if (found) resolve(found);
    };
    child.stdout?.on('data', look);
    child.stderr?.on('data', look);
    child.once('exit', (code) => reject(new Error(`${command} ${args.join(' ')} exited with ${code}: ${output}`)));
  });
  return { child, url };
}

const call = async (url: string, method: string, body?: unknown) => {
  const res = await fetch(url, {
    method,
    headers: { Authorization: AUTH, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, text: await res.text() };
};

const rows: string[] = [];
const lines: string[] = [];
const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(n >= 100 ? 0 : 2) : 'n/a');
/** One row: what `target` measured, and the mock's speed as a multiple of it. */
function report(scenario: string, target: string, result: Load, mock?: Load) {
  const ratio = mock ? `${(mock.rps / result.rps).toFixed(2)}×` : '';
  const bad = result.non2xx > 0 ? ` (${result.non2xx} non-2xx!)` : '';
  rows.push(`| ${scenario} | ${target} | ${fmt(result.rps)}${bad} | ${result.p50} | ${result.p99} | ${ratio} |`);
  process.stdout.write(`${scenario.padEnd(28)} ${target.padEnd(16)} ${fmt(result.rps).padStart(8)} req/s  p50 ${result.p50} ms  p99 ${result.p99} ms  ${ratio}\n`);
}

const benchStart = Date.now();

// 1. The mock, with tasks to read: 100 completed on yunwu and on AceData.
const mock = await startServer(['--clock', 'manual', '--seed', '1', '--journal-limit', '10000']);
const yunwu: string[] = [];
const acedata: string[] = [];
for (let i = 0; i < 100; i++) {
  yunwu.push(JSON.parse((await call(`${mock.url}/yunwu/luma/generations`, 'POST', { user_prompt: `kite ${i}` })).text).id);
  acedata.push(JSON.parse((await call(`${mock.url}/acedata/luma/videos`, 'POST', { prompt: `kite ${i}`, async: true })).text).task_id);
}
await call(`${mock.url}/__admin/clock/advance`, 'POST', { ms: 10 ** 7 });

interface Scenario {
  name: string;
  method: string;
  path: string;
  body?: unknown;
}
const scenarios: Scenario[] = [
  { name: 'GET single (yunwu)', method: 'GET', path: `/yunwu/luma/generations/${yunwu[0]}` },
  { name: 'AceData retrieve', method: 'POST', path: '/acedata/luma/tasks', body: { id: acedata[0], action: 'retrieve' } },
  { name: 'batch of 100 (yunwu)', method: 'POST', path: '/yunwu/luma/tasks', body: { ids: yunwu } },
  { name: 'batch of 100 (AceData)', method: 'POST', path: '/acedata/luma/tasks', body: { ids: acedata, action: 'retrieve_batch' } },
  { name: 'create (yunwu)', method: 'POST', path: '/yunwu/luma/generations', body: { user_prompt: 'a red kite' } },
];

// 2. The same bytes, served by the baselines.
const dir = mkdtempSync(join(tmpdir(), 'luma-bench-'));
const recorded = [];
for (const s of scenarios) {
  const { status, text } = await call(`${mock.url}${s.path}`, s.method, s.body);
  if (status !== 200) throw new Error(`${s.name}: the mock answered ${status}`);
  recorded.push({ method: s.method, path: s.path, body: text });
}
const routesFile = join(dir, 'routes.json');
writeFileSync(routesFile, JSON.stringify(recorded));
const express = await started(process.execPath, ['bench/baselines/expressServer.mjs', routesFile]);
const bare = await started(process.execPath, ['bench/baselines/nodeHttpServer.mjs', routesFile]);

const openapi = join(dir, 'openapi.json');
writeFileSync(
  openapi,
  JSON.stringify(openApiFor('/yunwu/luma/generations/{id}', 'relay/generation.json', JSON.parse(recorded[0]?.body as string))),
);
const prism = await started(process.execPath, [
  join(ROOT, 'node_modules/@stoplight/prism-cli/dist/index.js'),
  'mock', openapi, '--port', '0', '--host', '127.0.0.1', '--errors', 'false',
]).catch(async () =>
  started(process.execPath, [join(ROOT, 'node_modules/.bin/prism'), 'mock', openapi, '-p', '4399', '-h', '127.0.0.1']),
);

const goals: Record<string, string> = {};
for (const s of scenarios) {
  const ours = await load(`${mock.url}${s.path}`, s.method, s.body);
  report(s.name, 'luma-mock', ours);
  const viaExpress = await load(`${express.url}${s.path}`, s.method, s.body);
  report(s.name, 'plain Express', viaExpress, ours);
  const viaHttp = await load(`${bare.url}${s.path}`, s.method, s.body);
  report(s.name, 'node:http', viaHttp, ours);
  if (s.name.startsWith('GET single')) {
    const viaPrism = await load(`${prism.url}${s.path}`, s.method);
    report(s.name, 'Prism', viaPrism, ours);
    goals['GET single ≥ 1.0× plain Express'] = `${(ours.rps / viaExpress.rps).toFixed(2)}×`;
    goals['GET single ≥ 3× Prism'] = `${(ours.rps / viaPrism.rps).toFixed(2)}×`;
  }
  if (s.name.startsWith('batch of 100')) goals[`${s.name} p99 < 15 ms at 32 connections`] = `${ours.p99} ms`;
}
for (const server of [mock, express, bare, prism]) server.child.kill();

// 3. Scale: memory per task and GET speed at 1 k, 100 k and 1 M stored tasks.
const scale: Record<number, { rps: number; heapPerTask: number; rssPerTask: number }> = {};
for (const n of [1_000, 100_000, 1_000_000]) {
  const server = spawn(process.execPath, ['--expose-gc', '--max-old-space-size=4096', 'bench/baselines/scaleServer.mjs', String(n)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const info = await new Promise<{ url: string; id: string; heapPerTask: number; rssPerTask: number }>((resolve) => {
    let out = '';
    server.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(JSON.parse(out));
    });
  });
  const result = n === 100_000 ? undefined : await load(`${info.url}/yunwu/luma/generations/${info.id}`);
  scale[n] = { rps: result?.rps ?? Number.NaN, heapPerTask: info.heapPerTask, rssPerTask: info.rssPerTask };
  if (result) report(`GET single at ${n.toLocaleString('en')} tasks`, 'luma-mock', result);
  server.kill();
}
const atMillion = scale[1_000_000] as (typeof scale)[number];
const atThousand = scale[1_000] as (typeof scale)[number];
goals['≤ 1 KiB per stored task at 1 M (heap)'] = `${Math.round(atMillion.heapPerTask)} B`;
goals['GET at 1 M ≥ 0.9× GET at 1 k'] = `${(atMillion.rps / atThousand.rps).toFixed(2)}×`;

// 4. Cold start: from spawning the server to its first answer.
const colds: number[] = [];
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  const server = await started(process.execPath, ['dist/cli.js', '--port', '0', '--seed', '1']);
  await fetch(`${server.url}/__admin/clock`);
  colds.push(performance.now() - t0);
  server.child.kill();
}
colds.sort((a, b) => a - b);
const cold = colds[2] as number;
goals['cold start < 1 s (median of 5)'] = `${Math.round(cold)} ms`;

const memory = [1_000, 100_000, 1_000_000]
  .map((n) => {
    // RSS moves by whole pages: over a thousand tasks it is noise.
    const rss = n < 100_000 ? '(noise)' : `${Math.round(scale[n]?.rssPerTask ?? 0)} B`;
    return `| ${n.toLocaleString('en')} | ${Math.round(scale[n]?.heapPerTask ?? 0)} B | ${rss} |`;
  })
  .join('\n');
const section = `## Benchmark, ${machine()}

\`npm run bench\`: autocannon, ${CONNECTIONS} connections, ${DURATION} s a run, loopback; the baselines answer the mock's own recorded bytes; Prism 5 mocks the same route from an OpenAPI 3.1 document built from \`schemas/relay/generation.json\`. Whole run: ${Math.round((Date.now() - benchStart) / 1000)} s.

| scenario | server | req/s | p50 ms | p99 ms | luma-mock ÷ this |
|---|---|---:|---:|---:|---:|
${rows.join('\n')}

| stored tasks | heap per task | RSS per task |
|---:|---:|---:|
${memory}

| goal | measured |
|---|---|
${Object.entries(goals).map(([goal, value]) => `| ${goal} | ${value} |`).join('\n')}
`;
process.stdout.write(`\n${section}`);
appendResults(section);
