// The ceiling of the platform: bare node:http answering recorded bytes from memory.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const routes = new Map(
  JSON.parse(readFileSync(process.argv[2], 'utf8')).map((r) => [`${r.method} ${r.path}`, Buffer.from(r.body)]),
);
const server = createServer((req, res) => {
  const bytes = routes.get(`${req.method} ${req.url}`);
  req.resume();
  res.writeHead(bytes ? 200 : 404, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(bytes ?? '{}');
});
server.listen(0, '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${server.address().port}`);
});
