// `due`: the open notices of every readable open incident due by a horizon, from the deadline index (no engine run
// per incident; only `--json` recomputes the listed incidents, for each notice's full contract entry).
import { asObligation, createDeadlineIndex, type DeadlineIndex, type DueItem } from '../bot/deadlines/deadline-index.ts';
import { computeObligations, toContractJson } from '../bot/deadlines/engine.ts';
import { countdown, obligationSection, STATUS_LABEL } from '../bot/deadlines/present.ts';
import { isoInZone } from '../bot/deadlines/time.ts';
import type { Obligation } from '../bot/deadlines/types.ts';
import { incidentDateProblems } from '../bot/domain/dates.ts';
import { ok, type Reply } from '../bot/reply.ts';
import { formatInZone } from '../bot/views/format-in-zone.ts';
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

/** The `due` answer for notices due within `withinMs` of now (overdue included). */
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
  const days = Math.round((withinMs / 86_400_000) * 10) / 10;
  const line = (d: DueItem) =>
    `${d.entry.id} [${STATUS_LABEL[d.item.status]}] ${d.item.obligation} → ${d.item.recipient}: ${formatInZone(isoInZone(d.item.dueMs, d.entry.zone), d.entry.zone)} · ${countdown(d.item.dueMs, now.getTime())} · ${d.item.citation}`;
  const across = `${open} open incident${open === 1 ? '' : 's'}`;
  const more = total > items.length ? [`… and ${total - items.length} more (${total} in all): narrow it with --within, or see every one with --json.`] : [];
  // A record stored before dates were range-checked (year 9999) is reported, not allowed to break everyone's list.
  const text = [
    items.length ? [`Due within ${days} days across ${across} (overdue included):`, ...items.map(line), ...more].join('\n') : `Nothing due within ${days} days across ${across}.`,
    ...problems,
  ].join('\n');
  const sections = [
    ...items.slice(0, MAX_SECTIONS).map((d) => obligationSection(d.entry.id, asObligation(d), now.getTime(), (iso) => formatInZone(iso, d.entry.zone), false)),
    ...problems.map((text) => ({ text })),
  ];
  return ok(text, { card: { title: `Due within ${days} days`, sections }, ...(json ? { data: await contractEntries(items, ctx) } : {}) });
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
