import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import type { FastLane } from './fastLane.js';

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  /**
   * Stops accepting, lets requests in flight finish for up to `graceMs`, then cuts the rest
   * (a held AceData create, a hung fault). Safe to call twice.
   */
  close(graceMs?: number): Promise<void>;
}

/** Serves `app` on host:port (port 0 picks a free one), its fast lane first if it has one. */
export function listen(app: Express, host: string, port: number): Promise<RunningServer> {
  const lane = app.locals.fastLane as FastLane | undefined;
  return new Promise((resolve, reject) => {
    const server = createServer((req, res) => {
      if (!lane?.(req, res)) app(req, res);
    });
    server.listen(port, host);
    server.once('error', reject);
    server.once('listening', () => {
      const address = server.address() as AddressInfo;
      const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      let closing: Promise<void> | undefined;
      resolve({
        url: `http://${shown}:${address.port}`,
        port: address.port,
        close(graceMs = 0) {
          closing ??= new Promise((done) => {
            server.close(() => done());
            server.closeIdleConnections();
            if (graceMs <= 0) server.closeAllConnections();
            else setTimeout(() => server.closeAllConnections(), graceMs).unref();
          });
          return closing;
        },
      });
    });
  });
}
