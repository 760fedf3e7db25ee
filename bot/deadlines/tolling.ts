// Law-enforcement delays (45 CFR 164.412; FTC 16 CFR 318.4 has the same structure; state clauses) as tolling windows.
import type { Incident } from '../model/incident-schema.ts';
import type { RuleTolling } from './rule-schema.ts';
import { t } from '../i18n/index.ts';
import { addDaysToDate, daysBetween, endOfLocalDay, localDate } from './time.ts';
import { wordsFor, type Words } from './words.ts';

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

/** A user-facing caveat per tolling regime, in English (the engine states it in the answer's language, by id). */
export const TOLLING_CAVEAT: Record<RuleTolling, string> = {
  hipaa_164_412: t('en', 'engine.caveat.hipaa_164_412'),
  ftc_318_4: t('en', 'engine.caveat.ftc_318_4'),
  state_law_enforcement: t('en', 'engine.caveat.state_law_enforcement'),
};

const ORAL_CAP_DAYS = 30;

/** The recorded statements as merged delay windows, earliest first (state clauses: no 30-day cap, open until an end is recorded). */
export function delayWindows(incident: Incident, regime: RuleTolling = 'hipaa_164_412', w: Words = wordsFor('en', incident.organization.timezone)): DelayWindow[] {
  if (regime === 'state_law_enforcement') return stateWindows(incident, w);
  const zone = incident.organization.timezone;
  const delays = lawEnforcementStatements(incident).sort((a, b) => Date.parse(a.statedAt) - Date.parse(b.statedAt));
  const capEnd = (statedAt: string) => endOfLocalDay(addDaysToDate(localDate(Date.parse(statedAt), zone), ORAL_CAP_DAYS), zone);
  // A written statement without a period is treated like an oral one: the regulation only provides for a stated period.
  const writtenEnd = (d: (typeof delays)[number]) => (d.until ? Date.parse(d.until) : capEnd(d.statedAt));
  const raw = delays.map((d) => {
    const startMs = Date.parse(d.statedAt);
    const who = statement(d, startMs, w);
    if (d.form === 'written') {
      return { startMs, endMs: writtenEnd(d), text: d.until ? w.say('delay.forPeriod', { who }) : w.say('delay.noPeriod', { who, days: ORAL_CAP_DAYS }) };
    }
    const cap = capEnd(d.statedAt);
    const followUp = delays.find((x) => x.form === 'written' && Date.parse(x.statedAt) >= startMs && Date.parse(x.statedAt) <= cap);
    if (followUp) return { startMs, endMs: writtenEnd(followUp), text: w.say('delay.thenWritten', { who, day: w.dayOf(Date.parse(followUp.statedAt)) }) };
    return { startMs, endMs: cap, text: w.say('delay.oralCap', { who, days: ORAL_CAP_DAYS }) };
  });
  return merge(raw, w).map((x) => ({ ...x, startDay: localDate(x.startMs, zone), endDay: localDate(x.endMs, zone) }));
}

function statement(d: Incident['lawEnforcementDelays'][number], startMs: number, w: Words): string {
  return w.say('delay.who', { form: w.say(`delay.form.${d.form}`), official: d.official, agency: d.agency, day: w.dayOf(startMs) });
}

/** Overlapping windows as one, their texts joined. */
function merge(raw: readonly { startMs: number; endMs: number; text: string }[], w: Words): { startMs: number; endMs: number; text: string }[] {
  const merged: { startMs: number; endMs: number; texts: string[] }[] = [];
  for (const x of raw) {
    const last = merged.at(-1);
    if (last && x.startMs <= last.endMs) {
      last.endMs = Math.max(last.endMs, x.endMs);
      last.texts.push(x.text);
    } else merged.push({ startMs: x.startMs, endMs: x.endMs, texts: [x.text] });
  }
  return merged.map(({ texts, ...x }) => ({ ...x, text: texts.join(w.say('join')) }));
}

/** The recorded statements that are law-enforcement delays: an Item 1.05(c) determination or SEC order delays the 8-K only (sec-delay.ts). */
function lawEnforcementStatements(incident: Incident): Incident['lawEnforcementDelays'] {
  return incident.lawEnforcementDelays.filter((d) => d.secItem105c === undefined);
}

function stateWindows(incident: Incident, w: Words): DelayWindow[] {
  const zone = incident.organization.timezone;
  const raw = lawEnforcementStatements(incident)
    .sort((a, b) => Date.parse(a.statedAt) - Date.parse(b.statedAt))
    .map((d) => {
      const startMs = Date.parse(d.statedAt);
      const endMs = d.until ? Date.parse(d.until) : Number.POSITIVE_INFINITY;
      const who = statement(d, startMs, w);
      return { startMs, endMs, text: d.until ? w.say('delay.until', { who, day: w.dayOf(endMs) }) : w.say('delay.noEnd', { who }) };
    });
  // Days stay YYYY-MM-DD here (the arithmetic reads them); texts write them for the language.
  const day = (ms: number) => (Number.isFinite(ms) ? localDate(ms, zone) : 'open');
  return merge(raw, w).map((x) => ({ ...x, startDay: localDate(x.startMs, zone), endDay: day(x.endMs) }));
}

/** How the delay windows affect a deadline due at `dueAt` (epoch ms), seen at `now`; `clause` names a state's own clause. */
export function applyTolling(
  regime: RuleTolling, windows: readonly DelayWindow[], dueAt: number, now: number, zone: string, clause?: string, w: Words = wordsFor('en', zone),
): TollingEffect {
  // A statement made after the deadline passed cannot rescue a late notice; one recorded after `now` is not known yet.
  const relevant = windows.filter((x) => x.startMs <= dueAt && x.startMs <= now);
  if (relevant.length === 0) return { state: 'none' };
  const originalDay = localDate(dueAt, zone);
  const original = w.day(originalDay);
  const active = relevant.find((x) => now <= x.endMs);
  const cite = clause ?? w.say(`delay.citation.${regime}`);
  if (active && !Number.isFinite(active.endMs)) {
    return { state: 'tolled', untilMs: null, dueAt, dueDate: originalDay, text: w.say('delay.openEnded', { windows: active.text, cite, original }) };
  }
  if (active) {
    const delayDays = relevant.reduce((sum, x) => sum + daysBetween(x.startDay, x.endDay), 0);
    const dueDate = addDaysToDate(originalDay, delayDays);
    const text = w.say('delay.tolls', { windows: active.text, end: w.day(active.endDay), due: w.day(dueDate), original, days: delayDays, cite });
    return { state: 'tolled', untilMs: active.endMs, dueAt: endOfLocalDay(dueDate, zone), dueDate, text };
  }
  const last = relevant.at(-1)!;
  if (now > dueAt) return { state: 'ended', overdue: true, text: w.say('delay.endedLate', { end: w.day(last.endDay), original }) };
  return { state: 'ended', overdue: false, text: w.say('delay.endedBefore', { windows: last.text, end: w.day(last.endDay) }) };
}
