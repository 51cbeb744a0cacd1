// The local series that stands beside NHS England's: % of the local waiting list waiting more than 18 weeks at
// each month end, from context-local-waits.sql. Counts and their cell keys first (what the disclosure gate takes),
// then the shown figure: a local % only where at least `minimum` children were waiting and neither those over
// 18 weeks nor those under it are 1 to minimum−1 (either would make a small count recoverable); 'c' otherwise.
import type { ContextLocalWaitsRow } from '../queries/index.ts';

export interface LocalWaitsCounts {
  readonly month: string; readonly service: string;
  readonly waiting: number; readonly waiting_over_18_weeks: number;
  readonly waiting_ckey: number; readonly waiting_over_18_weeks_ckey: number;
}

/** The query's rows as counts with their cell keys (for the gate), in the query's order. */
export function localWaitsCounts(rows: readonly ContextLocalWaitsRow[]): LocalWaitsCounts[] {
  return rows.map((r) => ({
    month: r.month, service: r.service, waiting: r.waiting, waiting_over_18_weeks: r.waiting_over_18_weeks,
    waiting_ckey: r.waiting_ckey, waiting_over_18_weeks_ckey: r.waiting_over_18_weeks_ckey,
  }));
}

export interface LocalWaitsPoint {
  readonly month: string; readonly service: string;
  readonly waiting: number | 'c';
  readonly waiting_over_18_weeks: number | 'c';
  /** % of children on the local waiting list waiting more than 18 weeks; null when no one was waiting. */
  readonly pct_over_18_weeks: number | 'c' | null;
}

const small = (n: number, minimum: number) => n > 0 && n < minimum;

export function localWaitsShown(counts: readonly LocalWaitsCounts[], minimum = 5): LocalWaitsPoint[] {
  return counts.map((c) => {
    if (c.waiting === 0) return { month: c.month, service: c.service, waiting: 0, waiting_over_18_weeks: 0, pct_over_18_weeks: null };
    const hidden = c.waiting < minimum || small(c.waiting_over_18_weeks, minimum) || small(c.waiting - c.waiting_over_18_weeks, minimum);
    return {
      month: c.month, service: c.service,
      waiting: c.waiting < minimum ? 'c' : c.waiting,
      waiting_over_18_weeks: hidden ? 'c' : c.waiting_over_18_weeks,
      pct_over_18_weeks: hidden ? 'c' : (100 * c.waiting_over_18_weeks) / c.waiting,
    };
  });
}
