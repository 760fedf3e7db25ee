// SEC Form 8-K Item 1.05(c): only a US Attorney General determination (national security or public safety, notified
// to the SEC in writing) delays the 4-business-day filing; an FBI or other law-enforcement request does not.
import type { Incident } from '../model/incident-schema.ts';
import { addDaysToDate, daysBetween, endOfLocalDay, localDate } from './time.ts';
import type { Words } from './words.ts';

/** The Item 1.05(c) step a recorded statement is: the AG's initial delay, its extension, the final one, or the SEC's exemptive order beyond. */
export type SecDelayStep = 'initial' | 'extension' | 'final' | 'exemptive_order';

/**
 * The latest day each step can reach, in days after the date the 8-K was otherwise due (regulations.md §2.3: up to 30
 * days, then up to 30 more, then in extraordinary national-security cases up to 60 more; beyond, only by SEC exemptive
 * order, whose period is the order's own): the outer limits, reached only when every earlier step used its whole period.
 */
const CAP_DAYS: Record<Exclude<SecDelayStep, 'exemptive_order'>, number> = { initial: 30, extension: 60, final: 120 };

/**
 * What each step adds to the delay granted before it (the undelayed date for the initial one): Item 1.05(c) grants "an
 * additional period of up to 30 days", then "a final additional period of up to 60 days", so a 10-day initial delay
 * and its extension reach 40 days, not 60.
 */
const STEP_DAYS: Record<Exclude<SecDelayStep, 'exemptive_order'>, number> = { initial: 30, extension: 30, final: 60 };

/** What the recorded Item 1.05(c) statements do to the 8-K due on `dueDate` (end of that day: `dueAt`), seen at `now`. */
export type SecDelayEffect =
  | { state: 'none'; notes: string[] }
  /** A last step without its end: the date shown is the end known so far (the undelayed date when no earlier step moved it). */
  | { state: 'needs_facts'; reason: string; dueDate: string; dueAt: number; notes: string[] }
  | { state: 'delayed'; dueDate: string; dueAt: number; notes: string[] };

/** The statements recorded as Item 1.05(c) steps. */
export function isSecDelay(d: Incident['lawEnforcementDelays'][number]): boolean {
  return d.secItem105c !== undefined;
}

/** Apply the Attorney General's Item 1.05(c) delays to the 8-K; ordinary law-enforcement statements are named as not delaying it. */
export function secDelayEffect(incident: Incident, dueDate: string, now: number, w: Words): SecDelayEffect {
  const zone = incident.organization.timezone;
  const known = incident.lawEnforcementDelays.filter((d) => Date.parse(d.statedAt) <= now);
  const who = (d: (typeof known)[number]) =>
    w.say('delay.who', { form: w.say(`delay.form.${d.form}`), official: d.official, agency: d.agency, day: w.dayOf(Date.parse(d.statedAt)) });
  const notes = known.filter((d) => !isSecDelay(d)).map((d) => w.say('secDelay.ordinary', { who: who(d) }));
  // Item 1.05(c): the Attorney General "notifies the Commission of such determination in writing"; an oral one (only an
  // imported record can carry it: the delay command refuses --oral with --sec) delays nothing.
  for (const d of known) if (isSecDelay(d) && d.form !== 'written') notes.push(w.say('secDelay.oral', { who: who(d), step: w.say(`secDelay.step.${d.secItem105c!}`) }));
  const steps = known.filter((d) => isSecDelay(d) && d.form === 'written').sort((a, b) => Date.parse(a.statedAt) - Date.parse(b.statedAt));
  if (steps.length === 0) return { state: 'none', notes };
  const original = w.day(dueDate);
  let endDay = dueDate;
  // The end in force was taken from the next step's date (no end recorded): the true end may be later.
  let endAssumed = false;
  let used = false;
  for (const [i, d] of steps.entries()) {
    const step = d.secItem105c!;
    const stepWords = w.say(`secDelay.step.${step}`);
    // A determination that comes after the deadline then in force cannot reopen it.
    if (Date.parse(d.statedAt) > endOfLocalDay(endDay, zone)) {
      notes.push(w.say('secDelay.tooLate', { who: who(d), step: stepWords, end: w.day(endDay) }));
      continue;
    }
    const next = steps[i + 1];
    if (!d.until && !next) {
      const known = w.day(endDay);
      const reason = w.say(endDay === dueDate ? 'secDelay.noEnd' : 'secDelay.noEndAfter', { who: who(d), step: stepWords, original, known, id: incident.id });
      return { state: 'needs_facts', reason, dueDate: endDay, dueAt: endOfLocalDay(endDay, zone), notes };
    }
    // No end recorded, but a later step followed: this one ran at least until that step was made.
    const end = d.until ?? next!.statedAt;
    if (!d.until) notes.push(w.say('secDelay.endByNext', { who: who(d), step: stepWords, day: w.dayOf(Date.parse(end)) }));
    let untilDay = localDate(Date.parse(end), zone);
    let cut = false;
    if (step !== 'exemptive_order') {
      const outer = addDaysToDate(dueDate, CAP_DAYS[step]);
      const added = addDaysToDate(endDay, STEP_DAYS[step]);
      // Counted from the end of the delay before it, within the outer limit counted from the undelayed date.
      const cap = added < outer ? added : outer;
      if (untilDay > cap) {
        if (added < outer && endAssumed) {
          // The delay before it has no end recorded: that end (at least the day this step was made) decides how far
          // this step reaches, up to the outer limit; the earliest is shown.
          const reason = w.say('secDelay.cappedUnknown', { who: who(d), step: stepWords, asked: w.day(untilDay), days: STEP_DAYS[step], from: w.day(endDay), cap: w.day(cap), original, id: incident.id });
          return { state: 'needs_facts', reason, dueDate: cap, dueAt: endOfLocalDay(cap, zone), notes };
        }
        notes.push(cap === added && endDay !== dueDate
          ? w.say('secDelay.cappedAfter', { who: who(d), step: stepWords, asked: w.day(untilDay), cap: w.day(cap), days: STEP_DAYS[step], from: w.day(endDay) })
          : w.say('secDelay.capped', { who: who(d), step: stepWords, asked: w.day(untilDay), cap: w.day(cap), days: daysBetween(dueDate, cap), original }));
        untilDay = cap;
        cut = true;
      }
    }
    if (step === 'final') notes.push(w.say('secDelay.finalNationalSecurity'));
    notes.push(w.say('secDelay.granted', { who: who(d), step: stepWords, end: w.day(untilDay) }));
    if (untilDay > endDay) {
      endDay = untilDay;
      // Taken from the next step's date, unless the step's own limit already cut it there (the true end then).
      endAssumed = !d.until && !cut;
    }
    used = true;
  }
  // Nothing recorded reaches past the undelayed date (a delay that ended before it): the deadline stands.
  if (!used || endDay === dueDate) return { state: 'none', notes };
  const dueAt = endOfLocalDay(endDay, zone);
  notes.push(w.say('secDelay.moved', { due: w.day(endDay), original }));
  return { state: 'delayed', dueDate: endDay, dueAt, notes };
}
