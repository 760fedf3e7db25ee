// The legal holidays of each business-day calendar as the statute behind it lists them: date-holidays' calendar (or
// the table computed from it) with the differences declared here. A day counts as a holiday only where that statute
// makes it one: counting a working day as a holiday puts a deadline later than the law allows. Where the text is in
// doubt the day is not counted (the earlier deadline); a day the statute has and date-holidays lacks is added only
// where the text is plain. Statute texts as read on 2026-12-02; tests/legal-scenarios/holiday-law.test.ts.
import { addDaysToDate, weekday } from './time.ts';

type Days = Map<string, string>;

/** One declared difference from date-holidays, with the reason in the statute's words. */
export interface HolidayDifference {
  readonly why: string;
  readonly apply: (days: Days, year: number) => void;
}

/** The statute that makes a calendar's days legal holidays, and where date-holidays departs from it. */
export interface HolidayLaw {
  readonly statute: string;
  readonly differences: readonly HolidayDifference[];
}

const SUBSTITUTE = /\(substitute day\)$/;

function drop(why: string, test: (day: string, name: string, year: number) => boolean): HolidayDifference {
  return { why, apply: (days, year) => { for (const [day, name] of [...days]) if (test(day, name, year)) days.delete(day); } };
}

/** A Saturday holiday that date-holidays moves to the Friday before. */
const fridayBefore = (day: string, name: string) => SUBSTITUTE.test(name) && weekday(day) === 5;
/** A weekend holiday that date-holidays moves to a weekday (Friday before or Monday after). */
const anySubstitute = (_day: string, name: string) => SUBSTITUTE.test(name);

/** Declared per calendar named in data/rules (`clock.holidays`); a calendar missing here fails the tests. */
export const HOLIDAY_LAWS: Readonly<Record<string, HolidayLaw>> = {
  US: {
    // SEC "business day" (Form 8-K GI B.1, Regulation S-T Rule 11): not a Saturday, Sunday or federal holiday; EDGAR is
    // closed on the Friday or Monday a weekend holiday is observed on (5 U.S.C. 6103(b), E.O. 11582), as date-holidays has it.
    statute: '5 U.S.C. 6103',
    differences: [],
  },
  'US-NY': {
    statute: 'N.Y. Gen. Constr. Law § 24',
    differences: [
      {
        why: '§ 24 does not list Susan B. Anthony Day (February 15); in a year where February 15 is the third Monday it is Washington\'s birthday',
        apply: (days, year) => {
          const day = `${year}-02-15`;
          if (days.get(day) !== 'Susan B. Anthony Day') return;
          if (weekday(day) === 1) days.set(day, "Washington's Birthday");
          else days.delete(day);
        },
      },
      drop('§ 24 moves a holiday only from a Sunday ("the next day thereafter"), never from a Saturday to the Friday before', fridayBefore),
      {
        why: '§ 24: "if any of such days except Flag day is Sunday, the next day thereafter" (date-holidays lacks it for Lincoln\'s birthday and Veterans\' day)',
        apply: (days, year) => {
          for (const [md, name] of [['02-12', "Lincoln's Birthday"], ['11-11', 'Veterans Day']] as const) {
            const day = `${year}-${md}`;
            if (weekday(day) === 0 && !days.has(addDaysToDate(day, 1))) days.set(addDaysToDate(day, 1), `${name} (substitute day)`);
          }
        },
      },
    ],
  },
  'US-IL': {
    statute: '205 ILCS 630/17; 5 ILCS 490',
    differences: [
      drop('Malcolm X Day is not among the legal holidays of 205 ILCS 630/17 nor the State holidays of 10 ILCS 5/1-6 (a 2015 resolution only)', (_d, name) => name === 'Malcolm X Day'),
      drop('no Illinois statute found moves a weekend holiday to a weekday; for Juneteenth 5 ILCS 490/63 says neither the Friday nor the Monday', anySubstitute),
      drop('Juneteenth is a holiday from 2022 (P.A. 102-14, effective 1 January 2022)', (_d, name, year) => name.startsWith('Juneteenth') && year < 2022),
    ],
  },
  'US-VT': {
    statute: '1 V.S.A. § 371',
    differences: [
      {
        why: '§ 371(a)(7): Bennington Battle Day is August 16 (date-holidays puts it on a Monday)',
        apply: (days, year) => {
          for (const [day, name] of [...days]) if (name === 'Bennington Battle Day') days.delete(day);
          days.set(`${year}-08-16`, 'Bennington Battle Day');
        },
      },
      drop('§ 371(b) has State offices observe a weekend holiday on the Friday or Monday; the legal holiday of § 371(a) stays on its date', anySubstitute),
      drop('Juneteenth: its enactment as a § 371 legal holiday (2024, S.206) could not be confirmed from the statute text', (_d, name) => name.startsWith('Juneteenth')),
    ],
  },
  'US-IA': {
    statute: 'Iowa Code § 1C.1',
    differences: [
      drop('not a legal public holiday of § 1C.1 (Juneteenth, § 1C.14, and Columbus Day, § 1C.5, are recognition days)', (_d, name) => /^(Juneteenth|Indigenous Peoples' Day|Columbus Day)/.test(name)),
      drop('§ 1C.1 moves no holiday; the Friday or Monday of § 1C.2(3) is a paid day off for State employees', anySubstitute),
    ],
  },
  'US-CA': {
    statute: 'Cal. Gov. Code §§ 6700, 6701',
    differences: [
      drop('the day after Thanksgiving is not a holiday of § 6700 (a State employees\' day off)', (_d, name) => name === 'Day after Thanksgiving Day'),
      drop('Juneteenth is a § 6700 holiday from 2023 (AB 1655, Stats. 2022)', (_d, name, year) => name.startsWith('Juneteenth') && year < 2023),
      drop('§ 6701 moves a Saturday holiday to the Friday before only for November 11', fridayBefore),
      drop('§ 6701 moves a Sunday holiday to the Monday for January 1, February 12, March 31, July 4, September 9, November 11 and December 25 only', (_d, name) => name === 'Juneteenth (substitute day)'),
    ],
  },
};

/** `days` (date-holidays' public holidays of `calendar` in `year`) as the calendar's statute has them; changed in place. */
export function applyHolidayLaw(calendar: string, year: number, days: Days): Days {
  for (const difference of HOLIDAY_LAWS[calendar]?.differences ?? []) difference.apply(days, year);
  return days;
}
