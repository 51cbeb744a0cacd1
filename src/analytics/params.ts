import type { Filters, Period } from './filters.ts';

/** The leading parameters most queries share: service, from_month, to_month. */
export function periodParams(filters: Filters, period: Period): [string | null, string, string] {
  return [filters.service, period.from, period.to];
}
