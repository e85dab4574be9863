/**
 * npm run soak -- --seconds 60
 * Mixed traffic on every profile against `node dist/cli.js` with the clock running fast:
 * creates, single polls and batches. Reports errors (must be 0), latency percentiles and the
 * server's RSS once warm and at the end; appends them to bench/RESULTS.md.
 */
import { parseArgs } from 'node:util';
import { Random } from '../src/core/random.js';
import { appendResults, machine, mib, percentile, rssOf, startServer } from './support.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    connections: { type: 'string', default: '16' },
    seed: { type: 'string', default: '1' },
  },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
if (!(seconds > 0) || !(connections > 0)) throw new RangeError('--seconds and --connections must be > 0');

const MAX_TASKS = 2_000;
const { child, url } = await startServer([
  '--speed', '60', '--queue-seconds', '5', '--render-seconds', '60', '--seed', values.seed as string,
  '--max-tasks', String(MAX_TASKS),
]);
const pid = child.pid as number;
const random = new Random(Number(values.seed));
const headers = { Authorization: 'Bearer soak', 'Content-Type': 'application/json' };

type Op = { name: string; run(): Promise<Response>; expect: number; after?: (body: unknown) => void };
const ids: Record<string, string[]> = { yunwu: [], gptge: [], rixapi: [], acedata: [], lumalabs: [] };
const remember = (profile: string, id: unknown) => {
  if (typeof id !== 'string') return;
  const list = ids[profile] as string[];
  list.push(id);
  if (list.length > 2_000) list.shift();
};
const some = (profile: string) => {
  const list = ids[profile] as string[];
  return list[random.int(0, Math.max(0, list.length - 1))] ?? 'none-yet';
};
const batch = (profile: string) =>
  Array.from({ length: random.int(1, 50) }, () => some(profile));
const post = (path: string, body: unknown) =>
  fetch(`${url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
const get = (path: string) => fetch(`${url}${path}`, { headers });

function pick(): Op {
  const roll = random.int(0, 99);
  const relay = (['yunwu', 'gptge', 'rixapi'] as const)[random.int(0, 2)] as string;
  if (roll < 8) return { name: 'create relay', expect: 200, run: () => post(`/${relay}/luma/generations`, { user_prompt: 'soak' }), after: (b) => remember(relay, (b as { id?: string }).id) };
  if (roll < 14) return { name: 'create acedata', expect: 200, run: () => post('/acedata/luma/videos', { prompt: 'soak', async: true }), after: (b) => remember('acedata', (b as { task_id?: string }).task_id) };
  if (roll < 20) return { name: 'create luma', expect: 201, run: () => post('/lumalabs/dream-machine/v1/generations/video', { model: 'ray-2', prompt: 'soak' }), after: (b) => remember('lumalabs', (b as { id?: string }).id) };
  if (roll < 45) return { name: 'get relay', expect: 200, run: () => get(`/${relay}/luma/generations/${some(relay)}`) };
  if (roll < 60) return { name: 'retrieve acedata', expect: 200, run: () => post('/acedata/luma/tasks', { id: some('acedata'), action: 'retrieve' }) };
  if (roll < 70) return { name: 'get luma', expect: 200, run: () => get(`/lumalabs/dream-machine/v1/generations/${some('lumalabs')}`) };
  if (roll < 80) return { name: 'batch yunwu', expect: 200, run: () => post('/yunwu/luma/tasks', { ids: batch('yunwu') }) };
  if (roll < 88) return { name: 'batch rixapi', expect: 200, run: () => post('/rixapi/luma/tasks', { ids: batch('rixapi') }) };
  if (roll < 96) return { name: 'batch acedata', expect: 200, run: () => post('/acedata/luma/tasks', { ids: batch('acedata'), action: 'retrieve_batch' }) };
  return { name: 'list luma', expect: 200, run: () => get('/lumalabs/dream-machine/v1/generations?limit=20') };
}

const started = Date.now();
const warmUntil = started + seconds * 333;
const endAt = started + seconds * 1000;
const latencies: number[] = [];
const errors: string[] = [];
let requests = 0;
let rssWarm = 0;

async function worker(): Promise<void> {
  while (Date.now() < endAt) {
    const op = pick();
    const t0 = performance.now();
    try {
      const res = await op.run();
      const body = await res.json();
      const took = performance.now() - t0;
      requests++;
      // Polls of ids not made yet, or forgotten under --max-tasks, get the vendor's not-found:
      // 404, or new-api's 400 task_not_exist. Anything else unexpected is an error.
      const notFound = res.status === 404 || (body as { code?: string }).code === 'task_not_exist';
      if (res.status !== op.expect && !notFound) errors.push(`${op.name}: ${res.status}`);
      op.after?.(body);
      if (Date.now() >= warmUntil) latencies.push(took);
    } catch (error) {
      errors.push(`${op.name}: ${(error as Error).message}`);
    }
    if (rssWarm === 0 && Date.now() >= warmUntil) rssWarm = rssOf(pid);
  }
}

const rssStart = rssOf(pid);
await Promise.all(Array.from({ length: connections }, worker));
const rssEnd = rssOf(pid);
child.kill('SIGTERM');

latencies.sort((a, b) => a - b);
const growth = (rssEnd - rssWarm) / rssWarm;
const rate = Math.round(requests / seconds);
const table = `## Soak, ${machine()}

\`npm run soak -- --seconds ${seconds}\` (${connections} connections, clock ×60, --max-tasks ${MAX_TASKS}, seed ${values.seed})

| requests | req/s | errors | p50 | p99 | RSS at start | RSS once warm (${Math.round(seconds / 3)} s) | RSS at end | growth once warm |
|---:|---:|---:|---:|---:|---:|---:|---:|---:|
| ${requests} | ${rate} | ${errors.length} | ${percentile(latencies, 50).toFixed(2)} ms | ${percentile(latencies, 99).toFixed(2)} ms | ${mib(rssStart)} | ${mib(rssWarm)} | ${mib(rssEnd)} | ${(growth * 100).toFixed(1)} % |
`;
process.stdout.write(`${table}\n${errors.slice(0, 10).join('\n')}\n`);
appendResults(table);
process.exitCode = errors.length === 0 && growth < 0.1 ? 0 : 1;
