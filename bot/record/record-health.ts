// Start-up check of every stored record: seal entries written before chaining (once), verify every chain, remember
// the broken ones for `list`, `show` and exports. It reports loudly and never refuses to run or rewrites an entry.
import type { Incident } from '../model/incident-schema.ts';
import type { IncidentStore, Logger } from '../ports.ts';
import { createSlicer } from '../slices.ts';
import { needsLegacySeal, sealLegacy } from './chain.ts';
import { applyChange, SYSTEM_ACTOR } from '../domain/change.ts';
import { describeChainStatus, verifyChain, type ChainProblem, type ChainStatus, type VerifiedPrefix } from './verify-chain.ts';

/** What is known about the records' integrity since start-up. */
export interface RecordHealth {
  /** The problem found in this incident's record, if any. */
  problem(id: string): ChainProblem | undefined;
  /** Remember the outcome of a verification (start-up, `verify`, `show`, export). */
  note(id: string, status: ChainStatus): void;
  /** Every incident found broken, by id. */
  broken(): ReadonlyMap<string, ChainProblem>;
  /**
   * Verify and remember, hashing only entries added since this incident was last found intact: the store is
   * append-only, so a verified prefix cannot change while breachdesk runs (`show` costs the same with 10 entries or 10,000).
   * The facts are not hashed here (a read stays cheap): facts found changed by an earlier full check stay reported.
   */
  check(incident: Incident): ChainStatus;
}

/** An empty record of findings. */
export function createRecordHealth(): RecordHealth {
  const problems = new Map<string, ChainProblem>();
  const verified = new Map<string, VerifiedPrefix>();
  const note = (id: string, status: ChainStatus) => {
    if (status.state === 'broken') problems.set(id, status.problem);
    else problems.delete(id);
    if (status.state === 'intact') verified.set(id, status.verified);
    else verified.delete(id);
  };
  return {
    problem: (id) => problems.get(id),
    note,
    broken: () => problems,
    check(incident) {
      const status = verifyChain(incident, verified.get(incident.id), { facts: false });
      const facts = problems.get(incident.id);
      // The chain alone says nothing about the facts: keep what the last full check (start-up, verify, export) found.
      if (status.state === 'intact' && facts?.list === 'facts') {
        verified.set(incident.id, status.verified);
        return { state: 'broken', problem: facts };
      }
      note(incident.id, status);
      return status;
    },
  };
}

/** What the start-up check did. */
export interface RecordCheckReport {
  checked: number;
  sealed: string[];
  broken: string[];
}

/**
 * Seal and verify every incident (or only those of `only`: a one-shot command about one incident), one at a time;
 * each broken chain is logged as an error.
 */
export async function checkRecords(
  store: IncidentStore,
  health: RecordHealth,
  logger: Logger,
  now: Date,
  only?: readonly string[],
  stopping: () => boolean = () => false,
): Promise<RecordCheckReport> {
  const report: RecordCheckReport = { checked: 0, sealed: [], broken: [] };
  const pause = createSlicer();
  const ids = await store.ids();
  const wanted = only && new Set(only);
  const todo = wanted ? ids.filter((i) => wanted.has(i)) : ids;
  for (const id of todo) {
    await pause();
    // Shutting down: the rest is verified at the next start (and each record when it is shown or exported).
    if (stopping()) {
      logger.info(`record check: stopped after ${report.checked} of ${todo.length} incident(s) (shutting down)`);
      return report;
    }
    let incident = await store.get(id);
    if (!incident) continue;
    report.checked++;
    if (needsLegacySeal(incident)) {
      incident = await sealOnce(store, id, now);
      report.sealed.push(id);
    }
    const status = verifyChain(incident);
    health.note(id, status);
    if (status.state === 'broken') {
      report.broken.push(id);
      logger.error(`record check: ${describeChainStatus(id, status)} Nothing was changed; compare with an export or the anchored head.`, { incident: id, list: status.problem.list, entry: status.problem.entry });
    }
  }
  if (report.sealed.length) logger.warn(`record check: sealed the entries of ${report.sealed.length} incident(s) written before chaining into a first link`, { incidents: report.sealed.slice(0, 20) });
  const level = report.broken.length ? 'error' : 'info';
  logger[level](`record check: ${report.checked} incident(s) verified, ${report.broken.length} broken`, report.broken.length ? { broken: report.broken } : undefined);
  return report;
}

async function sealOnce(store: IncidentStore, id: string, now: Date): Promise<Incident> {
  // The seal adds the chain record only; the timeline itself is left exactly as it was.
  // Through the one change path, as the system, recording no event (a seal is not something that happened to the incident).
  const { incident } = await applyChange({ store, actor: SYSTEM_ACTOR, now }, id, (current) => ({ next: needsLegacySeal(current) ? sealLegacy(current, now) : current, events: [] }));
  return incident;
}
