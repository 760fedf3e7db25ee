// What one scheduler tick did, counted as posts are accepted.
import type { PendingRecord } from './plan.ts';

/** What one tick did. */
export interface TickReport {
  at: string;
  /** Incidents planned in this tick (the due ones only). */
  examined: number;
  /** Reminder messages accepted by the platform (escalations included). */
  sent: number;
  late: number;
  escalations: number;
  /** Older missed steps recorded as skipped (downtime catch-up). */
  skipped: number;
  digests: number;
  failed: number;
  /** Due but waiting for a retry time. */
  deferred: number;
}

/** A report with nothing counted yet. */
export function emptyReport(now: Date): TickReport {
  return { at: now.toISOString(), examined: 0, sent: 0, late: 0, escalations: 0, skipped: 0, digests: 0, failed: 0, deferred: 0 };
}

/** Count one accepted reminder post: late, escalation, and the older steps it recorded as skipped. */
export function countSent(report: TickReport, records: readonly PendingRecord[]): void {
  const delivered = records.filter((r) => r.outcome === 'delivered');
  report.sent++;
  if (delivered.some((r) => r.late)) report.late++;
  if (delivered.some((r) => r.step === 'escalate')) report.escalations++;
  report.skipped += records.length - delivered.length;
}
