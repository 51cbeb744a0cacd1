// Section 2: waits to first contact (median and 90th percentile weeks; % within 18 weeks with its 95% Wilson
// interval) by school type or age phase, and the waiting list at the end of the period by time waited (METHODS §8).
import type { WaitsCell } from '../../../analytics/index.ts';
import { ProgressIndicator } from '../../../app/database-context.tsx';
import { waitingListChartSpec, waitsChartSpec, waitWeeksChartSpec, waitsGroups } from '../../../charts/index.ts';
import { ChartFigure } from '../../../components/ChartFigure.tsx';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import type { Column } from '../../../components/table-columns.ts';
import { LABELS, type Service } from '../../../contract/index.ts';
import { useWaits } from '../api/get-waits.ts';
import { useDemandOptions, type Breakdown } from '../hooks/use-demand-options.ts';
import { Radios } from './Radios.tsx';
import { WaitsOverTime } from './WaitsOverTime.tsx';
import { StableSlots, useAnsweredServices } from '../../../components/stable-slots.tsx';

type WaitsRow = Omit<WaitsCell, 'service' | 'school_type' | 'age_phase' | 'as_of'> & { group: string };

const WAITS_COLUMNS = (by: Breakdown): Column<WaitsRow>[] => [
  { key: 'group', label: by === 'school_type' ? 'School type' : 'Age phase' },
  { key: 'seen', label: 'Children seen', format: 'integer' },
  { key: 'median_weeks', label: 'Median wait (weeks)', format: 'decimal1' },
  { key: 'p90_weeks', label: '90th percentile wait (weeks)', format: 'decimal1' },
  { key: 'seen_within_18_weeks', label: 'Seen within 18 weeks', format: 'integer' },
  { key: 'pct_within_18_weeks', label: '% within 18 weeks', format: 'decimal1' },
  { key: 'lower95', label: 'Lower 95% limit (%)', format: 'decimal1' },
  { key: 'upper95', label: 'Upper 95% limit (%)', format: 'decimal1' },
  { key: 'waiting', label: 'Still waiting at the end', format: 'integer' },
  { key: 'waiting_over_18_weeks', label: 'Waiting over 18 weeks', format: 'integer' },
  { key: 'waiting_over_52_weeks', label: 'Waiting over 52 weeks', format: 'integer' },
];

interface BandRow { band: string; waiting: number | 'c' }
const BAND_COLUMNS: Column<BandRow>[] = [
  { key: 'band', label: 'Time waited so far' },
  { key: 'waiting', label: 'Children waiting', format: 'integer' },
];

const longDate = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

export function WaitsSection({ services }: { services: readonly Service[] }) {
  const { waitsBy, setWaitsBy } = useDemandOptions();
  const { data, error, isPlaceholderData } = useWaits();
  const answered = useAnsweredServices(services, isPlaceholderData);
  return (
    <section className="demand-section" aria-labelledby="demand-waits">
      <h2 className="govuk-heading-m" id="demand-waits">Waits for a first contact</h2>
      <p className="govuk-body">
        Weeks from referral to first contact for accepted referrals first seen in the period: the median (half waited
        longer), the 90th percentile (one in ten waited longer), and the percentage seen within 18 weeks with its 95%
        (Wilson) interval. Groups with fewer than 5 children are shown as &ldquo;c&rdquo; and not drawn.
      </p>
      <Radios legend="Compare waits by" value={waitsBy} onChange={setWaitsBy} inline
        choices={[{ value: 'school_type', label: 'School type' }, { value: 'age_phase', label: 'Age phase' }]} />
      {error ? <ErrorSummary title="The waits could not be shown" errors={[{ text: error.message }]} />
        : !data ? <ProgressIndicator message="Measuring waits" />
        // One figure per service of the answer (useAnsweredServices), keyed by its slot (StableSlots): redrawn in place, not afresh.
        : <StableSlots items={answered}>{(service) => {
          const options = { service, by: waitsBy, periodLabel: data.periodLabel };
          const rows: WaitsRow[] = waitsGroups([...data.cells], options).map(({ group, cell }) => {
            const { service: _s, school_type: _t, age_phase: _a, as_of: _d, ...figures } = cell;
            return { group, ...figures };
          });
          const bands: BandRow[] = data.waitingList.filter((b) => b.service === service).map(({ band, waiting }) => ({ band, waiting }));
          const name = LABELS[service] ?? service;
          const asOf = longDate(data.asOf);
          const by = waitsBy === 'school_type' ? 'school type' : 'age phase';
          const file = `${service}-${waitsBy.replace('_', '-')}`.toLowerCase();
          return (
            <div>
              <>
                <ChartFigure headingLevel={3} title={`${name}: weeks waited for a first contact, by ${by}`}
                  caption={`Median and 90th percentile weeks from referral to first contact, ${data.periodLabel}.`}
                  spec={waitWeeksChartSpec([...data.cells], options)} rows={rows} columns={WAITS_COLUMNS(waitsBy)}
                  fileName={`waits-weeks-${file}`} />
                <ChartFigure headingLevel={3} title={`${name}: children seen within 18 weeks, by ${by}`}
                  caption={`Percentage of first contacts within 18 weeks of referral, with 95% Wilson intervals, ${data.periodLabel}.`}
                  spec={waitsChartSpec([...data.cells], options)} rows={rows} columns={WAITS_COLUMNS(waitsBy)}
                  fileName={`waits-18-weeks-${file}`} />
              </>
              <ChartFigure headingLevel={3} title={`${name}: children waiting at ${asOf}, by time waited`}
                caption={`Children still waiting for a first contact at the end of the period (${asOf}), by how long they have waited so far. All school types and ages.`}
                spec={waitingListChartSpec([...data.waitingList], { service, asOfLabel: `at ${asOf}` })}
                rows={bands} columns={BAND_COLUMNS} fileName={`waiting-list-${service.toLowerCase()}`} />
            </div>
          );
        }}</StableSlots>}
      <WaitsOverTime services={services} />
    </section>
  );
}
