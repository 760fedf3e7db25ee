// Contractual clocks (BAA, DPA, insurer): adding and removing them are decisions recorded on the timeline.
import { CommandRefusedError } from '../errors.ts';
import type { ContractualClock, Incident } from '../model/incident-schema.ts';
import type { Decision } from './change.ts';

/** What `clock add` asks for, already parsed. */
export interface ClockRequest {
  recipient: string;
  within: ContractualClock['within'];
  by: string | null;
  from: ContractualClock['from'];
  basis: string;
}

/** Add a contractual clock; its id is the next free `CONTRACT-n`. */
export function addClock(current: Incident, request: ClockRequest, by: string, now: Date): Decision {
  if ((request.within === null) === (request.by === null)) throw new CommandRefusedError('Give either --within <48h|10d> or --by <when>.');
  if (request.by && Date.parse(request.by) < Date.parse(current.discoveredAt)) {
    throw new CommandRefusedError('That clock would end before the breach was discovered; check --by.');
  }
  const n = current.clocks.reduce((max, c) => Math.max(max, Number(c.id.slice('CONTRACT-'.length))), 0) + 1;
  const clock: ContractualClock = { id: `CONTRACT-${n}`, recipient: request.recipient, within: request.within, by: request.by, from: request.from, basis: request.basis, addedBy: by, addedAt: now.toISOString(), removedAt: null };
  const span = request.within ? `within ${request.within.amount} ${request.within.unit} of ${describeFrom(request.from)}` : `by ${request.by}`;
  return {
    next: { ...current, clocks: [...current.clocks, clock] },
    events: [{ action: 'clock.added', text: `Contractual clock ${clock.id} added: notify ${clock.recipient} ${span} (${clock.basis})`, changes: [{ field: 'clocks', from: null, to: clock.id }] }],
  };
}

/** Stop tracking a contractual clock; it stays in the record with the time it was removed. */
export function removeClock(current: Incident, id: string, reason: string, now: Date): Decision {
  const clock = current.clocks.find((c) => c.id === id.toUpperCase());
  if (!clock) {
    const known = current.clocks.filter((c) => c.removedAt === null).map((c) => c.id);
    throw new CommandRefusedError(`${current.id} has no contractual clock ${id}.${known.length ? ` Its clocks: ${known.join(', ')}.` : ''}`);
  }
  if (clock.removedAt) throw new CommandRefusedError(`${clock.id} was already removed on ${clock.removedAt}.`);
  const removedAt = now.toISOString();
  return {
    next: { ...current, clocks: current.clocks.map((c) => (c.id === clock.id ? { ...c, removedAt } : c)) },
    events: [{ action: 'clock.removed', text: `Contractual clock ${clock.id} (${clock.recipient}) removed: ${reason}`, changes: [{ field: `clocks.${clock.id}.removedAt`, from: null, to: removedAt }] }],
  };
}

function describeFrom(from: ContractualClock['from']): string {
  return from === 'discovery' ? 'discovery' : from === 'notified' ? "the vendor's notice to us" : from;
}
