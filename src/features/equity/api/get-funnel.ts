// Each school's age-standardised referral rate against the 95% and 99.8% funnel limits (METHODS §4), one series per
// service, under all the URL's filters.
import type { FunnelSeries, Period } from '../../../analytics/index.ts';
import { funnel } from '../../../analytics/funnel.ts';
import { useFigure } from '../../../app/figures.ts';

export interface FunnelFigure { readonly period: Period; readonly series: FunnelSeries[] }

export function useFunnel() {
  return useFigure<FunnelFigure>('equity/funnel', async ({ run, filters, period, settings }) => ({
    period, series: await funnel(run, filters, period, settings),
  }), { sections: ['equity-funnel', 'key-findings-title'] });
}
