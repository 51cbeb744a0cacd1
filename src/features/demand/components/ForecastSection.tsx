// Section 3: the recorded referrals and a 12-month forecast with its 95% prediction interval, per service. The
// method is stated as the analytics layer reports it (Holt-Winters, or simple smoothing with under 24 months).
import type { WorkforcePlan } from '../../../analytics/index.ts';
import { ProgressIndicator } from '../../../app/database-context.tsx';
import { forecastSpec, type HistoryPoint } from '../../../charts/index.ts';
import { ChartFigure } from '../../../components/ChartFigure.tsx';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import type { Column } from '../../../components/table-columns.ts';
import { LABELS, type Service } from '../../../contract/index.ts';
import { useForecasts } from '../api/get-forecasts.ts';
import { StableSlots, useAnsweredServices } from '../../../components/stable-slots.tsx';

interface ForecastRow {
  month: string;
  recorded: number | 'c' | null;
  forecast: number | null;
  lower95: number | null;
  upper95: number | null;
}

const COLUMNS: Column<ForecastRow>[] = [
  { key: 'month', label: 'Month', format: 'month' },
  { key: 'recorded', label: 'Referrals recorded', format: 'integer' },
  { key: 'forecast', label: 'Forecast', format: 'decimal1' },
  { key: 'lower95', label: 'Lower 95% prediction limit', format: 'decimal1' },
  { key: 'upper95', label: 'Upper 95% prediction limit', format: 'decimal1' },
];

function rowsOf(history: readonly HistoryPoint[], plan: WorkforcePlan): ForecastRow[] {
  const blank = { forecast: null, lower95: null, upper95: null };
  return [
    ...history.map((h) => ({ month: h.month, recorded: h.value, ...blank })),
    ...plan.forecast.map((f) => ({ month: f.month, recorded: null, forecast: f.forecast, lower95: Math.max(0, f.lower), upper95: f.upper })),
  ];
}

export function ForecastSection({ services }: { services: readonly Service[] }) {
  const { data, error, isPlaceholderData } = useForecasts();
  const answered = useAnsweredServices(services, isPlaceholderData);
  return (
    <section className="demand-section" aria-labelledby="demand-forecast">
      <h2 className="govuk-heading-m" id="demand-forecast">Referrals forecast for the next 12 months</h2>
      <p className="govuk-body">
        The solid line is the referrals recorded each month; the dashed line is the forecast, and the shaded band the
        95% prediction interval: if the pattern of the past continues, about 19 months in 20 should fall inside it.
        The forecast feeds the demand in the capacity calculator below.
      </p>
      {error ? <ErrorSummary title="The forecast could not be made" errors={[{ text: error.message }]} />
        : !data ? <ProgressIndicator message="Forecasting referrals" />
        // One figure per service of the answer (useAnsweredServices), keyed by its slot (StableSlots): redrawn in place, not afresh.
        : <StableSlots items={answered}>{(service) => {
          const plan = data.plans.find((p) => p.service === service);
          const name = LABELS[service] ?? service;
          if (!plan) return <p className="govuk-body">No {name.toLowerCase()} referrals to forecast from in this period.</p>;
          const history = data.history[service] ?? [];
          return (
            <ChartFigure headingLevel={3} title={`${name}: referrals recorded and forecast`}
              caption={`Method: ${plan.forecastMethod}. History: ${data.periodLabel}. Negative lower limits are shown as 0.`}
              spec={forecastSpec([...history], plan)} rows={rowsOf(history, plan)} columns={COLUMNS}
              fileName={`forecast-${service.toLowerCase()}`} />
          );
        }}</StableSlots>}
    </section>
  );
}
