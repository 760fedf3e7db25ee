// Facts edited in SQL (an UPDATE on an incident's record row) fail `verify` and the start-up check with the same plain
// sentence as in the file store (tests/record/state-digest.test.ts); changes through breachdesk pass.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../data/postgres/postgres-store.ts';
import { stateDigest } from '../../bot/record/state-digest.ts';
import { cliOn, freshDatabase, postgresUrl, runSql } from './databases.ts';

let db: Awaited<ReturnType<typeof freshDatabase>>;

const cli = (args: string[]) => cliOn(db.url, ['--now', '2025-03-01T12:00:00Z', ...args]);
const sql = (text: string) => runSql(db.url, text);

describe.runIf(postgresUrl)('PostgreSQL facts edited in SQL', () => {
  beforeAll(async () => {
    db = await freshDatabase();
    for (let n = 1; n <= 3; n++) {
      expect(cli(['new', 'Stolen', `laptop-${n}`, '--discovered', '2025-02-28T10:00:00Z', '--org', 'Example Hospital', '--affected', '40']).code).toBe(0);
      expect(cli(['set', `BR-${n}`, 'affected', '45']).code).toBe(0);
      expect(cli(['log', `BR-${n}`, 'first', 'note']).code).toBe(0);
    }
    await sql(`UPDATE incidents SET doc = jsonb_set(doc::jsonb, '{discoveredAt}', '"2025-02-27T10:00:00.000Z"')::json WHERE id = 'BR-1'`);
    await sql(`UPDATE incidents SET doc = jsonb_set(doc::jsonb, '{affected,total}', '4')::json WHERE id = 'BR-2'`);
  }, 60_000);
  afterAll(async () => {
    await db?.drop();
  });

  it('verify names the incident whose facts were changed, in a plain sentence, and fails', () => {
    for (const id of ['BR-1', 'BR-2']) {
      const verify = cli(['verify', id]);
      expect(verify.code).toBe(1);
      expect(verify.out).toContain(`RECORD BROKEN: ${id}: its facts were changed outside breachdesk after its last recorded change (timeline entry 3, 2025-03-01T12:00:00.000Z, note): they no longer match the digest that entry recorded.`);
      expect(verify.out).not.toMatch(/ZodError|TypeError|\n\s+at /);
    }
    const json = cli(['--json', 'verify', 'BR-1']);
    expect(json.out).toMatch(/"facts": "changed"/);
  });

  it('the start-up check of every incident logs them; the untouched one verifies', () => {
    const listed = cli(['list']);
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(/^BR-1 .*RECORD BROKEN/m);
    expect(listed.out).toMatch(/^BR-2 .*RECORD BROKEN/m);
    expect(listed.out).not.toMatch(/^BR-3 .*RECORD BROKEN/m);
    expect(listed.out).toMatch(/"broken":\["BR-1","BR-2"\]/);
    const intact = cli(['verify', 'BR-3']);
    expect(intact.code).toBe(0);
    expect(intact.out).toContain('Facts: they match the state digest recorded by timeline entry 3 (2025-03-01T12:00:00.000Z).');
  });

  it('a change through breachdesk after the UPDATE records the mismatch instead of blessing it; a change to an intact incident passes', async () => {
    expect(cli(['set', 'BR-2', 'affected', '50']).code).toBe(0);
    const verify = cli(['verify', 'BR-2']);
    expect(verify.code).toBe(1);
    expect(verify.out).toContain('RECORD BROKEN: BR-2: its facts were changed outside breachdesk before timeline entry 4 (2025-03-01T12:00:00.000Z)');
    expect(cli(['set', 'BR-3', 'status', 'investigating']).code).toBe(0);
    const intact = cli(['--json', 'verify', 'BR-3']);
    expect(intact.code).toBe(0);
    expect(JSON.parse(intact.out.slice(intact.out.indexOf('{')))).toMatchObject({ chain: 'intact', facts: 'covered' });
    // The digest is the same whichever store holds the incident: recomputed here from the rows as read back.
    const store = await openPostgresStore(db.url, { listen: false });
    try {
      const incident = (await store.get('BR-3'))!;
      expect(incident.timeline.at(-1)!.stateDigest).toBe(stateDigest(incident));
    } finally {
      await store.close();
    }
  });
});
