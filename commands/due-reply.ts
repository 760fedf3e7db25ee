// `due`: the open notices of every readable open incident due by a horizon, from the deadline index (no engine run
// per incident; only `--json` recomputes the listed incidents, for each notice's full contract entry).
import { asObligation, createDeadlineIndex, type DeadlineIndex, type DueItem } from '../bot/deadlines/deadline-index.ts';
import { computeObligations, toContractJson } from '../bot/deadlines/engine.ts';
import type { Obligation } from '../bot/deadlines/types.ts';
import { incidentDateProblems } from '../bot/domain/dates.ts';
import { ok, type Reply } from '../bot/reply.ts';
import { translator, type Lang } from '../bot/i18n/index.ts';
import { dueLine, dueSection, type DueNotice } from '../bot/views/due-lines.ts';
import { askerLanguage } from './asker-language.ts';
import { readableByTeam } from './access-check.ts';
import type { CommandContext } from './context.ts';

// Slack allows 50 blocks per message; a section per obligation beyond this goes to the text only.
const MAX_SECTIONS = 20;
/** Lines the text answer lists; the rest are counted (a store with thousands overdue is read with --within or --json). */
export const MAX_DUE_LINES = 200;

/** The index the context offers, or one built for this answer alone (a store without a maintained index). */
async function indexFor(ctx: CommandContext): Promise<{ index: DeadlineIndex; done: () => void }> {
  if (ctx.deadlines) return { index: await ctx.deadlines(), done: () => undefined };
  const index = createDeadlineIndex({ store: ctx.store, rules: ctx.rules, clock: ctx.clock, logger: ctx.logger, dateProblems: incidentDateProblems });
  return { index, done: () => index.close() };
}

/** Incidents whose organizations decide the language when the asker chose none (at most this many are read). */
const LANGUAGE_READS = 20;

/** The answer's language: the asker's; without a choice, French when every incident listed is French (askerLanguage). */
async function dueLanguage(items: readonly DueItem[], ctx: CommandContext): Promise<Lang> {
  if (ctx.language || ctx.config.defaultOrganization) return askerLanguage(ctx);
  const ids = [...new Set(items.map((d) => d.entry.id))];
  if (ids.length === 0 || ids.length > LANGUAGE_READS) return askerLanguage(ctx);
  const incidents = await Promise.all(ids.map((id) => ctx.store.get(id).catch(() => undefined)));
  return askerLanguage(ctx, incidents.map((i) => i?.organization ?? { country: '' }));
}

/** A listed item as the notice the views show. */
const asNotice = (d: DueItem): DueNotice => ({ incidentId: d.entry.id, zone: d.entry.zone, obligation: asObligation(d) });

/** The `due` answer for notices due within `withinMs` of now (overdue included), in the asker's language. */
export async function dueReply(withinMs: number, json: boolean, ctx: CommandContext): Promise<Reply> {
  const now = ctx.clock.now();
  const { index, done } = await indexFor(ctx);
  let listing;
  try {
    const readable = readableByTeam(ctx);
    listing = await index.dueBy({ now, horizon: now.getTime() + withinMs, ...(readable ? { readable } : {}), ...(json ? {} : { limit: MAX_DUE_LINES }) });
  } finally {
    done();
  }
  const { items, total, open, problems } = listing;
  const lang = await dueLanguage(items, ctx);
  const tr = translator(lang);
  const daysNumber = Math.round((withinMs / 86_400_000) * 10) / 10;
  const days = lang === 'fr' ? String(daysNumber).replace('.', ',') : String(daysNumber);
  const period = { count: daysNumber, days, across: tr('due.across', { count: open }) };
  const more = total > items.length ? [tr('due.more', { left: total - items.length, total })] : [];
  // A record stored before dates were range-checked (year 9999) is reported, not allowed to break everyone's list.
  const text = [
    items.length ? [tr('due.heading', period), ...items.map((d) => dueLine(asNotice(d), now, lang)), ...more].join('\n') : tr('due.nothing', period),
    ...problems,
  ].join('\n');
  const sections = [...items.slice(0, MAX_SECTIONS).map((d) => dueSection(asNotice(d), now, lang)), ...problems.map((text) => ({ text }))];
  return ok(text, { lang, card: { title: tr('due.title', period), sections }, ...(json ? { data: await contractEntries(items, ctx) } : {}) });
}

/** Each listed notice's full `deadlines --json` entry, computed afresh for the incidents listed (one engine run each). */
async function contractEntries(items: readonly DueItem[], ctx: CommandContext): Promise<unknown[]> {
  const now = ctx.clock.now();
  const byIncident = new Map<string, Map<string, Obligation>>();
  const out: unknown[] = [];
  for (const d of items) {
    let obligations = byIncident.get(d.entry.id);
    if (!obligations) {
      const incident = await ctx.store.get(d.entry.id);
      obligations = new Map(incident ? computeObligations(incident, ctx.rules, now).map((o) => [o.obligation, o] as const) : []);
      byIncident.set(d.entry.id, obligations);
    }
    const o = obligations.get(d.item.obligation) ?? asObligation(d);
    out.push({ incident: d.entry.id, ...toContractJson(o) });
  }
  return out;
}
