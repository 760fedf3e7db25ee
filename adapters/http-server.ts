// The one HTTP server: Slack mounts POST /slack/events, Teams POST /api/messages; GET /healthz for load balancers.
import type { Server } from 'node:http';
import express from 'express';

/** The shared Express app and its lifecycle. */
export interface HttpServer {
  readonly app: express.Express;
  /** Start listening; resolves with the bound port (0 picks a free one). */
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

/** An Express 5 app with /healthz; adapters add their routes before `listen`. */
export function createHttpServer(health: () => Record<string, unknown> = () => ({})): HttpServer {
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true, ...health() });
  });
  let server: Server | undefined;
  return {
    app,
    listen(port, host = '0.0.0.0') {
      return new Promise((resolve, reject) => {
        const s = app.listen(port, host, (error?: Error) => {
          if (error) return reject(error);
          const address = s.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
        server = s;
      });
    },
    close() {
      return new Promise((resolve) => {
        if (!server) return resolve();
        server.closeAllConnections?.();
        server.close(() => resolve());
      });
    },
  };
}
