// `deadlines`, `due`, `done`, `delay`, `assess`: every notice clock of an incident, and the facts that move them.
import { z } from 'zod';
import { toContractJson } from '../bot/deadlines/engine.ts';
import { isOpen } from '../bot/deadlines/present.ts';
import type { Obligation } from '../bot/deadlines/types.ts';
import { applyChange } from '../bot/domain/change.ts';
import { recordAssessment, recordDelay, recordNotice } from '../bot/domain/notices.ts';
import { obligationsNow } from '../bot/domain/obligations.ts';
import { FIELD_LIMITS, type Incident } from '../bot/model/incident-schema.ts';
import type { CommandContext } from './context.ts';
import { InvalidArgumentsError } from '../bot/errors.ts';
import { nowInZone, parseInstant } from './instants.ts';
import type { CommandSpec } from './registry.ts';
import { ok } from '../bot/reply.ts';
import { buildDeadlinesView } from '../bot/views/deadlines-view.ts';
import { deadlinesReply, obligationDetailsReply } from '../bot/views/deadlines-reply.ts';
import { languageFor, translator, type Lang } from '../bot/i18n/index.ts';
import { formatCountdown, formatInstant } from '../bot/i18n/format.ts';
import { dueWords as viewDueWords } from '../bot/views/deadlines-view.ts';
import { findObligationEither } from './obligation-names.ts';
import { changeContext, IncidentIdArg, requireIncident } from './shared.ts';
import { dueReply } from './due-reply.ts';
import { askerLanguage } from './asker-language.ts';

const obligationsOf = (incident: Incident, ctx: CommandContext, lang: Lang = 'en'): Obligation[] => obligationsNow(incident, ctx.rules, ctx.clock.now(), lang);

/** A page start: a whole number of notices to skip. */
const PageStart = z.string().regex(/^\d+$/, 'expected a whole number').transform(Number);

/** An instant option (ISO, or local time in the incident's zone); defaults to now. The domain checks it has happened. */
function typedInstant(raw: string | undefined, incident: Incident, ctx: CommandContext): string {
  const now = ctx.clock.now();
  return raw ? parseInstant(raw, incident.organization.timezone, now, languageFor(incident.organization)) : nowInZone(now, incident.organization.timezone);
}

const deadlinesCommand: CommandSpec<{ id: string; only?: string; from?: number; words?: string }> = {
  id: 'deadlines.list',
  permission: 'read',
  audit: 'read',
  name: 'deadlines',
  aliases: ['clocks', 'obligations'],
  summary: 'Every notice owed for an incident, grouped by due day, with countdown and verification; details per notice',
  usage: 'deadlines <id> [--only <obligation or words>] [--json]',
  examples: ['deadlines BR-1', 'deadlines BR-1 --only "texas attorney"', 'deadlines BR-1 --json'],
  positionals: [{ name: 'id' }, { name: 'words', rest: true }],
  options: {
    only: { type: 'string', description: 'show one notice in full (its id, a prefix, or words like "hipaa individuals")' },
    from: { type: 'string', description: 'start the list at this notice (the "Show more" page)' },
  },
  args: z.object({ id: IncidentIdArg, only: z.string().min(1).optional(), words: z.string().optional(), from: PageStart.optional() }),
  async handler(args, ctx) {
    const incident = await requireIncident(ctx, args.id);
    const now = ctx.clock.now();
    const lang = languageFor(incident.organization, ctx.language);
    // English for the `--json` contract and for finding a notice by the words typed; the reader's language for the view.
    const all = obligationsOf(incident, ctx);
    const shown = lang === 'en' ? all : obligationsNow(incident, ctx.rules, now, lang);
    const view = buildDeadlinesView(incident, shown, now, lang);
    // `--only texas attorney` unquoted: the words after the option's value belong to it, never silently dropped.
    const only = [args.only, args.words].filter(Boolean).join(' ') || undefined;
    if (only) {
      const named = findObligationEither(shown, all, only, incident.id, view.lang);
      const o = all.find((x) => x.obligation === named.obligation) ?? named;
      const line = view.groups.flatMap((g) => g.lines).find((l) => l.obligation === o.obligation)!;
      return obligationDetailsReply(view, line, [toContractJson(o)]);
    }
    return deadlinesReply(view, all.map(toContractJson), Math.min(args.from ?? 0, all.length));
  },
};

/** "7d", "48h", "2w" or a bare number of days, as milliseconds. */
const WithinArg = z
  .string()
  .trim()
  .regex(/^\d+\s*[dhw]?$/i, 'expected a period like 7d, 48h or 2w')
  .transform((s) => {
    const n = Number.parseInt(s, 10);
    const unit = s.slice(-1).toLowerCase();
    return n * (unit === 'h' ? 3_600_000 : unit === 'w' ? 7 * 86_400_000 : 86_400_000);
  });

const dueCommand: CommandSpec<{ within: number }> = {
  id: 'deadlines.due',
  permission: 'public',
  name: 'due',
  aliases: ['upcoming'],
  summary: 'Notices due soon (or overdue) across all open incidents',
  usage: 'due [--within <7d|48h|2w>] [--json]',
  examples: ['due', 'due --within 14d'],
  options: { within: { type: 'string', description: 'how far ahead to look (default 7d)' } },
  args: z.object({ within: WithinArg.default(7 * 86_400_000) }),
  handler: (args, ctx) => dueReply(args.within, ctx.json === true, ctx),
};

const doneCommand: CommandSpec<{ id: string; obligation: string; at?: string; note?: string }> = {
  id: 'deadlines.done',
  permission: 'change',
  freeText: ['note'],
  name: 'done',
  aliases: ['sent'],
  summary: 'Record that a notice was sent (by default now); it goes on the timeline',
  usage: 'done <id> <obligation> [--at <when>] [--note <text>]',
  examples: ['done BR-1 US-HIPAA-164.404-INDIVIDUALS', 'done BR-1 hipaa individuals', 'done BR-1 texas attorney --at "2025-03-10 14:00" --note "AG portal ref 123"'],
  // The obligation may be typed as plain words: every remaining word names it.
  positionals: [{ name: 'id' }, { name: 'obligation', rest: true }],
  options: {
    at: { type: 'string', description: 'when it was sent (ISO, or local time in the incident zone; default now)' },
    note: { type: 'string', description: 'reference, channel used, who sent it' },
  },
  args: z.object({
    id: IncidentIdArg,
    obligation: z.string({ error: 'Missing obligation id (see `deadlines <id>`).' }).min(1),
    at: z.string().optional(),
    note: z.string().trim().min(1).max(2000).optional(),
  }),
  async handler(args, ctx) {
    const incident = await requireIncident(ctx, args.id);
    const lang = languageFor(incident.organization, ctx.language);
    // Named and confirmed in the reader's language (French words find a French organization's notices).
    const o = findObligationEither(obligationsOf(incident, ctx, lang), obligationsOf(incident, ctx), args.obligation, incident.id, lang);
    const sentAt = typedInstant(args.at, incident, ctx);
    const intent = { obligation: o.obligation, sentAt, ...(args.note ? { note: args.note } : {}) };
    const { incident: updated, events } = await applyChange(changeContext(ctx), incident.id, recordNotice(intent, { rules: ctx.rules, now: ctx.clock.now() }));
    // The notice as recorded (the event's own value), not the one this command asked for.
    const notice = events[0]!.changes![0]!.to as Incident['notices'][number];
    const tr = translator(lang);
    const at = (iso: string) => formatInstant(iso, incident.organization.timezone, lang);
    const late = o.dueAt !== null && Date.parse(notice.sentAt) > Date.parse(o.dueAt) ? tr('confirm.doneLate', { at: at(o.dueAt) }) : '';
    const next = obligationsOf(updated, ctx, lang).find((x) => isOpen(x) && x.dueAt !== null);
    const nextDue = (x: Obligation) => `${viewDueWords(x, lang, at)} · ${formatCountdown(Date.parse(x.dueAt!), ctx.clock.now().getTime(), lang)}`;
    const nextLine = next ? tr('confirm.doneNext', { obligation: next.obligation, recipient: next.recipient, due: nextDue(next) }) : tr('confirm.doneNoNext');
    const recorded = tr('confirm.done', { id: incident.id, obligation: notice.obligation, recipient: o.recipient, at: at(notice.sentAt), late });
    return ok(`${recorded}\n${nextLine}`, { data: { incident: incident.id, notice } });
  },
};

/** `--sec` words → the Item 1.05(c) step recorded on the statement. */
const SEC_STEPS: Readonly<Record<string, NonNullable<Incident['lawEnforcementDelays'][number]['secItem105c']>>> = {
  initial: 'initial', extension: 'extension', final: 'final', 'exemptive-order': 'exemptive_order', exemptive_order: 'exemptive_order',
};

const delayCommand: CommandSpec<{ id: string; oral?: boolean; written?: boolean; agency: string; official: string; at?: string; until?: string; sec?: string }> = {
  id: 'deadlines.delay',
  permission: 'change',
  freeText: ['agency', 'official'],
  name: 'delay',
  summary: 'Record a law-enforcement delay statement: HIPAA clocks per 45 CFR 164.412 (oral: at most 30 days; written: its period), state clocks per their own clause; with --sec, a US Attorney General determination that delays the Form 8-K only (Item 1.05(c))',
  usage: 'delay <id> --oral|--written --agency <agency> --official <name> [--at <when>] [--until <when>] [--sec initial|extension|final|exemptive-order]',
  examples: [
    'delay BR-1 --oral --agency FBI --official "SA Jane Doe"',
    'delay BR-1 --written --agency FBI --official "SAC Roe" --until 2025-06-30',
    'delay BR-1 --written --agency "US Department of Justice" --official "Attorney General" --sec initial --until 2025-04-06',
  ],
  positionals: [{ name: 'id' }],
  options: {
    oral: { type: 'boolean', description: 'an oral statement: document it; delays at most 30 days unless a written one follows' },
    written: { type: 'boolean', description: 'a written statement' },
    agency: { type: 'string', description: 'law-enforcement agency, e.g. FBI' },
    official: { type: 'string', description: 'name of the official who made the statement' },
    at: { type: 'string', description: 'when the statement was made (default now)' },
    until: { type: 'string', description: 'end of the period a written statement specifies' },
    sec: { type: 'string', description: 'Form 8-K Item 1.05(c) step: the Attorney General\'s initial delay, extension, final delay, or the SEC exemptive order beyond (delays the 8-K only)' },
  },
  args: z.object({
    id: IncidentIdArg,
    oral: z.boolean().optional(),
    written: z.boolean().optional(),
    agency: z.string({ error: 'Missing --agency.' }).trim().min(1).max(FIELD_LIMITS.name, `agency is at most ${FIELD_LIMITS.name} characters`),
    official: z.string({ error: 'Missing --official (164.412(b) requires the official’s identity).' }).trim().min(1).max(FIELD_LIMITS.name, `official is at most ${FIELD_LIMITS.name} characters`),
    at: z.string().optional(),
    until: z.string().optional(),
    sec: z.string().optional(),
  }),
  async handler(args, ctx) {
    const asked = translator(askerLanguage(ctx));
    if (Boolean(args.oral) === Boolean(args.written)) throw new InvalidArgumentsError(asked('confirm.oralOrWritten'));
    const secWord = args.sec?.trim().toLowerCase();
    // Own keys only: `--sec constructor` must be refused in words, not found as Object's member and failed deeper.
    const secStep = secWord !== undefined && Object.hasOwn(SEC_STEPS, secWord) ? SEC_STEPS[secWord] : undefined;
    if (args.sec !== undefined && !secStep) throw new InvalidArgumentsError(asked('confirm.secStep'));
    if (secStep && args.oral) throw new InvalidArgumentsError(asked('confirm.secWritten'));
    if (args.oral && args.until) throw new InvalidArgumentsError(asked('confirm.oralUntil'));
    const incident = await requireIncident(ctx, args.id);
    const statedAt = typedInstant(args.at, incident, ctx);
    const until = args.until ? parseInstant(args.until, incident.organization.timezone, ctx.clock.now(), languageFor(incident.organization)) : null;
    const intent = { form: args.oral ? ('oral' as const) : ('written' as const), agency: args.agency, official: args.official, statedAt, until, ...(secStep ? { secItem105c: secStep } : {}) };
    const { incident: updated, events } = await applyChange(changeContext(ctx), incident.id, recordDelay(intent, { rules: ctx.rules, now: ctx.clock.now() }));
    const lang = languageFor(incident.organization, ctx.language);
    const tr = translator(lang);
    const fmt = (iso: string) => formatInstant(iso, incident.organization.timezone, lang);
    // The statement as recorded (the event's own value).
    const delay = events[0]!.changes![0]!.to as Incident['lawEnforcementDelays'][number];
    const period = delay.until ? tr('confirm.delayUntil', { at: fmt(delay.until) }) : delay.secItem105c ? '' : tr(delay.form === 'oral' ? 'confirm.delayOral' : 'confirm.delayNoPeriod');
    const said = tr('confirm.delayed', { id: incident.id, form: tr(`confirm.statementForm.${delay.form}`), official: delay.official, agency: delay.agency, period });
    if (delay.secItem105c) {
      const line = secDelayLine(obligationsOf(incident, ctx, lang), obligationsOf(updated, ctx, lang), tr, fmt);
      return ok([said, line, tr('confirm.secOnly')].join('\n'), { data: { incident: incident.id, delay, tolled: [] } });
    }
    const tolled = obligationsOf(updated, ctx).filter((o) => o.status === 'tolled');
    // HIPAA 164.412 delays have an end; a state clause lasts while law enforcement says notice would impede (no end yet).
    const ended = tolled.filter((o) => o.tolledUntil !== null);
    const open = tolled.filter((o) => o.tolledUntil === null);
    const effect = [
      ...(ended.length ? [tr('confirm.tolledUntil', { at: fmt(ended[0]!.tolledUntil!), list: ended.map((o) => o.obligation).join(', ') })] : []),
      ...(open.length ? [tr('confirm.delayedOpen', { list: open.map((o) => o.obligation).join(', ') })] : []),
    ];
    if (effect.length === 0) effect.push(tr('confirm.noneTolled'));
    const text = [said, ...effect, tr('confirm.keepRunning')].join('\n');
    return ok(text, { data: { incident: incident.id, delay, tolled: tolled.map((o) => o.obligation) } });
  },
};

/** What an Item 1.05(c) statement did to the 8-K, from its obligation before and after: moved it, left it needing its end, or nothing. */
function secDelayLine(before: readonly Obligation[], after: readonly Obligation[], tr: ReturnType<typeof translator>, fmt: (iso: string) => string): string {
  const was = before.find((o) => o.rule === 'US-SEC-8K-1.05');
  const sec = after.find((o) => o.rule === 'US-SEC-8K-1.05');
  if (!sec || !was || sec.dueAt === null) return tr('confirm.secNotMoved');
  if (sec.status === 'needs_facts' && was.status !== 'needs_facts') return tr('confirm.secNeedsEnd', { obligation: sec.obligation, due: fmt(sec.dueAt) });
  return sec.dueAt !== was.dueAt ? tr('confirm.secMoved', { obligation: sec.obligation, due: fmt(sec.dueAt) }) : tr('confirm.secNotMoved');
}

const Conclusion = z.enum(['low', 'breach'], { error: 'conclusion must be low or breach' });

/** Each four-factor answer: a paragraph, not a document (the record stays bounded whatever is typed). */
const ASSESSMENT_FIELD_MAX = 2000;

const assessCommand: CommandSpec<{ id: string; nature: string; person: string; acquired: string; mitigation: string; conclusion: z.infer<typeof Conclusion> }> = {
  id: 'deadlines.assess',
  permission: 'change',
  freeText: ['nature', 'person', 'acquired', 'mitigation'],
  name: 'assess',
  summary: 'Record the HIPAA four-factor risk assessment (45 CFR 164.402) and its conclusion',
  usage: 'assess <id> --nature <text> --person <text> --acquired <text> --mitigation <text> --conclusion low|breach',
  examples: ['assess BR-1 --nature "names, MRNs" --person "another covered entity" --acquired "not opened" --mitigation "deletion attested" --conclusion low'],
  positionals: [{ name: 'id' }],
  options: {
    nature: { type: 'string', description: 'nature and extent of the PHI (identifiers, re-identification risk)' },
    person: { type: 'string', description: 'the unauthorized person who used or received it' },
    acquired: { type: 'string', description: 'whether the PHI was actually acquired or viewed' },
    mitigation: { type: 'string', description: 'the extent to which the risk has been mitigated' },
    conclusion: { type: 'string', description: 'low (low probability of compromise) or breach (presumed breach)' },
  },
  args: z.object({
    id: IncidentIdArg,
    nature: z.string({ error: 'Missing --nature.' }).trim().min(1).max(ASSESSMENT_FIELD_MAX),
    person: z.string({ error: 'Missing --person.' }).trim().min(1).max(ASSESSMENT_FIELD_MAX),
    acquired: z.string({ error: 'Missing --acquired.' }).trim().min(1).max(ASSESSMENT_FIELD_MAX),
    mitigation: z.string({ error: 'Missing --mitigation.' }).trim().min(1).max(ASSESSMENT_FIELD_MAX),
    conclusion: Conclusion,
  }),
  async handler(args, ctx) {
    const decision = recordAssessment({
      factors: { natureAndExtent: args.nature, unauthorizedPerson: args.person, acquiredOrViewed: args.acquired, mitigation: args.mitigation },
      conclusion: args.conclusion === 'low' ? 'low_probability' : 'presumed_breach',
      decidedBy: ctx.actor.name,
    }, { rules: ctx.rules, now: ctx.clock.now() });
    const { incident } = await applyChange(changeContext(ctx), args.id, decision);
    const assessment = incident.riskAssessments.at(-1)!;
    const tr = translator(languageFor(incident.organization, ctx.language));
    const low = args.conclusion === 'low';
    const text = [tr('confirm.assessed', { id: incident.id, words: tr(low ? 'confirm.assessLow' : 'confirm.assessBreach') }), tr(low ? 'confirm.assessLowEffect' : 'confirm.assessBreachEffect'), tr('confirm.assessSee', { id: incident.id })];
    return ok(text.join('\n'), { data: { incident: incident.id, assessment } });
  },
};

/** Deadline commands: `deadlines`, `due`, `done`, `delay`, `assess` (register in commands/index.ts). */
export const deadlineCommands: CommandSpec[] = [deadlinesCommand, dueCommand, doneCommand, delayCommand, assessCommand];
