// Key findings at the top of the Demand view: shifts and unusual periods in referrals, waits against the target and
// the capacity gap, ranked, each linking to its figure (lib/key-findings.ts). It reads the same cached figures as
// the sections below, so it adds no queries of its own.
import { DEFAULT_SCENARIO, planService } from '../../../analytics/scenarios.ts';
import { KeyFindings } from '../../../components/findings/KeyFindings.tsx';
import type { Service } from '../../../contract/index.ts';
import { usePlanData } from '../api/get-plan.ts';
import { useSpcSeries } from '../api/get-spc-series.ts';
import { useWaitsOverTime } from '../api/get-waits-over-time.ts';
import { useDemandOptions } from '../hooks/use-demand-options.ts';
import { usePlanOptions } from '../hooks/use-plan-options.ts';
import { demandFindings } from '../lib/key-findings.ts';

const NONE = 'Nothing stands out: referrals show only common-cause variation, no wait measure fails its target and the FTE in post meet the capacity answer.';

export function DemandKeyFindings({ services }: { services: readonly Service[] }) {
  const options = useDemandOptions();
  const plan = usePlanOptions();
  const spc = useSpcSeries({ series: options.series, screening: options.screening, changePoints: options.changePoints });
  const waits = useWaitsOverTime(plan.settings.targetWeeks);
  const planData = usePlanData(plan.settings.targetWeeks);
  if (!spc.data) return null;
  // The current plan (FTE in post) is what the findings judge, so the user's scenario does not enter them.
  const plans = planData.data ? services.flatMap((service) => {
    const w = planData.data?.plans.find((p) => p.service === service);
    return w ? planService(w, planData.data?.bands ?? [], plan.settings, DEFAULT_SCENARIO) ?? [] : [];
  }) : undefined;
  const findings = demandFindings({
    series: spc.data.series.filter((s) => services.includes(s.service as Service)),
    waits: waits.data?.series.filter((s) => services.includes(s.service as Service)),
    targetWeeks: plan.settings.targetWeeks, plans, to: planData.data?.to,
  });
  const pending = !waits.data || !planData.data;
  const scope = `${spc.data.periodLabel}. Ranked: special cause, failed targets and FTE shortfalls first, then by size.${pending ? ' Waits and capacity are still being worked out.' : ''}`;
  return <KeyFindings findings={findings} none={NONE} scope={scope} limit={6} />;
}
