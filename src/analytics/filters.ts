// The filters every figure is computed under: the app keeps them in the URL, `report` takes them as flags.
import type { AgePhase, SchoolType, Service } from '../contract/index.ts';
import type { PeriodRow } from '../queries/index.ts';

export interface Filters {
  /** null = both services. */
  readonly service: Service | null;
  /** First and last month of the period (yyyy-mm, inclusive); null = the data's first / last month. */
  readonly from: string | null;
  readonly to: string | null;
  readonly schoolType: SchoolType | null;
  readonly agePhase: AgePhase | null;
  readonly locality: string | null;
}

export const NO_FILTERS: Filters = { service: null, from: null, to: null, schoolType: null, agePhase: null, locality: null };

export interface Period { readonly from: string; readonly to: string; readonly months: number }

export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm) + 1;
}

export { addMonths } from '../stats/months.ts';

/** The period the filters ask for, clipped to the data's extent. */
export function resolvePeriod(filters: Filters, extent: PeriodRow): Period {
  const first = extent.first_month ?? '1970-01';
  const last = extent.last_month ?? first;
  const clip = (m: string | null, fallback: string) => (m === null ? fallback : m < first ? first : m > last ? last : m);
  let from = clip(filters.from, first);
  const to = clip(filters.to, last);
  if (from > to) from = to;
  return { from, to, months: monthsBetween(from, to) };
}
