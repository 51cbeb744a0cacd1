// Referral rates per 1,000 pupils a year by service × school type × age phase, with their comparison with the area
// (METHODS §1, §3), under the URL's filters. The heat table is itself by type and phase, so it ignores those two
// filters (ratesByTypePhase takes service, months and locality only).
import type { Period, RateCell } from '../../../analytics/index.ts';
import { ratesByTypePhase } from '../../../analytics/rates.ts';
import { useFigure, WHOLE_AREA } from '../../../app/figures.ts';

export interface RatesFigure { readonly period: Period; readonly cells: RateCell[] }

export function useRatesByTypePhase() {
  return useFigure<RatesFigure>('equity/rates-by-type-phase', async ({ run, filters, period, settings }) => ({
    period, cells: await ratesByTypePhase(run, filters, period, settings),
  }), { sections: ['equity-rates', 'key-findings-title'], overrides: WHOLE_AREA });
}
