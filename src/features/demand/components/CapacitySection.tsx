// Section 4: how much capacity, and how many therapists, each service needs to meet a target wait and to clear
// its queue (queue formulas of METHODS §8, after NHSRwaitinglist), against the FTE in post.
import { ProgressIndicator } from '../../../app/database-context.tsx';
import { useFilters } from '../../../app/url-state.ts';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { LABELS, type Service } from '../../../contract/index.ts';
import { useForecasts } from '../api/get-forecasts.ts';
import { CapacityCalculator } from './CapacityCalculator.tsx';

export function CapacitySection({ services }: { services: readonly Service[] }) {
  const { data, error } = useForecasts();
  const [filters] = useFilters();
  return (
    <section className="demand-section" aria-labelledby="demand-capacity">
      <h2 className="govuk-heading-m" id="demand-capacity">Capacity and therapists needed</h2>
      <p className="govuk-body">
        Starting from the forecast demand and the children waiting at the end of the period, this works out the weekly
        capacity needed to keep waits within the target (target capacity) and to bring the queue down to its target
        size within 26 weeks (relief capacity), and the whole-time-equivalent therapists (FTE) each needs. The
        assumptions are yours to change: each shows its default and where it comes from.
      </p>
      {filters.locality && (
        <div className="govuk-inset-text">
          <p>Demand and waits are for {filters.locality} only, but FTE in post and vacant are for the whole service: the
            workforce table has no locality.</p>
        </div>
      )}
      {error ? <ErrorSummary title="The capacity figures could not be worked out" errors={[{ text: error.message }]} />
        : !data ? <ProgressIndicator message="Working out capacity" />
        : services.map((service) => {
          const plan = data.plans.find((p) => p.service === service);
          return plan
            ? <CapacityCalculator key={service} service={service} defaultPlan={plan} />
            : <p className="govuk-body" key={service}>No {(LABELS[service] ?? service).toLowerCase()} referrals in the last 12 months of the period: nothing to plan from.</p>;
        })}
    </section>
  );
}
