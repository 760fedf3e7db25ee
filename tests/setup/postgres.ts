// Vitest global setup: find the PostgreSQL server the PostgreSQL suites run against (BREACHDESK_TEST_POSTGRES, else
// postgres://postgres@127.0.0.1:5432/postgres). With none, those suites are not run and a visible line says why
// (unless BREACHDESK_REQUIRE_POSTGRES=1, as in .ci/run, which makes a missing server an error).
import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of the test server, or '' when none answered. */
    postgresUrl: string;
  }
}

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export default async function setup(project: TestProject): Promise<void> {
  const url = process.env.BREACHDESK_TEST_POSTGRES || DEFAULT_URL;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    project.provide('postgresUrl', url);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    // .ci/run sets this: there the PostgreSQL suites are required, not optional.
    if (process.env.BREACHDESK_REQUIRE_POSTGRES === '1') throw new Error(`BREACHDESK_REQUIRE_POSTGRES=1 but no PostgreSQL server answered at ${url} (${reason})`);
    process.stderr.write(
      `\n*** PostgreSQL suites NOT RUN: no PostgreSQL server answered at ${url.replace(/:[^:@/]*@/, ':***@')} (${reason}). ` +
        'Start one (trust auth, user postgres) or set BREACHDESK_TEST_POSTGRES; .ci/run starts one. ***\n\n',
    );
    project.provide('postgresUrl', '');
  } finally {
    await client.end().catch(() => undefined);
  }
}
