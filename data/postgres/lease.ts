// The scheduler lease: a session-level advisory lock on one dedicated connection. PostgreSQL drops it the moment that
// connection ends (process killed), or once TCP keepalives give up on a vanished machine (about 20 s, set below);
// the holder itself gives up after one unanswered check (3 s), so it stops before anyone else can start.
import pg from 'pg';
import type { Logger, SchedulerLease } from '../../bot/ports.ts';

/** Arbitrary fixed advisory-lock key meaning "the breachdesk scheduler of this database". */
export const SCHEDULER_LOCK = 7_265_610_002;

/** A lease over the database at `url`; nothing is held until tryHold() says so. */
export function createAdvisoryLease(url: string, logger?: Logger): SchedulerLease {
  let client: pg.Client | undefined;
  let held = false;
  const lostListeners = new Set<() => void>();

  function drop(which: pg.Client): void {
    if (client !== which) return;
    client = undefined;
    which.end().catch(() => undefined);
    if (held) {
      held = false;
      logger?.warn('postgres: scheduler lease connection lost; this replica stops scheduling');
      for (const listener of lostListeners) listener();
    }
  }

  async function session(): Promise<pg.Client> {
    if (client) return client;
    // A check that gets no answer in 3 s counts as a lost lease: the holder stops well before the server frees the lock.
    const next = new pg.Client({ connectionString: url, keepAlive: true, keepAliveInitialDelayMillis: 5000, query_timeout: 3000, connectionTimeoutMillis: 5000, application_name: 'breachdesk scheduler lease' });
    next.on('error', () => drop(next));
    next.on('end', () => drop(next));
    await next.connect();
    // The server side notices a vanished holder after 10 s idle + 3 probes 3 s apart, and then frees the lock.
    await next.query('SET tcp_keepalives_idle = 10; SET tcp_keepalives_interval = 3; SET tcp_keepalives_count = 3');
    client = next;
    return next;
  }

  return {
    async tryHold() {
      try {
        const c = await session();
        if (held) {
          // Still connected means still held: the lock lives exactly as long as this session.
          await c.query('SELECT 1');
          return held;
        }
        const { rows } = await c.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [SCHEDULER_LOCK]);
        held = rows[0]!.ok;
        return held;
      } catch (error) {
        if (client) drop(client);
        logger?.warn('postgres: cannot check the scheduler lease', { error: (error as Error).message });
        return false;
      }
    },
    onLost(listener) {
      lostListeners.add(listener);
      return () => lostListeners.delete(listener);
    },
    async release() {
      const c = client;
      client = undefined;
      held = false;
      if (!c) return;
      await c.query('SELECT pg_advisory_unlock_all()').catch(() => undefined);
      await c.end().catch(() => undefined);
    },
  };
}
