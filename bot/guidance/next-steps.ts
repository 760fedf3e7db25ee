// `next`: what to do now, derived from the incident: facts still needed, the next deadlines, notices not yet drafted,
// and the open steps of the response plan.
import type { Incident } from '../model/incident-schema.ts';
import type { Obligation } from '../deadlines/types.ts';
import { draftKind } from '../drafts/draft-notice.ts';
import type { ReplySection } from '../reply.ts';
import { formatCountdown, formatInstant, labelled } from '../i18n/format.ts';
import { tasksFor, type Lang, type TaskView } from './plan.ts';

// Tolled notices are still owed (the delay ends): they are drafted and listed too.
const OPEN = new Set<Obligation['status']>(['pending', 'due_soon', 'overdue', 'tolled']);
const NEXT_DEADLINES = 5;
/** Timeline action written when a draft is prepared; `next` stops suggesting that draft. */
export const DRAFT_ACTION = 'draft.prepared';

/** The to-do list as sections (facts needed, deadlines, drafts, plan), in the incident's language. */
export function nextSteps(incident: Incident, obligations: readonly Obligation[], now: Date, lang: Lang): { sections: ReplySection[]; tasks: TaskView[] } {
  const fr = lang === 'fr';
  const zone = incident.organization.timezone;
  const needs = obligations.filter((o) => o.status === 'needs_facts');
  // A needs-facts notice whose clock runs whatever the answer (the key's fate, a flag not answered) has a due instant:
  // it is listed with the others, marked, so the date is not lost while the fact is sought.
  const dated = obligations.filter((o) => (OPEN.has(o.status) || o.status === 'needs_facts') && o.dueAt !== null).slice(0, NEXT_DEADLINES);
  const drafted = new Set(incident.timeline.filter((e) => e.action === DRAFT_ACTION).flatMap((e) => (e.changes ?? []).map((c) => c.to)));
  const toDraft = obligations.filter((o) => OPEN.has(o.status) && !drafted.has(o.obligation) && draftKind(o) !== null).slice(0, 8);
  const tasks = tasksFor(incident, lang);
  const open = tasks.filter((t) => t.doneAt === null);
  const phaseWords: Record<TaskView['phase'], string> = fr
    ? { now: 'maintenant', 'first-days': 'premiers jours', 'before-notice': 'avant les notifications', after: 'après', custom: 'ajoutée' }
    : { now: 'now', 'first-days': 'first days', 'before-notice': 'before notices go out', after: 'after', custom: 'added by the team' };
  const none = fr ? 'rien' : 'nothing';
  const sections: ReplySection[] = [
    {
      heading: fr ? `Faits à établir (${needs.length})` : `Facts still needed (${needs.length})`,
      text: needs.map((o) => labelled(fr ? 'fr' : 'en', o.recipient, o.basis.split(/[ \u202f]?; /)[0])).join('\n') || none,
    },
    {
      heading: fr ? 'Prochaines échéances' : 'Next deadlines',
      text: dated.map((o) => `${formatInstant(o.dueAt!, zone, lang)} (${formatCountdown(Date.parse(o.dueAt!), now.getTime(), lang, 'words')}${o.status === 'tolled' ? (fr ? ', suspendu\u00a0: délai demandé par les forces de l\'ordre' : ', tolled: law-enforcement delay') : o.status === 'needs_facts' ? (fr ? ', faits manquants, si la notification est due' : ', needs facts, if owed') : ''}) · ${o.recipient} · ${o.citation}`).join('\n') || none,
    },
    {
      heading: fr ? `Notifications à rédiger (${toDraft.length})` : `Notices not yet drafted (${toDraft.length})`,
      text: toDraft.map((o) => `draft ${incident.id} ${o.obligation}${fr ? ' --lang fr' : ''}  (${o.recipient})`).join('\n') || none,
    },
    {
      heading: fr ? `Tâches ouvertes du plan de réponse (${open.length})` : `Response plan: ${open.length} open task(s)`,
      text: open.map((t) => `[${phaseWords[t.phase]}] ${t.title} — task done ${incident.id} ${t.id}${t.detail ? `\n    ${t.detail}` : ''}`).join('\n') || (fr ? 'toutes les tâches sont faites' : 'every task is done'),
    },
  ];
  return { sections, tasks };
}
