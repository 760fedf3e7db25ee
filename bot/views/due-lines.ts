// One open notice of one incident in a cross-incident list (`due`, the App Home): read like the deadlines view
// (status word, recipient, due date and countdown in the language), the obligation id only as the handle for `done`.
import type { Obligation } from '../deadlines/types.ts';
import { offersSnooze } from '../deadlines/present.ts';
import { formatCountdown, formatInstant, labelled } from '../i18n/format.ts';
import { translator, type Lang } from '../i18n/index.ts';
import type { ReplyButton, ReplySection } from '../reply.ts';
import { BADGE, dueWords, shortRecipient, STATUS_LOOK } from './deadlines-view.ts';

/** A notice of one incident, with the zone its dates are read in. */
export interface DueNotice {
  incidentId: string;
  zone: string;
  obligation: Obligation;
}

function parts(n: DueNotice, now: Date, lang: Lang) {
  const tr = translator(lang);
  const o = n.obligation;
  const look = STATUS_LOOK[o.status] ?? STATUS_LOOK.not_covered!;
  const fmt = (iso: string) => formatInstant(iso, n.zone, lang);
  return {
    status: `${look.icon} ${tr(`status.${o.status}`)}`,
    recipient: shortRecipient(o.recipient),
    due: dueWords(o, lang, fmt),
    countdown: o.dueAt === null ? undefined : formatCountdown(Date.parse(o.dueAt), now.getTime(), lang),
    handle: tr('due.handle', { id: n.incidentId, obligation: o.obligation }),
  };
}

/** "BR-2 · 🔴 overdue · CNIL … · 2026-12-03 11:25 CET · overdue by 2h · RGPD art. 33 · when sent: `done BR-2 …`". */
export function dueLine(n: DueNotice, now: Date, lang: Lang): string {
  const p = parts(n, now, lang);
  return [n.incidentId, p.status, p.recipient, p.due, ...(p.countdown ? [p.countdown] : []), n.obligation.citation, p.handle].join(' · ');
}

/** The same notice as a card section, with Mark done, Snooze (not when overdue) and Details. */
export function dueSection(n: DueNotice, now: Date, lang: Lang): ReplySection {
  const tr = translator(lang);
  const p = parts(n, now, lang);
  const o = n.obligation;
  const buttons: ReplyButton[] = [
    { label: tr('deadlines.markDone'), command: `done ${n.incidentId} ${o.obligation}`, style: 'primary' },
    // A snooze may not run past the deadline (design.md), so an overdue notice offers none; a needs-facts one gets no reminders (a snooze is refused).
    ...(offersSnooze(o) ? [{ label: tr('deadlines.snooze'), command: `snooze ${n.incidentId} ${o.obligation} --for 1d`, needsReason: true }] : []),
    { label: tr('deadlines.details'), command: `deadlines ${n.incidentId} --only ${o.obligation}` },
  ];
  const text = [
    labelled(lang, tr('deadlines.recipient'), o.recipient),
    labelled(lang, tr('deadlines.due'), `${p.due}${p.countdown ? ` · ${p.countdown}` : ''}`),
    `${o.citation} · ${BADGE[o.verification] ?? '⚠️'} ${tr(`verification.${o.verification}`)}`,
  ].join('\n');
  return { heading: `${n.incidentId} · ${p.status} · ${p.recipient}`, text, buttons };
}
