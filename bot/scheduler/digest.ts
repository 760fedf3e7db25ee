// Daily digests: one per linked channel of each open incident, and one portfolio digest for the privacy office.
import type { ChannelLink, Incident } from '../model/incident-schema.ts';
import type { Reply } from '../reply.ts';
import { obligationLine } from '../views/summary-view.ts';
import { addDaysToDate, isoInZone, localDate } from '../deadlines/time.ts';
import type { Obligation } from '../deadlines/types.ts';
import { asObligation, type DeadlineIndex } from '../deadlines/deadline-index.ts';
import type { ChannelTarget } from '../ports.ts';
import { languageFor, translator, type Lang } from '../i18n/index.ts';
import { labelled } from '../i18n/format.ts';
import { channelLabel, deliveryKey, type PendingRecord } from './plan.ts';
import { atLocalTime } from './policy.ts';
import { REMINDED_STATUSES } from './steps.ts';

/** Digest settings: local time of day, and where the portfolio digest goes. */
export interface DigestConfig {
  /** HH:MM, read in each incident's own time zone. */
  localTime: string;
  /** The privacy office's channel; no portfolio digest without it. */
  portfolioChannel?: ChannelTarget;
}

/** Pseudo-obligation ids of digest records in an incident's delivery log. */
export const DAILY_DIGEST = 'digest';
/** The portfolio digest's record id. */
export const PORTFOLIO_DIGEST = 'portfolio';

/** One daily digest to post into one channel. */
export interface PlannedDigest {
  key: string;
  channel: ChannelLink;
  /** Local day (YYYY-MM-DD) it covers. */
  day: string;
  fireAt: number;
  record: PendingRecord;
}

/** Today's digest sends for an open incident (only today's: a missed yesterday is not worth sending), and the next digest time. */
export function planDailyDigest(incident: Incident, config: DigestConfig, now: Date, lateAfterMs = 15 * 60_000): { sends: PlannedDigest[]; nextAt: number | null } {
  if (incident.status === 'closed' || incident.channels.length === 0) return { sends: [], nextAt: null };
  const zone = incident.organization.timezone;
  const at = now.getTime();
  const day = localDate(at, zone);
  const fireAt = atLocalTime(day, config.localTime, zone);
  const tomorrow = atLocalTime(addDaysToDate(day, 1), config.localTime, zone);
  if (at < fireAt) return { sends: [], nextAt: fireAt };
  const step = `${DAILY_DIGEST}:${day}`;
  const sends = incident.channels.flatMap((channel): PlannedDigest[] => {
    const label = channelLabel(channel);
    // Matched by day and channel, not instant: changing the digest time must not send a second one that day.
    if (incident.deliveries.some((d) => d.obligation === DAILY_DIGEST && d.step === step && d.channel === label)) return [];
    const key = deliveryKey(incident.id, DAILY_DIGEST, step, fireAt, label);
    return [{ key, channel, day, fireAt, record: { key, obligation: DAILY_DIGEST, step, dueAt: isoInZone(fireAt, zone), channel: label, outcome: 'delivered', late: at - fireAt > lateAfterMs } }];
  });
  return { sends, nextAt: tomorrow };
}

/**
 * When today's portfolio digest is due: local time in the zone of the lowest-numbered open incident (UTC when none is
 * open); `lang` is that organization's language, the one the digest should be written in (pass it to portfolioReply).
 */
export function portfolioSlot(holder: Incident | undefined, config: DigestConfig, now: Date): { zone: string; day: string; fireAt: number; nextAt: number; holder: Incident | undefined; lang: Lang } {
  const zone = holder?.organization.timezone ?? 'UTC';
  const day = localDate(now.getTime(), zone);
  return { zone, day, fireAt: atLocalTime(day, config.localTime, zone), nextAt: atLocalTime(addDaysToDate(day, 1), config.localTime, zone), holder, lang: languageFor(holder?.organization) };
}

/** The portfolio digest's delivery record, kept in the holder incident's log so a restart does not repeat it. */
export function portfolioRecord(holder: Incident, target: ChannelTarget, day: string, fireAt: number, zone: string): PendingRecord {
  const label = channelLabel(target);
  const step = `${PORTFOLIO_DIGEST}:${day}`;
  return { key: deliveryKey(holder.id, PORTFOLIO_DIGEST, step, fireAt, label), obligation: PORTFOLIO_DIGEST, step, dueAt: isoInZone(fireAt, zone), channel: label, outcome: 'delivered', late: false };
}

/** True when this incident records that day's portfolio digest for this channel (the holder may have changed since). */
export function portfolioSentIn(incident: Incident, target: ChannelTarget, day: string): boolean {
  const label = channelLabel(target);
  return incident.deliveries.some((d) => d.obligation === PORTFOLIO_DIGEST && d.step === `${PORTFOLIO_DIGEST}:${day}` && d.channel === label);
}

/** "slack:C123" or "teams:<conversation id>" (BREACHDESK_DIGEST_CHANNEL) as a target; throws with a readable message. */
export function parseChannelTarget(text: string): ChannelTarget {
  // Teams conversation ids contain colons themselves (19:…@thread.tacv2): split at the first one only.
  const m = /^(slack|teams|terminal):(.+)$/.exec(text.trim());
  if (!m) throw new Error(`"${text}" is not a channel like slack:C0123456789 or teams:19:…@thread.tacv2`);
  return { platform: m[1] as ChannelTarget['platform'], id: m[2]! };
}

const WEEK_MS = 7 * 86_400_000;

/** One line of the portfolio digest. */
export interface PortfolioRow {
  due: number;
  overdue: boolean;
  /** The line in English (kept for callers that print rows themselves). */
  line: string;
  /** What the line says, to write it in the digest's language. */
  notice?: { incidentId: string; zone: string; obligation: Obligation };
  /** The incident's organization's language, when the row was made from the incident itself. */
  lang?: Lang;
}

/** An incident's lines for the portfolio digest: its notices overdue or due within 7 days (only lines are kept, so a
 * large store is summarized one incident at a time). */
export function portfolioRows(incident: Incident, obligations: readonly Obligation[], now: Date): PortfolioRow[] {
  const at = now.getTime();
  const zone = incident.organization.timezone;
  return obligations
    .filter((o) => REMINDED_STATUSES.has(o.status) && o.dueAt !== null && Date.parse(o.dueAt) <= at + WEEK_MS)
    .map((o) => ({
      due: Date.parse(o.dueAt!), overdue: Date.parse(o.dueAt!) < at, line: `${incident.id} · ${obligationLine(o, zone, now)}`,
      notice: { incidentId: incident.id, zone, obligation: o }, lang: languageFor(incident.organization),
    }));
}

/** The portfolio digest's lines and open-incident count from the deadline index (no engine run per incident). */
export async function indexedPortfolio(deadlines: DeadlineIndex, now: Date): Promise<{ rows: PortfolioRow[]; open: number }> {
  const at = now.getTime();
  const listing = await deadlines.dueBy({ now, horizon: at + WEEK_MS, accept: (item) => REMINDED_STATUSES.has(item.status) });
  const rows = listing.items.map((d): PortfolioRow => {
    const o = asObligation(d);
    return { due: d.item.dueMs, overdue: d.item.dueMs < at, line: `${d.entry.id} · ${obligationLine(o, d.entry.zone, now)}`, notice: { incidentId: d.entry.id, zone: d.entry.zone, obligation: o } };
  });
  return { rows, open: listing.open };
}

/**
 * The digest's language when the caller names none: French when every listed row comes from a French organization,
 * English otherwise (the privacy office of a mixed portfolio reads English; rows from the deadline index carry no
 * organization, so they read English unless the caller passes the office's language).
 */
export function portfolioLanguage(rows: readonly PortfolioRow[]): Lang {
  return rows.length > 0 && rows.every((r) => r.lang === 'fr') ? 'fr' : 'en';
}

/** "Due in the next 7 days, all incidents": overdue first, then by due instant, in `lang`. */
export function portfolioReply(rows: readonly PortfolioRow[], openCount: number, now: Date, zone: string, lang: Lang = portfolioLanguage(rows)): Reply {
  const tr = translator(lang);
  const at = now.getTime();
  const sorted = [...rows].sort((a, b) => a.due - b.due);
  const line = (r: PortfolioRow) => (r.notice ? `${r.notice.incidentId} · ${obligationLine(r.notice.obligation, r.notice.zone, now, lang)}` : r.line);
  const overdue = sorted.filter((r) => r.overdue).map(line);
  const soon = sorted.filter((r) => !r.overdue).map(line);
  const day = localDate(at, zone);
  const shownDay = lang === 'fr' ? day.split('-').reverse().join('/') : day;
  const title = tr('digest.title', { day: shownDay });
  const sections = [
    { heading: tr('digest.overdue', { count: overdue.length }), text: overdue.join('\n') || tr('common.none') },
    { heading: tr('digest.soon', { count: soon.length }), text: soon.join('\n') || tr('common.none') },
  ];
  const count = tr('due.across', { count: openCount });
  return {
    outcome: 'ok',
    visibility: 'channel',
    text: [title, count, ...sections.flatMap((s) => [labelled(lang, s.heading), ...s.text.split('\n').map((l) => `  ${l}`)])].join('\n'),
    card: { title, subtitle: count, sections, footer: tr('digest.footer', { zone }) },
    data: { kind: 'portfolio', day, overdue: overdue.length, dueSoon: soon.length },
  };
}
