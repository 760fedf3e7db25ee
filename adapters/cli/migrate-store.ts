// `breachdesk migrate-store --from <store.json> --to postgres://…`: copy a file store into an empty PostgreSQL database.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { copyStore } from '../../data/postgres/copy-store.ts';
import { isPostgresUrl, PostgresStoreError } from '../../data/postgres/errors.ts';
import { openPostgresStore } from '../../data/postgres/postgres-store.ts';
import { openFileStore } from '../../data/file-store.ts';
import { StoreCorruptError, StoreLockedError } from '../../data/store-errors.ts';

const HISTORY_LABELS: Record<string, string> = { timeline: 'timeline entries', deliveries: 'deliveries', accessLog: 'access-log entries' };

/** Usage of the one-shot store move. */
export const MIGRATE_USAGE = 'Usage: breachdesk migrate-store --from <store.json> --to postgres://user@host:5432/database';

/** Run the move; returns the exit code (0 copied and verified, 1 refused or not verified, 2 bad usage). */
export async function migrateStore(argv: string[], out: (line: string) => void, err: (line: string) => void): Promise<number> {
  let from: string | undefined;
  let to: string | undefined;
  try {
    ({ values: { from, to } } = parseArgs({ args: argv, options: { from: { type: 'string' }, to: { type: 'string' } }, strict: true }));
  } catch {
    err(`breachdesk: migrate-store takes --from and --to only\n${MIGRATE_USAGE}`);
    return 2;
  }
  if (!from || !to) {
    err(`breachdesk: migrate-store needs ${!from ? '--from <store.json>' : '--to postgres://…'}\n${MIGRATE_USAGE}`);
    return 2;
  }
  if (!isPostgresUrl(to)) {
    err(`breachdesk: --to must be a postgres:// URL, not "${to}"\n${MIGRATE_USAGE}`);
    return 2;
  }
  if (!existsSync(from)) {
    err(`breachdesk: migrate-store: there is no store at ${from}`);
    return 1;
  }
  try {
    // The file store's lock refuses while a bot still runs on it: nothing can change during the copy.
    const source = await openFileStore(from, new Date());
    try {
      const target = await openPostgresStore(to, { listen: false });
      try {
        const report = await copyStore(source, target);
        const counts = Object.entries(report.entries).map(([k, n]) => `${n} ${HISTORY_LABELS[k] ?? k}`).join(', ');
        if (report.problems.length) {
          for (const p of report.problems) err(`breachdesk: migrate-store: ${p}`);
          err(`breachdesk: migrate-store copied ${report.incidents} incidents but the copy does not match the source; do not switch BREACHDESK_DATA to it`);
          return 1;
        }
        out(`Copied ${report.incidents} incidents (${counts}) from ${source.location} to ${target.location}.`);
        out(`Verified: incident and entry counts match, every record and its full history are identical, chain heads match (${report.headKind === 'hash' ? "each record's chain head and last timeline hash" : 'sha256 of each timeline'}).`);
        return 0;
      } finally {
        await target.close();
      }
    } finally {
      await source.close();
    }
  } catch (error) {
    if (error instanceof PostgresStoreError || error instanceof StoreCorruptError || error instanceof StoreLockedError) err(`breachdesk: migrate-store: ${error.message}`);
    else err(`breachdesk: migrate-store failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
