// Changes made by other replicas, heard through LISTEN/NOTIFY on one dedicated connection; after a reconnect,
// every incident changed since the previous connection is reported too, so a dropped connection loses nothing.
import pg from 'pg';
import type { Logger } from '../../bot/ports.ts';

/** The notification channel every store change is announced on (payload: `<origin> <incident id>`). */
export const CHANGE_CHANNEL = 'breachdesk_changes';

/** A running feed. */
export interface ChangeFeed {
  /** Resolves once the first LISTEN is in place (or its first attempt failed; it keeps retrying). */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

const RECONNECT_MS = 1000;

/** Listen for changes whose origin is not `origin` and pass their incident ids to `changed`. */
export function startChangeFeed(url: string, origin: string, changed: (id: string) => void, logger?: Logger): ChangeFeed {
  let closed = false;
  let client: pg.Client | undefined;
  let since: Date | undefined;
  let timer: NodeJS.Timeout | undefined;
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  async function connect(): Promise<void> {
    const next = new pg.Client({ connectionString: url, keepAlive: true, application_name: 'breachdesk changes' });
    next.on('error', () => lost(next));
    next.on('end', () => lost(next));
    next.on('notification', (message) => {
      const [from, id] = (message.payload ?? '').split(' ');
      if (from !== origin && id) changed(id);
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${CHANGE_CHANNEL}`);
      const { rows } = await next.query<{ now: Date }>('SELECT clock_timestamp() AS now');
      if (since) {
        // Anything changed while we were not listening (ids only; a superset is harmless).
        const missed = await next.query<{ id: string }>('SELECT id FROM incidents WHERE changed_at >= $1 ORDER BY num', [since]);
        for (const row of missed.rows) changed(row.id);
      }
      since = rows[0]!.now;
      if (closed) await next.end();
      else client = next;
      markReady();
    } catch (error) {
      next.removeAllListeners('end');
      await next.end().catch(() => undefined);
      if (!closed) {
        logger?.warn('postgres: change feed cannot connect; retrying', { error: (error as Error).message });
        timer = setTimeout(() => void connect(), RECONNECT_MS).unref();
      }
      // The store opens anyway (its own connection worked); changes made meanwhile are reported once connected.
      since ??= new Date(Date.now() - 60_000);
      markReady();
    }
  }

  function lost(which: pg.Client): void {
    if (client !== which) return;
    client = undefined;
    which.end().catch(() => undefined);
    if (closed) return;
    logger?.warn('postgres: change feed connection lost; reconnecting');
    timer = setTimeout(() => void connect(), RECONNECT_MS).unref();
  }

  void connect();
  return {
    ready,
    async close() {
      closed = true;
      clearTimeout(timer);
      const current = client;
      client = undefined;
      markReady();
      await current?.end().catch(() => undefined);
    },
  };
}
