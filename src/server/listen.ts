import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Serves `app` on host:port (port 0 picks a free one). */
export function listen(app: Express, host: string, port: number): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host);
    server.once('error', reject);
    server.once('listening', () => {
      const address = server.address() as AddressInfo;
      const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      let closing: Promise<void> | undefined;
      resolve({
        url: `http://${shown}:${address.port}`,
        port: address.port,
        close() {
          closing ??= new Promise((done) => {
            server.close(() => done());
            // Held requests (a synchronous AceData create) would keep close() waiting forever.
            server.closeAllConnections();
          });
          return closing;
        },
      });
    });
  });
}
