// The local series that stands beside NHS England's: % of the local waiting list waiting more than 18 weeks at
// each month end, from context-local-waits.sql. Both counts pass the disclosure gate (cell-key perturbation; 1–4 as
// "c") and the % is worked out from the published counts, as every figure is (METHODS §7).
import type { ContextLocalWaitsRow } from '../queries/index.ts';
import type { CellRow, Gate } from '../disclosure/index.ts';

export interface LocalWaitsPoint {
  readonly month: string; readonly service: string;
  readonly waiting: number | 'c';
  readonly waiting_over_18_weeks: number | 'c';
  /** % of children on the local waiting list waiting more than 18 weeks; null when no one was waiting. */
  readonly pct_over_18_weeks: number | 'c' | null;
}

export function localWaitsShown(rows: readonly CellRow<ContextLocalWaitsRow>[], gate: Gate): LocalWaitsPoint[] {
  return rows.map((r) => {
    const waiting = gate.count(r.waiting);
    const over = gate.count(r.waiting_over_18_weeks);
    const pct = waiting === 'c' || over === 'c' ? 'c' : waiting === 0 ? null : (100 * Math.min(over, waiting)) / waiting;
    return { month: r.month, service: r.service, waiting, waiting_over_18_weeks: over, pct_over_18_weeks: pct };
  });
}
