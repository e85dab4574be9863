import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

type Json = Record<string, unknown>;

/** A stand-in vendor answering yunwu's routes with its published example, changed by `drift`. */
export async function startDriftServer(drift: (generation: Json, poll: number) => Json) {
  const example = JSON.parse(
    readFileSync(
      new URL('../../fixtures/yunwu/generation-get-response.json', import.meta.url),
      'utf8',
    ),
  ) as Json;
  let polls = 0;
  const seen: IncomingMessage['headers'][] = [];
  const server = createServer((req, res) => {
    seen.push(req.headers);
    req.resume();
    req.on('end', () => {
      const generation = drift(structuredClone(example), polls++);
      const body = req.url?.startsWith('/luma/tasks') ? [generation] : generation;
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
