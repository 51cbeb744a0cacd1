// The English school year group of a child on a date, from their date of birth: children born 1 September to
// 31 August share a year group, and a child's year group in an academic year (1 September to 31 August) follows
// from their age on the 31 August before it starts: 2 → N1, 3 → N2 (nursery), 4 → R (reception), 5 → Year 1, …,
// 18 → Year 14. This is the year group children are in when they have not been moved out of their cohort.
import type { YearGroup } from '../../src/contract/index.ts';

interface CalendarDate { readonly year: number; readonly month: number; readonly day: number }

function parts(isoDate: string): CalendarDate {
  return { year: Number(isoDate.slice(0, 4)), month: Number(isoDate.slice(5, 7)), day: Number(isoDate.slice(8, 10)) };
}

/** Whole years of age on `on` (yyyy-mm-dd) for someone born on `dateOfBirth` (29 February birthdays fall on 1 March). */
export function ageOn(dateOfBirth: string, on: string): number {
  const born = parts(dateOfBirth);
  const at = parts(on);
  const hadBirthday = at.month > born.month || (at.month === born.month && at.day >= born.day);
  return at.year - born.year - (hadBirthday ? 0 : 1);
}

/** The year (yyyy) in which the academic year containing `date` started on 1 September. */
export function academicYearStart(date: string): number {
  const { year, month } = parts(date);
  return month >= 9 ? year : year - 1;
}

const NURSERY_AND_RECEPTION: Record<number, YearGroup> = { 2: 'N1', 3: 'N2', 4: 'R' };

export interface YearGroupAtReferral {
  /** Null when the child is younger or older than the N1–14 range. */
  readonly yearGroup: YearGroup | null;
  /** Age in whole years on the referral date. */
  readonly ageAtReferral: number;
}

export function yearGroupOn(dateOfBirth: string, referralDate: string): YearGroupAtReferral {
  const ageAtStartOfYear = ageOn(dateOfBirth, `${academicYearStart(referralDate)}-08-31`);
  const yearGroup = NURSERY_AND_RECEPTION[ageAtStartOfYear]
    ?? (ageAtStartOfYear >= 5 && ageAtStartOfYear <= 18 ? (String(ageAtStartOfYear - 4) as YearGroup) : null);
  return { yearGroup, ageAtReferral: ageOn(dateOfBirth, referralDate) };
}
