// The incidents table keeps `status` (and `channels`) beside the record as columns for filtering. They are not part of
// the record the state digest covers, so an UPDATE of the column alone must not change what breachdesk answers: `list`
// answers from the record itself, and an open incident cannot be hidden from it with `SET status = 'closed'`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliOn, freshDatabase, postgresUrl, runSql } from './databases.ts';

let db: Awaited<ReturnType<typeof freshDatabase>>;

const cli = (args: string[]) => cliOn(db.url, ['--now', '2025-03-01T12:00:00Z', ...args]);
const sql = (text: string) => runSql(db.url, text);

describe.runIf(postgresUrl)('PostgreSQL status column edited in SQL', () => {
  beforeAll(async () => {
    db = await freshDatabase();
    for (const title of ['Stolen laptop', 'Phishing']) {
      expect(cli(['new', ...title.split(' '), '--discovered', '2025-02-28T10:00:00Z', '--org', 'Example Hospital', '--affected', '40']).code).toBe(0);
    }
    expect(cli(['set', 'BR-2', 'status', 'closed']).code).toBe(0);
    await sql(`UPDATE incidents SET status = 'closed' WHERE id = 'BR-1'`);
    await sql(`UPDATE incidents SET status = 'investigating' WHERE id = 'BR-2'`);
  }, 60_000);
  afterAll(async () => {
    await db?.drop();
  });

  it('list still shows the open incident, and not the closed one, as their records say', () => {
    const list = cli(['list', '--json']);
    expect(list.code).toBe(0);
    const ids = (JSON.parse(list.out.slice(list.out.indexOf('['))) as Array<{ id: string }>).map((i) => i.id);
    expect(ids).toEqual(['BR-1']);
    const investigating = cli(['list', '--status', 'investigating', '--json']);
    expect(investigating.out).not.toContain('BR-2');
    const closed = cli(['list', '--status', 'closed', '--json']);
    expect(closed.out).toContain('BR-2');
    expect(closed.out).not.toContain('BR-1');
  });
});
