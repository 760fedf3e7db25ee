// The neutral deadlines view: notices grouped by due day, one line each, details and shared caveats kept apart.
import type { Obligation } from '../deadlines/types.ts';
import { offersSnooze } from '../deadlines/present.ts';
import type { Filing } from '../guidance/filing-schema.ts';
import type { Incident } from '../model/incident-schema.ts';
import type { ReplyButton, ReplyTone } from '../reply.ts';
import { formatCountdown, formatDay, formatInstant, labelled, localDate } from '../i18n/format.ts';
import { translator, type Lang } from '../i18n/index.ts';
import { withLazyText } from '../lazy-text.ts';

/** How many open notices carry one-click actions at the top. */
export const NEXT_WITH_ACTIONS = 3;

/** Status → icon and tone; an unknown status (a newer engine) reads as needing attention rather than vanishing. */
export const STATUS_LOOK: Record<string, { icon: string; tone: ReplyTone }> = {
  overdue: { icon: '🔴', tone: 'attention' },
  due_soon: { icon: '🟠', tone: 'warning' },
  pending: { icon: '🔵', tone: 'default' },
  tolled: { icon: '⏸️', tone: 'accent' },
  needs_facts: { icon: '❔', tone: 'warning' },
  not_covered: { icon: '⛔', tone: 'attention' },
  done: { icon: '✔️', tone: 'good' },
  not_applicable: { icon: '➖', tone: 'subtle' },
};
/** Verification level → badge. */
export const BADGE: Record<string, string> = { verified_primary_text: '✅', verified_secondary: '☑️', unverified: '⚠️' };

/** One notice as the view shows it. */
export interface DeadlineLine {
  /** The obligation id, for commands (never shown as a heading). */
  obligation: string;
  status: string;
  statusWord: string;
  icon: string;
  tone: ReplyTone;
  recipient: string;
  due: string;
  countdown?: string;
  badge: string;
  verificationWords: string;
  citation: string;
  basis: string;
  filing?: string;
  /** Caveats only this notice has, in full. */
  ownCaveats: string[];
  /** 1-based numbers of the shared footnotes that apply. */
  footnoteRefs: number[];
  tolledUntil?: string;
  /** The one line: icon, status, recipient, due, countdown, verification badge. */
  line: string;
  /** Mark done / Snooze, for the next few open notices. */
  actions: ReplyButton[];
  detailsCommand: string;
}

/** A day (or kind) heading and its notices. */
export interface DeadlineGroup {
  heading: string;
  lines: DeadlineLine[];
  /** Nothing to do here (done, not applicable): folded where the surface can fold. */
  quiet?: boolean;
}

/** Everything a surface needs to show an incident's deadlines. */
export interface DeadlinesView {
  lang: Lang;
  incidentId: string;
  title: string;
  asOf: string;
  zone: string;
  counts: { open: number; overdue: number; done: number; na: number; total: number };
  groups: DeadlineGroup[];
  /** The first open notices with a deadline, which carry actions. */
  next: DeadlineLine[];
  footnotes: string[];
}

const isOpen = (o: Obligation) => o.status !== 'done' && o.status !== 'not_applicable';

/** Build the view for `obligations` (engine order: soonest first) at `now`. */
export function buildDeadlinesView(incident: Incident, obligations: readonly Obligation[], now: Date, lang: Lang): DeadlinesView {
  const tr = translator(lang);
  const zone = incident.organization.timezone;
  const fmt = (iso: string) => formatInstant(iso, zone, lang);
  // A caveat on two or more notices becomes one numbered footnote instead of repeating on each.
  const seen = new Map<string, number>();
  for (const o of obligations) for (const c of new Set(o.caveats)) seen.set(c, (seen.get(c) ?? 0) + 1);
  // The engine also marks the caveats many rules share (caveatRefs): those are notes even when only one line has them here.
  const shared = new Set(obligations.flatMap((o) => (o.caveatRefs ?? []).map((r) => r.text)));
  const footnotes = [...seen].filter(([c, n]) => n >= 2 || shared.has(c)).map(([c]) => c);
  const nextIds = new Set(obligations.filter((o) => isOpen(o) && o.dueAt !== null).slice(0, NEXT_WITH_ACTIONS).map((o) => o.obligation));
  const lines = obligations.map((o) => lineFor(incident.id, o, now, lang, fmt, footnotes, nextIds.has(o.obligation)));
  const groups = new Map<string, DeadlineGroup>();
  const push = (key: string, heading: string, line: DeadlineLine) => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { heading, lines: [], ...(key.startsWith('~') ? { quiet: true } : {}) }));
    g.lines.push(line);
  };
  obligations.forEach((o, i) => {
    const line = lines[i]!;
    if (o.status === 'done') push('~done', tr('deadlines.doneGroup'), line);
    else if (o.status === 'not_applicable') push('~na', tr('deadlines.naGroup'), line);
    else if (String(o.status) === 'not_covered') push('!not_covered', tr('deadlines.notCoveredGroup'), line);
    else if (o.dueAt !== null) {
      push(localDate(o.dueAt, zone), formatDay(o.dueAt, zone, lang), line);
    } else if (o.status === 'needs_facts') push('}needs', tr('deadlines.needsFacts'), line);
    else if (o.kind === 'on_request') push('}request', tr('deadlines.onRequest'), line);
    else push('}nofixed', tr('deadlines.noFixed'), line);
  });
  // Day keys (YYYY-MM-DD) sort first by date; then not covered (!), open-ended (}), done and n/a (~) last. The keys are
  // ASCII: compared as code units (localeCompare would build a collator, about 13 ms in a one-shot command).
  const order = (k: string) => (k.startsWith('!') ? 0 : /^\d/.test(k) ? 1 : k.startsWith('}') ? 2 : 3);
  const sorted = [...groups].sort(([a], [b]) => order(a) - order(b) || (a < b ? -1 : a > b ? 1 : 0)).map(([, g]) => g);
  return {
    lang,
    incidentId: incident.id,
    title: incident.title,
    asOf: fmt(now.toISOString()),
    zone,
    counts: {
      open: obligations.filter(isOpen).length,
      overdue: obligations.filter((o) => o.status === 'overdue').length,
      done: obligations.filter((o) => o.status === 'done').length,
      na: obligations.filter((o) => o.status === 'not_applicable').length,
      total: obligations.length,
    },
    groups: sorted,
    next: lines.filter((l) => nextIds.has(l.obligation)),
    footnotes,
  };
}

function lineFor(
  incidentId: string, o: Obligation, now: Date, lang: Lang, fmt: (iso: string) => string, footnotes: string[], withActions: boolean,
): DeadlineLine {
  const tr = translator(lang);
  const look = STATUS_LOOK[o.status] ?? STATUS_LOOK.not_covered!;
  const statusWord = tr(`status.${o.status}`);
  const due = dueWords(o, lang, fmt);
  const countdown = o.dueAt !== null && isOpen(o) ? formatCountdown(Date.parse(o.dueAt), now.getTime(), lang) : undefined;
  const badge = BADGE[o.verification] ?? '⚠️';
  const recipient = shortRecipient(o.recipient);
  // The group heading already says the day (or "no fixed deadline"): the line keeps only what differs.
  const when = o.status === 'not_applicable' ? undefined : o.status === 'done' ? due : o.dueAt !== null ? shortDue(o, lang, fmt) : undefined;
  // Day-counted notices end with the day the heading names; only hour-counted ones need their time on the line.
  const line = o.status === 'not_applicable'
    ? `${look.icon} ${recipient}`
    : [`${look.icon} ${statusWord}`, recipient, ...(when ? [when] : []), ...(countdown ? [countdown] : []), badge].join(' · ');
  const caveats = [...new Set(o.caveats)];
  const actions: ReplyButton[] = withActions
    ? [
        { label: tr('deadlines.markDone'), command: `done ${incidentId} ${o.obligation}`, style: 'primary' },
        // A snooze may not run past the deadline (design.md), so an overdue notice offers none; a needs-facts one gets no reminders (a snooze is refused).
        ...(offersSnooze(o) ? [{ label: tr('deadlines.snooze'), command: `snooze ${incidentId} ${o.obligation} --for 1d`, needsReason: true }] : []),
      ]
    : [];
  const filing = o.filing;
  // The filing guidance is read by the details (Teams' card, a notice in full), not by the list: made when first read.
  const made: DeadlineLine = {
    obligation: o.obligation,
    status: o.status,
    statusWord,
    icon: look.icon,
    tone: look.tone,
    recipient: o.recipient,
    due,
    ...(countdown ? { countdown } : {}),
    badge,
    verificationWords: tr(`verification.${o.verification}`),
    citation: `${o.citation} (${o.law})`,
    basis: o.basis,
    ownCaveats: caveats.filter((c) => !footnotes.includes(c)),
    footnoteRefs: caveats.map((c) => footnotes.indexOf(c) + 1).filter((n) => n > 0),
    ...(o.tolledUntil ? { tolledUntil: fmt(o.tolledUntil) } : {}),
    line,
    actions,
    detailsCommand: `deadlines ${incidentId} --only ${o.obligation}`,
  };
  return filing ? withLazyText(made, 'filing', () => filingText(filing, lang)) : made;
}

/** When it is due, in words and in the organization's zone. */
export function dueWords(o: Obligation, lang: Lang, fmt: (iso: string) => string): string {
  const tr = translator(lang);
  if (o.status === 'done' && o.doneAt) return tr('deadlines.sentAt', { at: fmt(o.doneAt) });
  // A notice that does not apply has no deadline at all (not "without undue delay").
  if (o.status === 'not_applicable') return tr('deadlines.naGroup');
  if (o.dueAt === null) return o.kind === 'on_request' ? tr('deadlines.onRequest') : o.status === 'needs_facts' ? tr('deadlines.needsFacts') : tr('deadlines.noFixed');
  const at = o.kind === 'date' ? tr('deadlines.endOfDay', { at: fmt(o.dueAt) }) : fmt(o.dueAt);
  if (o.status === 'tolled') return tr('deadlines.upperBound', { at });
  return o.kind === 'immediate' ? tr('deadlines.immediately', { at }) : at;
}

/** The time of day only (the group heading has the date), or nothing for a day-counted notice. */
function shortDue(o: Obligation, lang: Lang, fmt: (iso: string) => string): string | undefined {
  const tr = translator(lang);
  const time = fmt(o.dueAt!).split(' ').slice(1).join(' ');
  if (o.status === 'tolled') return tr('deadlines.upperBound', { at: o.kind === 'date' ? tr('deadlines.endOfDayWord') : time });
  if (o.kind === 'immediate') return tr('deadlines.immediately', { at: time });
  return o.kind === 'date' ? undefined : time;
}

// A long recipient keeps its head: "each affected individual (next of kin …)" reads as "each affected individual".
/** A recipient short enough for one line. */
export function shortRecipient(recipient: string): string {
  if (recipient.length <= 60) return recipient;
  const head = recipient.replace(/\s*\(.*$/, '');
  return head.length > 0 && head.length <= 60 ? head : `${recipient.slice(0, 59)}…`;
}

/** Where and how to file, as labelled lines in the language (the French checklist where the notice is French). */
function filingText(f: Filing, lang: Lang): string {
  const tr = translator(lang);
  const fr = lang === 'fr';
  const content = fr && f.contentFr ? f.contentFr : f.content;
  const where = [f.portal, (fr && f.formFr) || f.form, f.email, f.postal, f.phone].filter(Boolean).join(' · ');
  return [
    labelled(lang, tr('filing.to'), (fr && f.toFr) || f.to),
    ...(where ? [labelled(lang, tr('filing.where'), where)] : []),
    labelled(lang, tr('filing.method'), (fr && f.methodFr) || f.method),
    ...(f.signedBy ? [labelled(lang, tr('filing.signedBy'), (fr && f.signedByFr) || f.signedBy)] : []),
    labelled(lang, tr('filing.content')),
    ...content.map((c) => `  ☐ ${c}`),
    ...(f.substitute?.length ? [labelled(lang, tr('filing.substitute')), ...((fr && f.substituteFr) || f.substitute).map((c) => `  • ${c}`)] : []),
    ...((fr && f.notesFr) || f.notes || []).map((n) => `⚠ ${n}`),
    `${tr('filing.checked', { level: tr(`verification.${f.verification}`), source: (fr && f.sourceFr) || f.source, date: fr ? f.checked.split('-').reverse().join('/') : f.checked })}`,
  ].join('\n');
}
