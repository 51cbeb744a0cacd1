// Waits over time for each service under the URL's filters, at the plan's target wait (?plan=target:…): shared by
// the waits-over-time charts and the key findings, so both read one cached result.
import { waitsOverTime, type WaitsOverTime } from '../../../analytics/waits-over-time.ts';
import { periodLabel, useFigure, WHOLE_AREA } from '../../../app/figures.ts';
import { PLAN_DEFAULTS } from '../../../stats/capacity-plan.ts';

export function useWaitsOverTime(targetWeeks: number) {
  return useFigure<{ label: string; series: WaitsOverTime[] }>('demand-waits-over-time',
    async ({ run, filters, period, settings }) => ({ label: periodLabel(period), series: await waitsOverTime(run, filters, period, settings, targetWeeks, PLAN_DEFAULTS.targetShare.value) }),
    { key: targetWeeks, sections: ['demand-waits', 'key-findings-title'], overrides: WHOLE_AREA });
}
