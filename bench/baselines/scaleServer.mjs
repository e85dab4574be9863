// The mock holding N tasks, made in-process (an HTTP create each would take minutes at 1 M).
import { createLumaMock } from '../../dist/createLumaMock.js';

const n = Number(process.argv[2]);
const mock = createLumaMock({ maxTasks: n + 1_000, log: () => {} });
const { engine } = mock.deps;
globalThis.gc();
const before = process.memoryUsage();
let middle = '';
for (let i = 0; i < n; i++) {
  // Distinct bodies and prompts, as parsed requests would be.
  const prompt = `a red kite over the cliffs, take ${i}`;
  const task = engine.create({
    profile: 'yunwu',
    path: '/luma/generations',
    request: { user_prompt: prompt, aspect_ratio: '16:9' },
    input: { action: 'generate', prompt, aspectRatio: '16:9', seconds: 5, loop: false, sourceId: null, callbackUrl: null },
  });
  if (i === n >> 1) middle = task.id;
}
mock.clock.advance(10 ** 7);
globalThis.gc();
const after = process.memoryUsage();
const { url } = await mock.listen();
console.log(
  JSON.stringify({
    url,
    id: middle,
    heapPerTask: (after.heapUsed - before.heapUsed) / n,
    rssPerTask: (after.rss - before.rss) / n,
  }),
);
