// What the capacity plan and the scenarios start from: each service's workforce plan (forecast demand, waiting
// list, hours per child, FTE in post) and the waiting list by weeks waited, under the URL's filters.
import { DEFAULT_CAPACITY, type WaitingListBand, type WorkforcePlan } from '../../../analytics/index.ts';
import { waitingListAge } from '../../../analytics/waits.ts';
import { workforcePlans } from '../../../analytics/workforce.ts';
import { periodLabel, useFigure, WHOLE_AREA } from '../../../app/figures.ts';

export interface PlanFigure {
  readonly periodLabel: string;
  readonly to: string;
  readonly plans: readonly WorkforcePlan[];
  readonly bands: readonly WaitingListBand[];
}

export function usePlanData(targetWeeks: number) {
  return useFigure<PlanFigure>('demand-plan', async ({ run, filters, period, settings }) => ({
    periodLabel: periodLabel(period),
    to: period.to,
    plans: await workforcePlans(run, filters, period, settings, { ...DEFAULT_CAPACITY, targetWaitWeeks: targetWeeks }),
    bands: await waitingListAge(run, filters, period, settings),
  }), { key: targetWeeks, sections: ['demand-plan', 'key-findings-title'], overrides: WHOLE_AREA });
}
