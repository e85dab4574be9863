// The ceiling of the chosen stack: Express answering recorded bytes from memory.
import { readFileSync } from 'node:fs';
import express from 'express';

const routes = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const app = express();
app.disable('x-powered-by');
app.set('etag', false);
for (const route of routes) {
  const bytes = Buffer.from(route.body);
  app[route.method.toLowerCase()](route.path, (_req, res) => {
    res.set('Content-Type', 'application/json; charset=utf-8');
    res.end(bytes);
  });
}
const server = app.listen(0, '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${server.address().port}`);
});
