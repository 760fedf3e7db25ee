// The incident at a glance (status, key facts, next deadlines, overdue items, recent timeline): `summary` and the daily digest.
import type { Obligation } from '../deadlines/types.ts';
import { countdown } from '../deadlines/present.ts';
import { dueText } from './due-text.ts';
import type { Incident } from '../model/incident-schema.ts';
import type { Reply, ReplySection } from '../reply.ts';
import { formatInZone } from './format-in-zone.ts';
import { incidentFacts, recentTimeline } from './incident-view.ts';
import { tasksFor } from '../guidance/plan.ts';

const NEXT_COUNT = 5;
const NOT_OWED: ReadonlySet<Obligation['status']> = new Set(['done', 'not_applicable']);

/** One obligation as a line: id, recipient, due date in the org zone, countdown, citation. */
export function obligationLine(o: Obligation, zone: string, now: Date): string {
  const due = dueText(o, zone);
  const left = o.dueAt === null ? '' : ` (${countdown(Date.parse(o.dueAt), now.getTime(), 'words')})`;
  const tolled = o.status === 'tolled' && o.tolledUntil ? ` · law-enforcement delay until ${formatInZone(o.tolledUntil, zone)}` : '';
  return `${o.obligation} → ${o.recipient}: due ${due}${left}${tolled} · ${o.citation}`;
}

const TASKS_SHOWN = 5;

/** The open response-plan tasks (`next <id>` has them all). */
function openTasksSection(incident: Incident): ReplySection[] {
  const open = tasksFor(incident, incident.organization.country === 'FR' ? 'fr' : 'en').filter((t) => t.doneAt === null);
  if (open.length === 0) return [];
  const shown = open.slice(0, TASKS_SHOWN).map((t) => `${t.title} (task done ${incident.id} ${t.id})`);
  if (open.length > TASKS_SHOWN) shown.push(`… ${open.length - TASKS_SHOWN} more: next ${incident.id}`);
  return [{ heading: `Open tasks (${open.length})`, text: shown.join('\n') }];
}

/** The summary Reply (visibility channel): status, key facts, next deadlines, overdue items, recent timeline. */
export function summaryReply(incident: Incident, obligations: readonly Obligation[], now: Date, heading = 'Summary'): Reply {
  const zone = incident.organization.timezone;
  const open = obligations.filter((o) => !NOT_OWED.has(o.status) && o.kind !== 'on_request');
  const overdue = open.filter((o) => o.status === 'overdue');
  // Engine order is soonest first, open-ended ones last.
  const next = open.filter((o) => o.status !== 'overdue' && o.status !== 'needs_facts').slice(0, NEXT_COUNT);
  const needsFacts = open.filter((o) => o.status === 'needs_facts');
  const facts = incidentFacts(incident);
  const timeline = recentTimeline(incident);
  const line = (o: Obligation) => obligationLine(o, zone, now);
  const sections: ReplySection[] = [
    { heading: `Overdue (${overdue.length})`, text: overdue.map(line).join('\n') || 'none' },
    { heading: `Next deadlines (soonest ${NEXT_COUNT} not done)`, text: next.map(line).join('\n') || 'none open' },
    ...(needsFacts.length ? [{ heading: `Needs facts (${needsFacts.length})`, text: needsFacts.map((o) => `${o.obligation}: ${o.basis}`).join('\n') }] : []),
    ...openTasksSection(incident),
    { heading: `Recent timeline (${incident.timeline.length} entries)`, text: timeline.join('\n') || 'empty' },
  ];
  const title = `${heading} · ${incident.id} · ${incident.title}`;
  const text = [
    title,
    ...facts.map((f) => `  ${f.label}: ${f.value}`),
    ...sections.flatMap((s) => [`${s.heading}:`, ...s.text!.split('\n').map((l) => `  ${l}`)]),
  ].join('\n');
  return {
    outcome: 'ok',
    visibility: 'channel',
    text,
    card: {
      title,
      fields: facts,
      sections,
      buttons: [
        { label: 'Deadlines', command: `deadlines ${incident.id}`, style: 'primary' },
        { label: 'Details', command: `show ${incident.id}` },
      ],
      footer: `Times in ${zone}`,
    },
    data: {
      id: incident.id, status: incident.status,
      overdue: overdue.map((o) => ({ obligation: o.obligation, dueAt: o.dueAt })),
      next: next.map((o) => ({ obligation: o.obligation, dueAt: o.dueAt, status: o.status })),
    },
  };
}
