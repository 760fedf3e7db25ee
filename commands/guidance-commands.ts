// `draft` and `next`: the notice text for an obligation, and what the team should do now.
import { labelled } from '../bot/i18n/format.ts';
import { z } from 'zod';
import { obligationsNow } from '../bot/domain/obligations.ts';
import type { Obligation } from '../bot/deadlines/types.ts';
import { applyChange } from '../bot/domain/change.ts';
import { draftNotice } from '../bot/drafts/draft-notice.ts';
import { DRAFT_ACTION, nextSteps } from '../bot/guidance/next-steps.ts';
import type { Incident } from '../bot/model/incident-schema.ts';
import { CommandRefusedError } from '../bot/errors.ts';
import { ok } from '../bot/reply.ts';
import type { CommandContext } from './context.ts';
import type { CommandSpec } from './registry.ts';
import { IncidentIdArg, requireIncident } from './shared.ts';
import { resolveObligation } from './reminder-commands.ts';
import { languageFor, t, type Lang } from '../bot/i18n/index.ts';

/** The incident's default language: French organizations read French. */
export function incidentLang(incident: Incident): 'en' | 'fr' {
  return incident.organization.country === 'FR' ? 'fr' : 'en';
}

const draftCommand: CommandSpec<{ id: string; obligation: string; lang?: 'en' | 'fr' }> = {
  id: 'guidance.draft',
  permission: 'read',
  audit: 'read',
  name: 'draft',
  summary: 'Write the notice for one obligation, pre-filled from the facts, with a placeholder for each missing fact',
  usage: 'draft <id> <obligation> [--lang en|fr]',
  examples: ['draft BR-1 US-HIPAA-164.404-INDIVIDUALS', 'draft BR-2 FR-CNIL-GDPR-33 --lang fr'],
  positionals: [{ name: 'id' }, { name: 'obligation' }],
  options: { lang: { type: 'string', description: 'en | fr (default: the organization\'s language)' } },
  args: z.object({
    id: IncidentIdArg,
    obligation: z.string({ error: 'Missing obligation (see `deadlines <id>`).' }).min(1),
    lang: z.enum(['en', 'fr'], { error: 'The language is en or fr.' }).optional(),
  }),
  async handler(args, ctx) {
    const incident = await requireIncident(ctx, args.id);
    const now = ctx.clock.now();
    // Named as for `done` and `deadlines --only` (id, prefix or plain words), refused in the reader's language.
    const readerLang = languageFor(incident.organization, ctx.language);
    const english = obligationsNow(incident, ctx.rules, now);
    const shown = readerLang === 'en' ? english : obligationsNow(incident, ctx.rules, now, readerLang);
    const named = resolveObligation(incident, shown, args.obligation, readerLang, english);
    const o = english.find((x) => x.obligation === named.obligation) ?? named;
    // Refused in the reader's language, the basis too (as `deadlines` writes it); the record keeps the English.
    if (o.status === 'not_applicable') throw refusal(readerLang, 'refusal.notApplicable', { obligation: o.obligation, id: incident.id, basis: o.basis }, { basis: named.basis });
    const lang = args.lang ?? incidentLang(incident);
    // The draft reads in its own language (recipient, basis); the refusals and the timeline entry stay as they were.
    const local = lang === 'en' ? o : obligationsNow(incident, ctx.rules, now, lang).find((x) => x.obligation === o.obligation) ?? o;
    const draft = draftNotice(incident, local, lang, now);
    if (!draft) throw refusal(readerLang, 'refusal.noDraft', { obligation: o.obligation, id: incident.id, recipient: o.recipient }, { recipient: named.recipient });
    await recordDraft(ctx, incident.id, o, draft.kind, lang);
    return ok(draft.text, { data: { incident: incident.id, obligation: o.obligation, kind: draft.kind, lang, missing: draft.missing, text: draft.text } });
  },
};

/** A refusal recorded in English and said in `lang`, with `local` values (recipient, basis) as `lang` writes them. */
function refusal(lang: Lang, key: string, values: Record<string, string>, local: Record<string, string>): CommandRefusedError {
  return new CommandRefusedError(t('en', key, values), lang === 'en' ? undefined : t(lang, key, { ...values, ...local }));
}

function recordDraft(ctx: CommandContext, id: string, o: Obligation, kind: string, lang: string) {
  return applyChange({ store: ctx.store, actor: ctx.actor, now: ctx.clock.now(), logger: ctx.logger }, id, (current) => ({
    next: current,
    events: [{ action: DRAFT_ACTION, text: `Draft prepared (${kind}, ${lang}) for ${o.obligation} → ${o.recipient}`, changes: [{ field: 'drafts', from: null, to: o.obligation }] }],
  }));
}

const nextCommand: CommandSpec<{ id: string; lang?: 'en' | 'fr' }> = {
  id: 'guidance.next',
  permission: 'read',
  audit: 'read',
  name: 'next',
  aliases: ['todo'],
  summary: 'What to do now: facts still needed, next deadlines, notices not yet drafted, open response-plan tasks',
  usage: 'next <id> [--lang en|fr]',
  examples: ['next BR-1'],
  positionals: [{ name: 'id' }],
  options: { lang: { type: 'string', description: 'en | fr (default: the organization\'s language)' } },
  args: z.object({ id: IncidentIdArg, lang: z.enum(['en', 'fr'], { error: 'The language is en or fr.' }).optional() }),
  async handler(args, ctx) {
    const incident = await requireIncident(ctx, args.id);
    const now = ctx.clock.now();
    // A to-do list is read by the asker: their `lang`, else the organization's (a draft stays in the recipients' language).
    const lang = args.lang ?? languageFor(incident.organization, ctx.language);
    const { sections, tasks } = nextSteps(incident, obligationsNow(incident, ctx.rules, now, lang), now, lang);
    const title = `${lang === 'fr' ? 'À faire' : 'Next steps'} · ${incident.id} · ${incident.title}`;
    const text = [title, ...sections.flatMap((s) => ['', labelled(lang, s.heading!), ...s.text!.split('\n').map((l) => `  ${l}`)])].join('\n');
    return ok(text, {
      lang,
      card: { title, sections },
      data: { incident: incident.id, tasks: tasks.map((t) => ({ id: t.id, title: t.title, phase: t.phase, done: t.doneAt !== null })) },
    });
  },
};

/** `draft`, `next`. */
export const guidanceCommands: CommandSpec[] = [draftCommand, nextCommand];
