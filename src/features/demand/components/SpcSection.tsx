// Section 1: referrals over time as SPC (XmR) charts. For each service the whole area first; then, after the
// breakdown choice, small multiples per school type or per age phase. Controls choose the series (seasonally
// adjusted or raw) and moving-range screening, and the text says which is in use (METHODS §5).
import type { SpcSeries } from '../../../analytics/index.ts';
import { ProgressIndicator } from '../../../app/database-context.tsx';
import { useFilters } from '../../../app/url-state.ts';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { AGE_PHASES, LABELS, SCHOOL_TYPES, type Service } from '../../../contract/index.ts';
import { useSpcSeries } from '../api/get-spc-series.ts';
import { useDemandOptions, type Breakdown } from '../hooks/use-demand-options.ts';
import { Radios } from './Radios.tsx';
import { SpcSeriesFigure } from './SpcSeriesFigure.tsx';
import { StableSlots, useAnsweredServices } from '../../../components/stable-slots.tsx';
import { UPDATING_NOTICE_DELAY_MS, useHeldFor } from '../../../components/UpdatingNotice.tsx';

const BREAKDOWN_CHOICES = [
  { value: 'school_type', label: 'School type' },
  { value: 'age_phase', label: 'Age phase' },
] as const;

function orderOf(by: Breakdown): readonly string[] {
  return by === 'school_type' ? SCHOOL_TYPES : AGE_PHASES;
}

export function SpcSection({ services }: { services: readonly Service[] }) {
  const options = useDemandOptions();
  const [filters] = useFilters();
  const { data, error, isFetching, isPlaceholderData } = useSpcSeries({ series: options.series, screening: options.screening, changePoints: options.changePoints });
  const answered = useAnsweredServices(services, isPlaceholderData);
  // Said only once an update has run a while: a quick one would rewrite the line (and reflow the page) twice.
  const updating = useHeldFor(isFetching, UPDATING_NOTICE_DELAY_MS);
  const narrowTo = options.spcBy === 'school_type' ? filters.type : filters.phase;
  const order = orderOf(options.spcBy);
  const breakdown = (service: Service): SpcSeries[] => (data?.series ?? [])
    .filter((s) => s.service === service && s.group_kind === options.spcBy && (!narrowTo || s.group_value === narrowTo))
    .sort((a, b) => order.indexOf(a.group_value ?? '') - order.indexOf(b.group_value ?? ''));
  return (
    <section className="demand-section" aria-labelledby="demand-spc">
      <h2 className="govuk-heading-m" id="demand-spc">Referrals over time</h2>
      <p className="govuk-body">
        Statistical process control (XmR) charts, as in NHS England&rsquo;s Making Data Count. Points inside the process
        limits vary for ordinary reasons (common cause). A point is flagged (special cause) when it breaks a rule: outside
        a limit, a run of 7 rising or falling, 2 of 3 near a limit, or 7 on one side of the mean. Higher referrals are
        not good or bad in themselves: a flag says demand has risen or fallen.
      </p>
      <div className="demand-controls">
        <Radios
          legend="Series charted"
          value={options.series}
          onChange={options.setSeries}
          choices={[
            { value: 'seasonally_adjusted', label: 'Seasonally adjusted (recommended)', hint: 'Each month divided by its seasonal index, so the August dip and autumn peak are not flagged every year.' },
            { value: 'raw', label: 'Raw monthly counts', hint: 'The counts as recorded. Expect the school-year pattern to be flagged.' },
          ]}
        />
        <Radios
          legend="Moving-range screening"
          value={options.screening ? 'on' : 'off'}
          onChange={(v) => options.setScreening(v === 'on')}
          choices={[
            { value: 'on', label: 'On (NHSRplotthedots default)', hint: 'Moving ranges of 3.267 × the average or more are left out once before the limits are set, so one unusual jump does not widen them.' },
            { value: 'off', label: 'Off (Making Data Count Excel tool)', hint: 'Every moving range counts towards the limits.' },
          ]}
        />
      </div>
      <p className="govuk-body" role="status">
        {updating ? 'Updating the charts… ' : ''}
        Showing <strong>{options.series === 'raw' ? 'raw monthly counts' : 'seasonally adjusted referrals'}</strong>, with
        moving-range screening <strong>{options.screening ? 'on' : 'off'}</strong>.
        {options.series === 'seasonally_adjusted' && data?.series.some((x) => x.series === 'raw')
          && ' Some series could not be adjusted and show raw counts instead: each chart says which, and why.'}
      </p>
      {error ? <ErrorSummary title="The SPC charts could not be drawn" errors={[{ text: error.message }]} />
        : !data ? <ProgressIndicator message="Computing the SPC charts" />
        : (
          <>
            {/* One figure per service of the answer (useAnsweredServices), keyed by its slot (StableSlots): redrawn in place, not afresh. */}
            <StableSlots items={answered}>{(service) => {
              const area = data.series.find((s) => s.service === service && s.group_kind === 'area');
              return area
                ? <SpcSeriesFigure series={area} periodLabel={data.periodLabel} />
                : <p className="govuk-body">No {LABELS[service]?.toLowerCase()} referrals in this period.</p>;
            }}</StableSlots>
            <h3 className="demand-heading-s" id="demand-spc-breakdown">By school type or age phase</h3>
            <Radios
              legend="Show one chart for each"
              value={options.spcBy}
              onChange={options.setSpcBy}
              choices={BREAKDOWN_CHOICES}
              inline
              hint={narrowTo ? `Only ${LABELS[narrowTo] ?? narrowTo} is shown: the ${options.spcBy === 'school_type' ? 'school type' : 'age phase'} filter above is set.` : undefined}
            />
            <StableSlots items={answered}>{(service) => {
              const multiples = breakdown(service);
              return (
                <div className="demand-multiples">
                  {multiples.length === 0
                    ? <p className="govuk-body">No {LABELS[service]?.toLowerCase()} series for this breakdown.</p>
                    : multiples.map((s) => (
                      <SpcSeriesFigure key={`${s.group_kind}-${s.group_value}`} series={s} periodLabel={data.periodLabel}
                        area={data.series.find((a) => a.service === service && a.group_kind === 'area')} />
                    ))}
                </div>
              );
            }}</StableSlots>
          </>
        )}
    </section>
  );
}
