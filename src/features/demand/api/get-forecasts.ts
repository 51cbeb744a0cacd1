// The 12-month referral forecast per service with its recorded history (the forecast comes with the workforce plan,
// whose demand per week the capacity answer starts from).
import { DEFAULT_CAPACITY, type WorkforcePlan } from '../../../analytics/index.ts';
import { areaMonthlyReferrals } from '../../../analytics/spc.ts';
import { workforcePlans } from '../../../analytics/workforce.ts';
import { periodLabel, useFigure, WHOLE_AREA } from '../../../app/figures.ts';
import type { HistoryPoint } from '../../../charts/index.ts';

export interface ForecastFigure {
  readonly periodLabel: string;
  readonly plans: readonly WorkforcePlan[];
  /** Recorded referrals a month for each service (area series; counts 1–4 as "c"). */
  readonly history: Readonly<Record<string, readonly HistoryPoint[]>>;
}

export function useForecasts() {
  return useFigure<ForecastFigure>('demand-forecast', async ({ run, filters, period, settings }) => {
    // The history is the recorded counts: raw series, whatever the SPC section shows.
    const [plans, history] = await Promise.all([
      workforcePlans(run, filters, period, settings, DEFAULT_CAPACITY),
      areaMonthlyReferrals(run, filters, period, settings),
    ]);
    return { periodLabel: periodLabel(period), plans, history };
  }, { sections: ['demand-forecast'], overrides: WHOLE_AREA });
}
