// SPC series for the Demand view (METHODS §5, §6): every service × area / school type / age phase, under the URL's
// filters, with the user's choice of series (seasonally adjusted or raw) and moving-range screening.
import type { AnalyticsSettings, SpcSeries } from '../../../analytics/index.ts';
import { spcSeries } from '../../../analytics/spc.ts';
import { periodLabel, useFigure, WHOLE_AREA } from '../../../app/figures.ts';

export type SpcSeriesChoice = AnalyticsSettings['spcSeries'];

export interface SpcFigure {
  readonly periodLabel: string;
  readonly series: readonly SpcSeries[];
}

export function useSpcSeries(choice: { series: SpcSeriesChoice; screening: boolean; changePoints: Readonly<Record<string, readonly string[]>> }) {
  return useFigure<SpcFigure>(
    'demand-spc',
    async ({ run, filters, period, settings }) => ({
      periodLabel: periodLabel(period),
      series: await spcSeries(run, filters, period, settings, null, choice.changePoints),
    }),
    { settings: { spcSeries: choice.series, spcScreening: choice.screening }, key: choice.changePoints, sections: ['demand-spc', 'demand-summary', 'key-findings-title'], overrides: WHOLE_AREA },
  );
}
