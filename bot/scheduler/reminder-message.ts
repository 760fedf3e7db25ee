// The reminder a channel receives: a neutral Reply with the deadline, its citation and one-click actions.
import type { Incident } from '../model/incident-schema.ts';
import type { Reply, ReplyButton, ReplyField } from '../reply.ts';
import { formatInZone } from '../views/format-in-zone.ts';
import { dueText } from '../views/due-text.ts';
import { countdown } from '../deadlines/present.ts';
import type { Obligation } from '../deadlines/types.ts';
import { snoozeRefusal } from '../domain/reminders.ts';
import type { PlannedReminder } from './plan.ts';

// Snooze buttons a reminder may offer, longest first; only one the snooze command would accept right now is shown.
const SNOOZE_CHOICES = [
  { label: 'Snooze 1 day', arg: '1d', ms: 86_400_000 },
  { label: 'Snooze 4 hours', arg: '4h', ms: 4 * 3_600_000 },
  { label: 'Snooze 1 hour', arg: '1h', ms: 3_600_000 },
] as const;

/** The longest snooze button the command accepts for this obligation now (none when overdue or too close to the deadline). */
export function snoozeButton(incident: Incident, o: Obligation, now: Date): ReplyButton | undefined {
  const choice = SNOOZE_CHOICES.find((c) => snoozeRefusal(incident, o, now.getTime() + c.ms, now) === undefined);
  return choice ? { label: choice.label, command: `snooze ${incident.id} ${o.obligation} --for ${choice.arg}`, needsReason: true } : undefined;
}

export { dueText };


/** Verification levels in words a reader outside legal understands. */
export const VERIFICATION_WORDS: Record<Obligation['verification'], string> = {
  verified_primary_text: 'verified against the primary legal text',
  verified_secondary: 'verified from a secondary source',
  unverified: 'UNVERIFIED: confirm with counsel',
};


/** Who an escalation mentions: the privacy officer, else the commander. */
export function escalationContact(incident: Incident): { who: string; role: string } | null {
  if (incident.roles.privacyOfficer) return { who: incident.roles.privacyOfficer, role: 'privacy officer' };
  if (incident.roles.commander) return { who: incident.roles.commander, role: 'incident commander' };
  return null;
}

/** The reminder Reply for one planned step (posted into the channel). */
export function reminderReply(incident: Incident, planned: PlannedReminder, escalateAfterHours: number, now: Date): Reply {
  const o = planned.obligation;
  const zone = incident.organization.timezone;
  const dueMs = o.dueAt === null ? null : Date.parse(o.dueAt);
  const overdue = dueMs !== null && now.getTime() > dueMs;
  const when = dueMs === null ? dueText(o, zone) : countdown(dueMs, now.getTime(), 'words');
  const title = `${overdue ? 'OVERDUE' : 'Deadline reminder'} · ${incident.id} · ${o.obligation}`;
  const contact = escalationContact(incident);
  const escalation = planned.escalation
    ? contact
      ? `Escalation to ${contact.who} (${contact.role}): this overdue notice was not acknowledged within ${escalateAfterHours} h.`
      : `Escalation: this overdue notice was not acknowledged within ${escalateAfterHours} h, and no privacy officer or commander is assigned (\`set ${incident.id} privacy @name\`).`
    : undefined;
  const late = planned.late ? `Sent late: planned for ${formatInZone(new Date(planned.plannedAt).toISOString(), zone)} (the bot was down or could not post).` : undefined;
  const fields: ReplyField[] = [
    { label: 'Notify', value: o.recipient },
    { label: 'Due', value: dueText(o, zone) },
    { label: 'Countdown', value: when },
    { label: 'Citation', value: `${o.citation} (${o.law})` },
    { label: 'Verification', value: VERIFICATION_WORDS[o.verification] },
    { label: 'Basis', value: o.basis },
  ];
  const snoozeOffer = snoozeButton(incident, o, now);
  const buttons: ReplyButton[] = [
    { label: 'Mark done', command: `done ${incident.id} ${o.obligation}`, style: 'primary' },
    // A snooze may not run past the deadline: an overdue reminder offers none, a due-day one a shorter one.
    ...(snoozeOffer ? [snoozeOffer] : []),
    { label: 'Details', command: `deadlines ${incident.id}` },
    { label: 'Acknowledge', command: `ack ${incident.id} ${o.obligation}`, ...(overdue ? { style: 'danger' as const } : {}) },
  ];
  const text = [
    ...(escalation ? [escalation] : []),
    `${title}: ${incident.title}`,
    ...fields.map((f) => `  ${f.label}: ${f.value}`),
    ...(late ? [late] : []),
    `Actions: ${buttons.map((b) => b.command + (b.needsReason ? ' --reason "<why>"' : '')).join(' | ')}`,
  ].join('\n');
  return {
    outcome: 'ok',
    visibility: 'channel',
    text,
    card: {
      title,
      subtitle: incident.title,
      fields,
      ...(escalation || late ? { sections: [escalation, late].filter((s): s is string => s !== undefined).map((s) => ({ text: s })) } : {}),
      buttons,
      footer: `step ${planned.step.id}${planned.escalation ? ' + escalation' : ''} · ${incident.organization.timezone}`,
    },
    data: {
      kind: 'reminder', incident: incident.id, obligation: o.obligation, step: planned.step.id, dueAt: o.dueAt, status: o.status,
      late: planned.late, escalation: planned.escalation, ...(planned.escalation && contact ? { mention: contact.who } : {}),
    },
  };
}
