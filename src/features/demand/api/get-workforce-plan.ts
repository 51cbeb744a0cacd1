// One service's capacity and FTE figures under the calculator's assumptions (METHODS §8). The assumptions key the
// query, so changing one recomputes; the previous figures stay on screen meanwhile (keepPreviousData).
import type { CapacityAssumptions, WorkforcePlan } from '../../../analytics/index.ts';
import { workforcePlans } from '../../../analytics/workforce.ts';
import { useFigure } from '../../../app/figures.ts';
import type { Service } from '../../../contract/index.ts';

export function useWorkforcePlan(service: Service, assumptions: CapacityAssumptions) {
  return useFigure<WorkforcePlan | null>(
    'demand-capacity',
    async ({ run, filters, period, settings }) =>
      (await workforcePlans(run, filters, period, settings, assumptions)).find((p) => p.service === service) ?? null,
    { key: { service, assumptions }, overrides: { service } },
  );
}
