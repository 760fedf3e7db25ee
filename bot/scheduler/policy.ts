// When reminders fire: the configurable step policy and the local-time arithmetic it needs.
import { wallTimeToInstant } from '../deadlines/zone-offset.ts';

/** Reminder steps per obligation kind; durations are ISO-8601 (P14D, PT48H), times are HH:MM in the org zone. */
export interface ReminderPolicy {
  /** Day-counted deadlines: reminders this long before the due date (whole days fire at `morning` local time). */
  dateBefore: readonly string[];
  /** Local time of day-counted reminders and of the due-day "morning" step. */
  morning: string;
  /** Also remind on the morning of the due day. */
  dueDayMorning: boolean;
  /** Hour-counted deadlines: reminders this long before the due instant. */
  instantBefore: readonly string[];
  /** Overdue repeats: day-counted ones every morning after the due day; hour-counted ones every N hours from the deadline. */
  instantOverdueEveryHours: number;
  /** `immediate` obligations: at once, then every N hours until done. */
  immediateEveryHours: number;
  /** "Without undue delay" (none_fixed): daily at this local time until done. */
  noneFixedDaily: string;
  /** A reminder sent this long after its planned time is marked late. */
  lateAfterMinutes: number;
}

/** The defaults of GitHub issue #6. */
export const DEFAULT_REMINDER_POLICY: ReminderPolicy = Object.freeze({
  dateBefore: ['P14D', 'P7D', 'P3D', 'P1D'],
  morning: '09:00',
  dueDayMorning: true,
  instantBefore: ['PT48H', 'PT24H', 'PT12H', 'PT4H', 'PT1H'],
  instantOverdueEveryHours: 4,
  immediateEveryHours: 1,
  noneFixedDaily: '09:00',
  lateAfterMinutes: 15,
});

const HOUR_MS = 3_600_000;
const DURATION = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/;

/** A parsed ISO-8601 duration: whole days stay calendar days (DST-safe), the rest is exact time. */
export interface StepDuration {
  days: number;
  ms: number;
}

/** Parse P14D, PT48H, P1DT12H, PT30M; throws on anything else (policies are validated at start-up). */
export function parseDuration(text: string): StepDuration {
  const m = DURATION.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) throw new Error(`reminder policy: "${text}" is not a duration like P7D or PT4H`);
  return { days: Number(m[1] ?? 0), ms: Number(m[2] ?? 0) * HOUR_MS + Number(m[3] ?? 0) * 60_000 };
}

/** Throws with a readable message when a policy cannot be used. */
export function validatePolicy(policy: ReminderPolicy): void {
  for (const d of [...policy.dateBefore, ...policy.instantBefore]) parseDuration(d);
  for (const t of [policy.morning, policy.noneFixedDaily]) parseLocalTime(t);
  if (!(policy.instantOverdueEveryHours > 0) || !(policy.immediateEveryHours > 0)) throw new Error('reminder policy: repeat intervals must be positive');
}

/** "09:00" → [9, 0]. */
export function parseLocalTime(text: string): [number, number] {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  if (!m) throw new Error(`"${text}" is not a time like 09:00`);
  return [Number(m[1]), Number(m[2])];
}

/** The instant of local time `hhmm` on calendar day `day` (YYYY-MM-DD) in `zone`, as epoch ms. */
export function atLocalTime(day: string, hhmm: string, zone: string): number {
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  const [h, mi] = parseLocalTime(hhmm);
  return wallTimeToInstant(Date.UTC(y, mo - 1, d, h, mi), zone);
}
