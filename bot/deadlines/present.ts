// Words and badges for showing obligations to people (chat and terminal); no I/O, no platform formats.
import type { ReplyButton, ReplySection } from '../reply.ts';
import type { VerificationLevel } from './rule-schema.ts';
import type { Obligation, ObligationStatus } from './types.ts';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** Verification level with its badge: ✅ primary text, ☑️ secondary, ⚠️ unverified. */
export const VERIFICATION_BADGE: Record<VerificationLevel, string> = {
  verified_primary_text: '✅ verified_primary_text',
  verified_secondary: '☑️ verified_secondary',
  unverified: '⚠️ unverified',
};

/** Short status labels; the loud ones are upper case so they stand out in plain text. */
export const STATUS_LABEL: Record<ObligationStatus, string> = {
  overdue: 'OVERDUE',
  due_soon: 'DUE SOON',
  pending: 'pending',
  tolled: 'tolled (law-enforcement delay)',
  needs_facts: 'NEEDS FACTS',
  done: 'done',
  not_applicable: 'not applicable',
  not_covered: 'NOT COVERED (no rule encoded: ask counsel)',
};

/** An obligation's caveats without the shared ones (those are stated once per answer by `sharedCaveatLines`). */
export function ownCaveats(o: Obligation): string[] {
  const shared = new Set((o.caveatRefs ?? []).map((c) => c.text));
  return o.caveats.filter((c) => !shared.has(c));
}

/** Each shared caveat of the listed obligations once, with the ids of the lines it concerns. */
export function sharedCaveatLines(list: readonly Obligation[]): string[] {
  const byId = new Map<string, { text: string; count: number }>();
  for (const o of list) {
    for (const ref of o.caveatRefs ?? []) {
      const seen = byId.get(ref.id);
      if (seen) seen.count++;
      else byId.set(ref.id, { text: ref.text, count: 1 });
    }
  }
  return [...byId].map(([id, { text, count }]) => `! [${id}] ${text} (${count} line${count === 1 ? '' : 's'})`);
}

const UNIT_WORDS: Record<string, string> = { d: 'day', h: 'hour', m: 'minute' };

/**
 * The two largest non-zero units to a deadline: "in 3d 4h", "in 40m", "overdue by 2d"; with `words`,
 * "in 3 days 4 hours", "overdue by 1 day 1 hour" (reminder messages, read by people outside the incident team).
 */
export function countdown(dueMs: number, nowMs: number, style: 'short' | 'words' = 'short'): string {
  const diff = dueMs - nowMs;
  const abs = Math.abs(diff);
  const units: [number, string][] = [
    [Math.floor(abs / DAY_MS), 'd'],
    [Math.floor((abs % DAY_MS) / HOUR_MS), 'h'],
    [Math.floor((abs % HOUR_MS) / MINUTE_MS), 'm'],
  ];
  const first = units.findIndex(([n]) => n > 0);
  const picked: [number, string][] = first === -1 ? [[0, 'm']] : units.slice(first, first + 2).filter(([n]) => n > 0);
  const shown = picked.map(([n, u]) => (style === 'words' ? `${n} ${UNIT_WORDS[u]}${n === 1 ? '' : 's'}` : `${n}${u}`)).join(' ');
  return diff >= 0 ? `in ${shown}` : `overdue by ${shown}`;
}

/** Whether a Snooze button belongs on this notice: only one that gets reminders (pending or due soon, not on request); an overdue one may not be snoozed past its deadline, a needs-facts one gets no reminders to pause. */
export function offersSnooze(o: Pick<Obligation, 'status' | 'kind'>): boolean {
  return o.kind !== 'on_request' && (o.status === 'pending' || o.status === 'due_soon');
}

/** Still owed: not done and applicable. */
export function isOpen(o: Obligation): boolean {
  return o.status !== 'done' && o.status !== 'not_applicable';
}

/** When it is due, in words, with `formatAt` rendering an ISO instant in the organization's zone. */
export function dueWords(o: Obligation, nowMs: number, formatAt: (iso: string) => string): string {
  if (o.status === 'not_applicable') return 'not applicable';
  if (o.status === 'not_covered') return 'unknown: breachdesk encodes no rule here, ask counsel';
  if (o.kind === 'on_request') return 'only if the authority asks';
  if (o.dueAt === null) return o.kind === 'none_fixed' ? 'no fixed deadline (without undue delay)' : 'deadline unknown until the missing facts are recorded';
  const at = `${formatAt(o.dueAt)}${o.kind === 'date' ? ' (end of day)' : ''}`;
  const bound = o.status === 'tolled' ? 'upper bound ' : o.kind === 'immediate' ? 'immediately, at the latest ' : '';
  const left = o.status === 'done' ? '' : ` · ${countdown(Date.parse(o.dueAt), nowMs)}`;
  return `${bound}${at}${left}`;
}

/** The plain-text block for one obligation: headline, due, citation + badge, basis, caveats. */
export function obligationLines(o: Obligation, nowMs: number, formatAt: (iso: string) => string, withCaveats = true, sharedOnce = false): string[] {
  const lines = [
    `[${STATUS_LABEL[o.status]}] ${o.obligation} → ${o.recipient}`,
    `  due: ${dueWords(o, nowMs, formatAt)}`,
    `  ${o.citation} (${o.law}) · ${VERIFICATION_BADGE[o.verification]}`,
    `  basis: ${o.basis}`,
  ];
  if (o.tolledUntil) lines.push(`  law-enforcement delay until ${formatAt(o.tolledUntil)}`);
  if (o.doneAt) lines.push(`  sent: ${formatAt(o.doneAt)}`);
  if (withCaveats) lines.push(...(sharedOnce ? ownCaveats(o) : o.caveats).map((c) => `  ! ${c}`));
  if (withCaveats && sharedOnce && o.caveatRefs?.length) lines.push(`  ! see notes: ${o.caveatRefs.map((c) => c.id).join(', ')}`);
  return lines;
}

/**
 * A neutral card section for one obligation with its buttons: Mark done, Snooze (asks for a reason), Details.
 * `withCaveats: false` keeps cross-incident lists short; the heading then names the incident.
 */
export function obligationSection(incidentId: string, o: Obligation, nowMs: number, formatAt: (iso: string) => string, withCaveats = true, sharedOnce = false): ReplySection {
  const buttons: ReplyButton[] = [];
  if (isOpen(o)) buttons.push({ label: 'Mark done', command: `done ${incidentId} ${o.obligation}`, style: 'primary' });
  // A snooze may not run past the deadline (design.md), so an overdue obligation offers none; `snooze` needs a period.
  if (offersSnooze(o)) buttons.push({ label: 'Snooze', command: `snooze ${incidentId} ${o.obligation} --for 1d`, needsReason: true });
  buttons.push({ label: 'Details', command: `deadlines ${incidentId} --only ${o.obligation}` });
  const text = [
    `→ ${o.recipient}`,
    `Due: ${dueWords(o, nowMs, formatAt)}`,
    `${o.citation} · ${VERIFICATION_BADGE[o.verification]}`,
    ...(withCaveats ? [`Basis: ${o.basis}`, ...(sharedOnce ? ownCaveats(o) : o.caveats).map((c) => `⚠ ${c}`)] : []),
    ...(withCaveats && sharedOnce && o.caveatRefs?.length ? [`⚠ see notes: ${o.caveatRefs.map((c) => c.id).join(', ')}`] : []),
  ].join('\n');
  return { heading: `${withCaveats ? '' : `${incidentId} · `}${STATUS_LABEL[o.status]} · ${o.obligation}`, text, buttons };
}
