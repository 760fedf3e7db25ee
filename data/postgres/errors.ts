// One-line reasons a PostgreSQL store cannot be used: unreachable server, refused credentials, missing database, newer schema.
import type { DatabaseError } from 'pg';

/** The PostgreSQL store cannot be opened; the message is one plain line naming the server and the problem. */
export class PostgresStoreError extends Error {
  constructor(readonly location: string, readonly problem: string) {
    super(`${location}: ${problem}`);
    this.name = 'PostgresStoreError';
  }
}

/** The URL as it may be shown: the password replaced by ***. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unparsable URL)';
  }
}

/** Translate a driver error met while connecting into a PostgresStoreError, or return it unchanged when unexpected. */
export function explainConnectError(error: unknown, url: string): unknown {
  const location = redactUrl(url);
  const parsed = safeUrl(url);
  const where = parsed ? `${parsed.hostname || 'localhost'}:${parsed.port || '5432'}` : 'the server';
  const user = parsed ? decodeURIComponent(parsed.username) || process.env.PGUSER || 'the current user' : 'the user';
  const database = parsed ? decodeURIComponent(parsed.pathname.slice(1)) || user : 'the database';
  const code = (error as NodeJS.ErrnoException | DatabaseError | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  switch (code) {
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ETIMEDOUT':
    case 'ECONNRESET':
      return new PostgresStoreError(location, `cannot reach the PostgreSQL server at ${where} (${code}); check that it runs and the host and port are right`);
    case '28P01':
    case '28000':
      return new PostgresStoreError(location, `the server at ${where} refused the credentials of user "${user}" (${message})`);
    case '3D000':
      return new PostgresStoreError(location, `the database "${database}" does not exist on ${where}; create it (createdb ${database}) or fix the URL`);
    case '42501':
      return new PostgresStoreError(location, `the database user "${user}" lacks a right breachdesk needs on "${database}" (to create its tables, or to read and write them); nothing was changed; grant them to this user or use another`);
    case '57P03':
      return new PostgresStoreError(location, `the server at ${where} is starting up or shutting down; try again shortly`);
    default:
      if (/timeout/i.test(message)) return new PostgresStoreError(location, `no answer from the PostgreSQL server at ${where} in time (${message})`);
      if (/password|SASL|SCRAM/i.test(message)) return new PostgresStoreError(location, `cannot authenticate as "${user}" on ${where} (${message})`);
      return error;
  }
}

function safeUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** True for `postgres://` and `postgresql://` URLs: the value of BREACHDESK_DATA that selects this store. */
export function isPostgresUrl(value: string): boolean {
  return /^postgres(ql)?:\/\//i.test(value);
}
