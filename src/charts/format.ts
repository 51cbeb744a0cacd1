// Figures as the charts' tooltips and descriptions print them (en-GB grouping, fixed decimals), and the small
// helpers every chart needs to keep suppressed ('c') and missing (null) values out of its marks.
import { LABELS } from '../contract/values.ts';

export type Shown = number | null | 'c';

const grouped = (digits: number) => new Intl.NumberFormat('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const WHOLE = grouped(0);
const ONE_DP = grouped(1);

/** A plottable number: not suppressed, not missing, finite. */
export const isValue = (v: Shown | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

export function formatCount(v: Shown | undefined): string {
  if (v === 'c') return 'c (fewer than 5)';
  return isValue(v) ? WHOLE.format(v) : 'no data';
}

export function formatOneDp(v: Shown | undefined): string {
  if (v === 'c') return 'c (suppressed)';
  return isValue(v) ? ONE_DP.format(v) : 'no data';
}

export function formatInterval(lower: Shown | undefined, upper: Shown | undefined): string {
  return isValue(lower) && isValue(upper) ? `${ONE_DP.format(lower)} to ${ONE_DP.format(upper)}` : 'not available';
}

export function label(code: string | null | undefined, whenNull = 'All'): string {
  if (code === null || code === undefined) return whenNull;
  return LABELS[code] ?? code;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 'yyyy-mm' (or 'yyyy-mm-dd') → 'Jan 2024'. */
export function formatMonth(month: string): string {
  const [year, mm] = month.split('-');
  return `${MONTHS[Number(mm) - 1] ?? mm} ${year}`;
}

/** 'yyyy-mm' → an ISO date at UTC midnight on the 1st, read by the charts on a UTC time scale so a month never
 * moves into the previous one west of Greenwich. */
export const monthStart = (month: string) => `${month.slice(0, 7)}-01`;

/** A service's name mid-sentence: 'speech and language therapy'. */
export const serviceName = (code: string) => label(code).toLowerCase();

/** "3 schools", "1 school". */
export const plural = (n: number, one: string, many = `${one}s`) => `${WHOLE.format(n)} ${n === 1 ? one : many}`;

/** Subtitle lines from the parts that are present, joined by " · " and wrapped at about 60 characters: one long
 * line would widen the title past a narrow container, and autosize 'fit' would then shrink the plot. */
export function subtitleOf(...parts: (string | null | undefined | false)[]): string[] {
  const lines: string[] = [];
  for (const part of parts.filter((p): p is string => Boolean(p))) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + part.length + 3 <= 60) lines[lines.length - 1] = `${last} · ${part}`;
    else lines.push(part);
  }
  return lines;
}
