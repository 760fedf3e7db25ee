// The one HTTP server: Slack mounts POST /slack/events, Teams POST /api/messages; GET /healthz for load balancers.
import type { Server } from 'node:http';
import express, { type ErrorRequestHandler } from 'express';

/** The shared Express app and its lifecycle. */
export interface HttpServer {
  readonly app: express.Express;
  /** Start listening (127.0.0.1 unless told otherwise); resolves with the bound port (0 picks a free one). */
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

/** An Express 5 app whose /healthz says only ok or not ok; adapters add their routes before `listen`. */
export function createHttpServer(healthy: () => boolean = () => true): HttpServer {
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    // Nothing else: no paths, versions or platform names for whoever can reach the port.
    const ok = healthy();
    res.status(ok ? 200 : 503).set('cache-control', 'no-store').json({ ok });
  });
  let server: Server | undefined;
  return {
    app,
    listen(port, host = '127.0.0.1') {
      // Last, after every front door's routes: unknown paths and failures answer without Express's HTML pages or stack traces.
      app.use((_req, res) => void res.status(404).json({ error: 'not found' }));
      app.use(((_error, _req, res, _next) => {
        if (!res.headersSent) res.status(500).json({ error: 'internal error' });
      }) as ErrorRequestHandler);
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
