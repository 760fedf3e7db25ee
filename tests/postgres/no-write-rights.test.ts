// A database user without write rights (only SELECT, or nothing at all) is refused at start-up in one sentence naming
// the user, without the driver's message or the URL's password, rather than failing at its first write.
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../data/postgres/postgres-store.ts';
import { freshDatabase, postgresUrl, runSql } from './databases.ts';

let db: Awaited<ReturnType<typeof freshDatabase>> | undefined;
const roles: string[] = [];

const sql = runSql;

async function roleUrl(grant: string): Promise<string> {
  const role = `qa_hostile_${randomBytes(5).toString('hex')}`;
  roles.push(role);
  await sql(postgresUrl, `CREATE ROLE ${role} LOGIN PASSWORD 'hunter2'`);
  if (grant) await sql(db!.url, grant.replaceAll('$role', role));
  const url = new URL(db!.url);
  url.username = role;
  url.password = 'hunter2';
  return url.toString();
}

afterEach(async () => {
  await db?.drop();
  db = undefined;
  for (const role of roles.splice(0)) await sql(postgresUrl, `DROP ROLE IF EXISTS ${role}`);
});

describe.runIf(postgresUrl)('PostgreSQL store opened by a user without write rights', () => {
  it('refuses a read-only user on a breachdesk database at start-up', async () => {
    db = await freshDatabase();
    await (await openPostgresStore(db.url, { listen: false })).close();
    const url = await roleUrl('GRANT SELECT ON ALL TABLES IN SCHEMA public TO $role');
    const opening = openPostgresStore(url, { listen: false });
    await expect(opening).rejects.toThrow(/the database user "qa_hostile_\w+" may not UPDATE on table breachdesk_meta/);
    await expect(opening).rejects.not.toThrow(/hunter2|permission denied/);
  });

  it('refuses a user with no rights at all, on a breachdesk database and on an empty one', async () => {
    db = await freshDatabase();
    await (await openPostgresStore(db.url, { listen: false })).close();
    const url = await roleUrl('');
    const opening = openPostgresStore(url, { listen: false });
    await expect(opening).rejects.toThrow(/the database user "qa_hostile_\w+" lacks a right breachdesk needs/);
    await expect(opening).rejects.not.toThrow(/hunter2|permission denied|not a breachdesk database/);
    await db.drop();
    db = await freshDatabase();
    await sql(db.url, 'REVOKE CREATE ON SCHEMA public FROM PUBLIC');
    const empty = openPostgresStore(await roleUrl(''), { listen: false });
    await expect(empty).rejects.toThrow(/lacks a right breachdesk needs.*nothing was changed/);
    await expect(empty).rejects.not.toThrow(/hunter2|permission denied/);
  });
});
