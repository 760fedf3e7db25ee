// The incident at a glance (status, key facts, next deadlines, overdue items, recent timeline): `summary` and the daily digest.
import type { Obligation } from '../deadlines/types.ts';
import { formatCountdown, formatInstant, labelled } from '../i18n/format.ts';
import { languageFor, t, translator, type Lang } from '../i18n/index.ts';
import type { Incident } from '../model/incident-schema.ts';
import type { Reply, ReplySection } from '../reply.ts';
import { incidentFacts, recentTimeline } from './incident-view.ts';
import { tasksFor } from '../guidance/plan.ts';

const NEXT_COUNT = 5;
const NOT_OWED: ReadonlySet<Obligation['status']> = new Set(['done', 'not_applicable']);

/** One obligation as a line: recipient, due in the org zone, countdown, citation. */
export function obligationLine(o: Obligation, zone: string, now: Date, lang: Lang = 'en'): string {
  const tr = translator(lang);
  const due = o.dueAt === null ? tr(o.kind === 'on_request' ? 'deadlines.onRequest' : 'deadlines.noFixed') : formatInstant(o.dueAt, zone, lang);
  const left = o.dueAt === null ? '' : ` (${formatCountdown(Date.parse(o.dueAt), now.getTime(), lang, 'words')})`;
  const tolled = o.status === 'tolled' && o.tolledUntil ? ` · ${tr('summary.tolledUntil', { at: formatInstant(o.tolledUntil, zone, lang) })}` : '';
  return `${labelled(lang, o.recipient, o.dueAt === null ? due : tr('summary.due', { due }))}${left}${tolled} · ${o.citation}`;
}

const TASKS_SHOWN = 5;

/** The open response-plan tasks (`next <id>` has them all). */
function openTasksSection(incident: Incident, lang: Lang): ReplySection[] {
  const open = tasksFor(incident, lang).filter((t) => t.doneAt === null);
  if (open.length === 0) return [];
  const shown = open.slice(0, TASKS_SHOWN).map((t) => `${t.title} (task done ${incident.id} ${t.id})`);
  if (open.length > TASKS_SHOWN) shown.push(t(lang, 'summary.moreTasks', { count: open.length - TASKS_SHOWN, id: incident.id }));
  return [{ heading: t(lang, 'summary.openTasks', { count: open.length }), text: shown.join('\n') }];
}

/** The summary Reply (visibility channel): status, key facts, next deadlines, overdue items, recent timeline. */
export function summaryReply(incident: Incident, obligations: readonly Obligation[], now: Date, kind: 'summary' | 'digest' = 'summary', lang: Lang = languageFor(incident.organization)): Reply {
  const tr = translator(lang);
  const zone = incident.organization.timezone;
  const open = obligations.filter((o) => !NOT_OWED.has(o.status) && o.kind !== 'on_request');
  const overdue = open.filter((o) => o.status === 'overdue');
  // Engine order is soonest first, open-ended ones last.
  const next = open.filter((o) => o.status !== 'overdue' && o.status !== 'needs_facts').slice(0, NEXT_COUNT);
  const needsFacts = open.filter((o) => o.status === 'needs_facts');
  const facts = incidentFacts(incident, lang);
  const timeline = recentTimeline(incident);
  const line = (o: Obligation) => obligationLine(o, zone, now, lang);
  // A clock that runs whatever the missing fact turns out to be keeps its date beside the question.
  const ifOwed = (o: Obligation) =>
    o.dueAt === null ? '' : ` · ${tr('summary.ifOwed', { due: formatInstant(o.dueAt, zone, lang), left: formatCountdown(Date.parse(o.dueAt), now.getTime(), lang, 'words') })}`;
  const sections: ReplySection[] = [
    { heading: tr('summary.overdue', { count: overdue.length }), text: overdue.map(line).join('\n') || tr('common.none') },
    { heading: tr('summary.next', { count: NEXT_COUNT }), text: next.map(line).join('\n') || tr('summary.noneOpen') },
    ...(needsFacts.length ? [{ heading: tr('summary.needsFacts', { count: needsFacts.length }), text: needsFacts.map((o) => `${labelled(lang, o.recipient, o.basis)}${ifOwed(o)}`).join('\n') }] : []),
    ...openTasksSection(incident, lang),
    { heading: tr('summary.timeline', { count: incident.timeline.length }), text: timeline.join('\n') || tr('summary.empty') },
  ];
  const title = tr('summary.title', { heading: tr(kind === 'digest' ? 'summary.digest' : 'summary.heading'), id: incident.id, title: incident.title });
  const text = [
    title,
    ...facts.map((f) => `  ${labelled(lang, f.label, f.value)}`),
    ...sections.flatMap((s) => [labelled(lang, s.heading!), ...s.text!.split('\n').map((l) => `  ${l}`)]),
  ].join('\n');
  return {
    outcome: 'ok',
    visibility: 'channel',
    // The surfaces write their own words (overflow notes) in the answer's language.
    lang,
    text,
    card: {
      title,
      fields: facts,
      sections,
      buttons: [
        { label: tr('summary.deadlines'), command: `deadlines ${incident.id}`, style: 'primary' },
        { label: tr('summary.details'), command: `show ${incident.id}` },
      ],
      footer: tr('common.timesIn', { zone }),
    },
    data: {
      id: incident.id, status: incident.status,
      overdue: overdue.map((o) => ({ obligation: o.obligation, dueAt: o.dueAt })),
      next: next.map((o) => ({ obligation: o.obligation, dueAt: o.dueAt, status: o.status })),
    },
  };
}
