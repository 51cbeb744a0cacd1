// Months and days as integers, so the generator never depends on the machine's clock or time zone.
// A month index is year·12 + (month − 1); a day number counts days since 1970-01-01 (UTC).

const MONTH_TEXT = /^(\d{4})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export function parseMonth(text: string): number | null {
  const match = MONTH_TEXT.exec(text);
  if (!match) return null;
  const month = Number(match[2]);
  return month >= 1 && month <= 12 ? Number(match[1]) * 12 + month - 1 : null;
}

export function formatMonth(monthIndex: number): string {
  const year = Math.floor(monthIndex / 12);
  return `${year}-${String((monthIndex % 12) + 1).padStart(2, '0')}`;
}

/** 0 = January … 11 = December. */
export const calendarMonth = (monthIndex: number): number => monthIndex % 12;
export const AUGUST = 7;

export function firstDayOfMonth(monthIndex: number): number {
  return Date.UTC(Math.floor(monthIndex / 12), monthIndex % 12, 1) / MS_PER_DAY;
}

export function lastDayOfMonth(monthIndex: number): number {
  return firstDayOfMonth(monthIndex + 1) - 1;
}

/** 0 = Sunday … 6 = Saturday (day 0, 1970-01-01, was a Thursday). */
export const weekday = (day: number): number => (((day + 4) % 7) + 7) % 7;
export const isWorkingDay = (day: number): boolean => weekday(day) !== 0 && weekday(day) !== 6;

export function nextWorkingDay(day: number): number {
  let d = day;
  while (!isWorkingDay(d)) d++;
  return d;
}

export function workingDaysOfMonth(monthIndex: number): number[] {
  const days: number[] = [];
  for (let d = firstDayOfMonth(monthIndex); d <= lastDayOfMonth(monthIndex); d++) if (isWorkingDay(d)) days.push(d);
  return days;
}

const isoCache = new Map<number, string>();

/** yyyy-mm-dd; cached because a million referrals reuse a few thousand dates. */
export function isoDate(day: number): string {
  let text = isoCache.get(day);
  if (text === undefined) {
    text = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    isoCache.set(day, text);
  }
  return text;
}

/** The school year (September to August) a month falls in, named by the calendar year it starts in. */
export function academicYear(monthIndex: number): number {
  const year = Math.floor(monthIndex / 12);
  return monthIndex % 12 >= 8 ? year : year - 1;
}

/** Day number of 1 September of the school year containing `monthIndex`. */
export function academicYearStartDay(monthIndex: number): number {
  return Date.UTC(academicYear(monthIndex), 8, 1) / MS_PER_DAY;
}
