// The reminder a channel receives: a neutral Reply with the deadline, its citation and one-click actions, in the organization's language.
import type { Incident } from '../model/incident-schema.ts';
import type { Reply, ReplyButton, ReplyField } from '../reply.ts';
import { dueText } from '../views/due-text.ts';
import type { Obligation } from '../deadlines/types.ts';
import { snoozeRefusal } from '../domain/reminders.ts';
import { formatCountdown, formatInstant, labelled } from '../i18n/format.ts';
import { languageFor, t, translator, type Lang } from '../i18n/index.ts';
import type { PlannedReminder } from './plan.ts';

// Snooze buttons a reminder may offer, longest first; only one the snooze command would accept right now is shown.
const SNOOZE_CHOICES = [
  { label: 'reminder.snooze', arg: '1d', ms: 86_400_000 },
  { label: 'reminder.snooze4h', arg: '4h', ms: 4 * 3_600_000 },
  { label: 'reminder.snooze1h', arg: '1h', ms: 3_600_000 },
] as const;

/** The longest snooze button the command accepts for this obligation now (none when overdue or too close to the deadline). */
export function snoozeButton(incident: Incident, o: Obligation, now: Date, lang: Lang = 'en'): ReplyButton | undefined {
  const choice = SNOOZE_CHOICES.find((c) => snoozeRefusal(incident, o, now.getTime() + c.ms, now) === undefined);
  return choice ? { label: t(lang, choice.label), command: `snooze ${incident.id} ${o.obligation} --for ${choice.arg}`, needsReason: true } : undefined;
}

export { dueText };

/** Verification levels in words a reader outside legal understands (English). */
export const VERIFICATION_WORDS: Record<Obligation['verification'], string> = {
  verified_primary_text: 'verified against the primary legal text',
  verified_secondary: 'verified from a secondary source',
  unverified: 'UNVERIFIED: confirm with counsel',
};

/** Who an escalation mentions: the privacy officer, else the commander. */
export function escalationContact(incident: Incident, lang: Lang = 'en'): { who: string; role: string } | null {
  if (incident.roles.privacyOfficer) return { who: incident.roles.privacyOfficer, role: t(lang, 'reminder.privacyOfficer') };
  if (incident.roles.commander) return { who: incident.roles.commander, role: t(lang, 'reminder.commander') };
  return null;
}

/** A step id (`before:PT24H`, `morning`, `overdue:3`) in words: "24 hours before the deadline". */
export function stepWords(stepId: string, lang: Lang): string {
  const tr = translator(lang);
  const [kind, arg = ''] = stepId.split(/:(.*)/s);
  if (kind === 'before') {
    const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(arg);
    const [days, hours, minutes] = [Number(m?.[1] ?? 0), Number(m?.[2] ?? 0), Number(m?.[3] ?? 0)];
    const parts = [
      ...(days ? [tr('time.words.d', { count: days })] : []),
      ...(hours ? [tr('time.words.h', { count: hours })] : []),
      ...(minutes ? [tr('time.words.m', { count: minutes })] : []),
    ];
    return parts.length ? tr('reminder.step.before', { span: parts.join(' ') }) : tr('reminder.step.other');
  }
  if (kind === 'morning') return tr('reminder.step.morning');
  if (kind === 'overdue' || kind === 'hourly') return tr(`reminder.step.${kind}`, { n: arg });
  if (kind === 'daily') return tr('reminder.step.daily');
  return tr('reminder.step.other');
}

/** The reminder Reply for one planned step (posted into the channel). */
export function reminderReply(incident: Incident, planned: PlannedReminder, escalateAfterHours: number, now: Date): Reply {
  const lang = languageFor(incident.organization);
  const tr = translator(lang);
  const o = planned.obligation;
  const zone = incident.organization.timezone;
  const dueMs = o.dueAt === null ? null : Date.parse(o.dueAt);
  const overdue = dueMs !== null && now.getTime() > dueMs;
  const due = o.dueAt === null ? tr(o.kind === 'on_request' ? 'deadlines.onRequest' : 'deadlines.noFixed') : formatInstant(o.dueAt, zone, lang);
  const when = dueMs === null ? due : formatCountdown(dueMs, now.getTime(), lang, 'words');
  // Headed by the recipient, as people say it ("Texas Attorney General"); the id stays in the details and the buttons.
  const title = tr(overdue ? 'reminder.overdueTitle' : 'reminder.title', { id: incident.id, recipient: o.recipient });
  const contact = escalationContact(incident, lang);
  const escalation = planned.escalation
    ? contact
      ? tr('reminder.escalation', { who: contact.who, role: contact.role, hours: escalateAfterHours })
      : tr('reminder.escalationNobody', { hours: escalateAfterHours, id: incident.id })
    : undefined;
  const late = planned.late ? tr('reminder.late', { at: formatInstant(new Date(planned.plannedAt).toISOString(), zone, lang) }) : undefined;
  const fields: ReplyField[] = [
    { label: tr('deadlines.recipient'), value: o.recipient },
    { label: tr('deadlines.due'), value: due },
    { label: tr('reminder.countdown'), value: when },
    { label: tr('deadlines.citation'), value: `${o.citation} (${o.law})` },
    { label: tr('deadlines.verification'), value: tr(`verification.${o.verification}`) },
    { label: tr('deadlines.basis'), value: o.basis },
    { label: tr('deadlines.obligationId'), value: o.obligation },
  ];
  const snoozeOffer = snoozeButton(incident, o, now, lang);
  const buttons: ReplyButton[] = [
    { label: tr('deadlines.markDone'), command: `done ${incident.id} ${o.obligation}`, style: 'primary' },
    // A snooze may not run past the deadline: an overdue reminder offers none, a due-day one a shorter one.
    ...(snoozeOffer ? [snoozeOffer] : []),
    { label: tr('deadlines.details'), command: `deadlines ${incident.id} --only ${o.obligation}` },
    { label: tr('reminder.acknowledge'), command: `ack ${incident.id} ${o.obligation}`, ...(overdue ? { style: 'danger' as const } : {}) },
  ];
  const step = stepWords(planned.step.id, lang);
  const footer = `${planned.escalation ? tr('reminder.plusEscalation', { step }) : step} · ${tr('common.timesIn', { zone })}`;
  const text = [
    ...(escalation ? [escalation] : []),
    labelled(lang, title, incident.title),
    ...fields.map((f) => `  ${labelled(lang, f.label, f.value)}`),
    ...(late ? [late] : []),
    `${labelled(lang, tr('reminder.actions'))} ${buttons.map((b) => b.command + (b.needsReason ? ' --reason "…"' : '')).join(' | ')}`,
    footer,
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
      footer,
    },
    data: {
      kind: 'reminder', incident: incident.id, obligation: o.obligation, step: planned.step.id, dueAt: o.dueAt, status: o.status,
      late: planned.late, escalation: planned.escalation, ...(planned.escalation && contact ? { mention: contact.who } : {}),
    },
  };
}
