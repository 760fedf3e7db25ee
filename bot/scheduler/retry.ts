// In-memory retry state for posts the platform refused: exponential backoff, or the platform's Retry-After.

/** Backoff settings. */
export interface BackoffConfig {
  /** First wait after a failure (default 30 s). */
  baseMs: number;
  /** Longest wait (default 1 h). */
  maxMs: number;
}

/** Default backoff: 30 s × 2^n, at most 1 h. */
export const DEFAULT_BACKOFF: BackoffConfig = { baseMs: 30_000, maxMs: 3_600_000 };

interface Pending {
  attempts: number;
  notBefore: number;
  incidentId: string;
}

/** Failure bookkeeping per delivery key. */
export interface RetryBook {
  /** The earliest instant `key` may be attempted again (0 when it never failed). */
  notBefore(key: string): number;
  /** Record a failure; returns the attempt count and when to try again. */
  failed(key: string, incidentId: string, now: number, retryAfterMs?: number): { attempts: number; notBefore: number };
  /** Forget `key` after a success; returns how many attempts had failed. */
  succeeded(key: string): number;
  /** Earliest retry instant of an incident's failed posts, or null. */
  nextFor(incidentId: string): number | null;
  /** Drop entries of an incident whose keys are no longer planned. */
  retain(incidentId: string, keys: ReadonlySet<string>): void;
}

/** A Slack 429 carries Retry-After; notifiers expose it as `retryAfterMs` on the error (read duck-typed). */
export function retryAfterOf(error: unknown): number | undefined {
  const value = (error as { retryAfterMs?: unknown } | null)?.retryAfterMs;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** Notifiers set `maybeDelivered: true` on an error after which the post may still have arrived (a timeout, a dropped connection). */
export function maybeDeliveredOf(error: unknown): boolean {
  return (error as { maybeDelivered?: unknown } | null)?.maybeDelivered === true;
}

/** An empty retry book. */
export function createRetryBook(config: BackoffConfig = DEFAULT_BACKOFF): RetryBook {
  const pending = new Map<string, Pending>();
  return {
    notBefore: (key) => pending.get(key)?.notBefore ?? 0,
    failed(key, incidentId, now, retryAfterMs) {
      const attempts = (pending.get(key)?.attempts ?? 0) + 1;
      const backoff = Math.min(config.maxMs, config.baseMs * 2 ** (attempts - 1));
      // The platform knows its rate limit better than our guess.
      const notBefore = now + (retryAfterMs ?? backoff);
      pending.set(key, { attempts, notBefore, incidentId });
      return { attempts, notBefore };
    },
    succeeded(key) {
      const attempts = pending.get(key)?.attempts ?? 0;
      pending.delete(key);
      return attempts;
    },
    nextFor(incidentId) {
      let next: number | null = null;
      for (const p of pending.values()) if (p.incidentId === incidentId && (next === null || p.notBefore < next)) next = p.notBefore;
      return next;
    },
    retain(incidentId, keys) {
      for (const [key, p] of pending) if (p.incidentId === incidentId && !keys.has(key)) pending.delete(key);
    },
  };
}
