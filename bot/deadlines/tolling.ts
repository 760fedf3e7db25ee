// Law-enforcement delays (45 CFR 164.412; FTC 16 CFR 318.4 has the same structure; state clauses) as tolling windows.
import type { Incident } from '../model/incident-schema.ts';
import type { RuleTolling } from './rule-schema.ts';
import { addDaysToDate, daysBetween, endOfLocalDay, localDate } from './time.ts';

/** A period during which notices are delayed. */
export interface DelayWindow {
  startMs: number;
  endMs: number;
  startDay: string;
  endDay: string;
  text: string;
}

/** What a delay does to one obligation at `now`. */
export type TollingEffect =
  | { state: 'none' }
  | { state: 'tolled'; untilMs: number | null; dueAt: number; dueDate: string; text: string }
  | { state: 'ended'; overdue: boolean; text: string };

const CITATION: Record<RuleTolling, string> = {
  hipaa_164_412: '45 CFR 164.412',
  ftc_318_4: '16 CFR 318.4 (same structure as 45 CFR 164.412)',
  state_law_enforcement: "the state's law-enforcement delay clause",
};

/** A user-facing caveat per tolling regime. */
export const TOLLING_CAVEAT: Record<RuleTolling, string> = {
  hipaa_164_412:
    'A law-enforcement statement (45 CFR 164.412) delays this notice: written, for the period stated; oral, at most 30 days unless a written statement follows. Whether unused days resume after the delay is unsettled: notify as soon as it ends.',
  ftc_318_4: 'A law-enforcement delay (16 CFR 318.4, same structure as HIPAA 164.412; unverified) can postpone this notice; notify as soon as it ends.',
  state_law_enforcement:
    "A recorded law-enforcement delay applies to this state clock on the state statute's own terms (usually: for as long as law enforcement says notice would impede the investigation); notify as soon as it ends.",
};

const ORAL_CAP_DAYS = 30;

/** The recorded statements as merged delay windows, earliest first (state clauses: no 30-day cap, open until an end is recorded). */
export function delayWindows(incident: Incident, regime: RuleTolling = 'hipaa_164_412'): DelayWindow[] {
  if (regime === 'state_law_enforcement') return stateWindows(incident);
  const zone = incident.organization.timezone;
  const delays = [...incident.lawEnforcementDelays].sort((a, b) => Date.parse(a.statedAt) - Date.parse(b.statedAt));
  const capEnd = (statedAt: string) => endOfLocalDay(addDaysToDate(localDate(Date.parse(statedAt), zone), ORAL_CAP_DAYS), zone);
  // A written statement without a period is treated like an oral one: the regulation only provides for a stated period.
  const writtenEnd = (d: (typeof delays)[number]) => (d.until ? Date.parse(d.until) : capEnd(d.statedAt));
  const raw = delays.map((d) => {
    const startMs = Date.parse(d.statedAt);
    const who = `${d.form} statement by ${d.official} (${d.agency}) on ${localDate(startMs, zone)}`;
    if (d.form === 'written') {
      return { startMs, endMs: writtenEnd(d), text: d.until ? `${who}, for the period it states` : `${who} with no period stated: treated like an oral one (at most ${ORAL_CAP_DAYS} days)` };
    }
    const cap = capEnd(d.statedAt);
    const followUp = delays.find((w) => w.form === 'written' && Date.parse(w.statedAt) >= startMs && Date.parse(w.statedAt) <= cap);
    if (followUp) return { startMs, endMs: writtenEnd(followUp), text: `${who}, then a written statement on ${localDate(Date.parse(followUp.statedAt), zone)}` };
    return { startMs, endMs: cap, text: `${who}: at most ${ORAL_CAP_DAYS} days` };
  });
  const merged: { startMs: number; endMs: number; texts: string[] }[] = [];
  for (const w of raw) {
    const last = merged.at(-1);
    if (last && w.startMs <= last.endMs) {
      last.endMs = Math.max(last.endMs, w.endMs);
      last.texts.push(w.text);
    } else merged.push({ startMs: w.startMs, endMs: w.endMs, texts: [w.text] });
  }
  return merged.map((w) => ({ ...w, startDay: localDate(w.startMs, zone), endDay: localDate(w.endMs, zone), text: w.texts.join('; ') }));
}

function stateWindows(incident: Incident): DelayWindow[] {
  const zone = incident.organization.timezone;
  const raw = [...incident.lawEnforcementDelays]
    .sort((a, b) => Date.parse(a.statedAt) - Date.parse(b.statedAt))
    .map((d) => {
      const startMs = Date.parse(d.statedAt);
      const endMs = d.until ? Date.parse(d.until) : Number.POSITIVE_INFINITY;
      const who = `${d.form} statement by ${d.official} (${d.agency}) on ${localDate(startMs, zone)}`;
      return { startMs, endMs, text: d.until ? `${who}, until ${localDate(endMs, zone)}` : `${who}, no end recorded` };
    });
  const merged: { startMs: number; endMs: number; texts: string[] }[] = [];
  for (const w of raw) {
    const last = merged.at(-1);
    if (last && w.startMs <= last.endMs) {
      last.endMs = Math.max(last.endMs, w.endMs);
      last.texts.push(w.text);
    } else merged.push({ startMs: w.startMs, endMs: w.endMs, texts: [w.text] });
  }
  const day = (ms: number) => (Number.isFinite(ms) ? localDate(ms, zone) : 'open');
  return merged.map((w) => ({ ...w, startDay: localDate(w.startMs, zone), endDay: day(w.endMs), text: w.texts.join('; ') }));
}

/** How the delay windows affect a deadline due at `dueAt` (epoch ms), seen at `now`. */
export function applyTolling(regime: RuleTolling, windows: readonly DelayWindow[], dueAt: number, now: number, zone: string, clause?: string): TollingEffect {
  // A statement made after the deadline passed cannot rescue a late notice; one recorded after `now` is not known yet.
  const relevant = windows.filter((w) => w.startMs <= dueAt && w.startMs <= now);
  if (relevant.length === 0) return { state: 'none' };
  const originalDay = localDate(dueAt, zone);
  const active = relevant.find((w) => now <= w.endMs);
  const cite = clause ?? CITATION[regime];
  if (active && !Number.isFinite(active.endMs)) {
    const text = `law-enforcement delay (${active.text}) under ${cite}: notice is delayed for as long as law enforcement says it would impede the investigation; the original deadline ${originalDay} is shown. Record the end of the delay (delay … --until), then notify without unreasonable delay`;
    return { state: 'tolled', untilMs: null, dueAt, dueDate: originalDay, text };
  }
  if (active) {
    const delayDays = relevant.reduce((sum, w) => sum + daysBetween(w.startDay, w.endDay), 0);
    const dueDate = addDaysToDate(originalDay, delayDays);
    const text =
      `law-enforcement delay (${active.text}) tolls this notice until ${active.endDay}; ${dueDate} is shown as an upper bound = original deadline ${originalDay} + ${delayDays} days of delay. ` +
      `This is an interpretation: ${cite} does not say whether the unused days resume after the delay`;
    return { state: 'tolled', untilMs: active.endMs, dueAt: endOfLocalDay(dueDate, zone), dueDate, text };
  }
  const last = relevant.at(-1)!;
  if (now > dueAt) {
    return { state: 'ended', overdue: true, text: `law-enforcement delay ended on ${last.endDay}: notify now (the original deadline ${originalDay} has passed)` };
  }
  return { state: 'ended', overdue: false, text: `a law-enforcement delay (${last.text}) ended on ${last.endDay}, before the original deadline, which stands` };
}
