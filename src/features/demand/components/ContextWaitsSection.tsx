// Published context for the waiting list: % of children waiting more than 18 weeks for SLT and OT at each month
// end, locally (this data set) and as NHS England published it for the area's provider, ICB, region and England.
// Shown side by side on one axis; never combined and never tested against each other (the caveats say why).
import { ContextAreaBar } from '../../../app/ContextAreaBar.tsx';
import { useContextSection } from '../../../app/context-figures.ts';
import { ProgressIndicator } from '../../../app/database-context.tsx';
import { contextLinesSpec, SERVICE_COLOURS, waitsContextLines } from '../../../charts/index.ts';
import { ChartFigure } from '../../../components/ChartFigure.tsx';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { formatMonth, type Column } from '../../../components/table-columns.ts';
import { CAVEATS, type ContextSection } from '../../../context/index.ts';
import { LABELS, type Service } from '../../../contract/index.ts';
import { StableSlots, useAnsweredServices } from '../../../components/stable-slots.tsx';

interface Row { series: string; month: string; waiting: number | 'c' | null; waiting_over_18_weeks: number | 'c' | null; pct_over_18_weeks: number | 'c' | null }
const COLUMNS: Column<Row>[] = [
  { key: 'series', label: 'Series' }, { key: 'month', label: 'Month end', format: 'month' },
  { key: 'waiting', label: 'Children waiting', format: 'integer' },
  { key: 'waiting_over_18_weeks', label: 'Waiting over 18 weeks', format: 'integer' },
  { key: 'pct_over_18_weeks', label: '% waiting over 18 weeks', format: 'decimal1' },
];
const LOCAL = 'This data set (local)';

function WaitsFigures({ context: c, services }: { context: ContextSection; services: readonly Service[] }) {
  const source = c.sources.waits;
  return (
    <>
      <div className="context-caveats">
        <p><strong>Read these as context, not as a like-for-like comparison.</strong></p>
        <ul>
          <li>{CAVEATS.footprint}</li>
          <li>{CAVEATS.stock}</li>
          <li>{CAVEATS.noTest}</li>
        </ul>
      </div>
      {/* One figure per service of the answer (useAnsweredServices), keyed by its slot (StableSlots): redrawn in place, not afresh. */}
      <StableSlots items={services}>{(service) => {
        const local = c.waits_local.filter((p) => p.service === service);
        const rows: Row[] = [
          ...local.map(({ service: _s, ...p }) => ({ series: LOCAL, ...p })),
          ...c.waits_published.filter((r) => r.service === service)
            .map((r) => ({ series: r.series, month: r.month, waiting: r.total_waiting_list, waiting_over_18_weeks: r.over_18_weeks, pct_over_18_weeks: r.pct_over_18_weeks })),
        ];
        const name = LABELS[service] ?? service;
        const months = local.length ? `${formatMonth(local[0]?.month ?? '')} to ${formatMonth(local.at(-1)?.month ?? '')}` : 'none: no month of the loaded data overlaps the published months';
        return (
          <ChartFigure headingLevel={3} title={`${name}: % of the waiting list waiting over 18 weeks, beside published figures`}
            caption={`Solid line: children on this data set's waiting list at each month end (${months}). Dashed lines: NHS England's published figures for the same months. Local months with fewer than 5 children waiting are shown as c.`}
            spec={contextLinesSpec(waitsContextLines(c.waits_published, c.waits_local, service, LOCAL), {
              title: `${name}: % waiting over 18 weeks`, yTitle: '% of waiting list over 18 weeks', xTitle: 'Month end',
              source: 'Source: NHS England, Community Health Services Waiting Lists', subtitle: 'Month-end waiting list, 2023',
              localColour: SERVICE_COLOURS[service],
            })}
            rows={rows} columns={COLUMNS} fileName={`context-waits-${service.toLowerCase()}`} />
        );
      }}</StableSlots>
      <p className="context-source">Source: {source.source}. {source.licence}. &ldquo;% waiting over 18 weeks&rdquo; = 100 × (waiting
        18–52 weeks + waiting over 52 weeks) ÷ total waiting list.</p>
    </>
  );
}

export function ContextWaitsSection({ services }: { services: readonly Service[] }) {
  const query = useContextSection('demand-context-waits');
  const answered = useAnsweredServices(services, query.isPlaceholderData);
  return (
    <section className="demand-section" aria-labelledby="demand-context-waits">
      <h2 className="govuk-heading-m" id="demand-context-waits">Waiting over 18 weeks: published figures for comparison</h2>
      <ContextAreaBar />
      {query.error ? <ErrorSummary title="The published waiting lists could not be shown" errors={[{ text: query.error.message }]} />
        : !query.data ? <ProgressIndicator message="Reading the published waiting lists" />
        : <WaitsFigures context={query.data} services={answered} />}
    </section>
  );
}
