// Waits over time: for each service, the % seen within the target, the median wait and the waiting list, month by
// month, as SPC charts with the target and the Making Data Count assurance icon. The target wait is the plan's
// setting (?plan=target:…), so the waits and the capacity answer use the same target.
import { useMemo } from 'react';
import type { WaitsMeasure } from '../../../analytics/waits-over-time.ts';
import { ProgressIndicator } from '../../../app/database-context.tsx';
import { waitsOverTimeSpec } from '../../../charts/waits-over-time-spec.ts';
import { ChartFigure } from '../../../components/ChartFigure.tsx';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import type { Column } from '../../../components/table-columns.ts';
import type { Service } from '../../../contract/index.ts';
import { PLAN_DEFAULTS } from '../../../stats/capacity-plan.ts';
import { usePlanOptions } from '../hooks/use-plan-options.ts';
import { useWaitsOverTime } from '../api/get-waits-over-time.ts';
import { waitsFigureId } from '../lib/key-findings.ts';
import { ASSURANCE_TEXT, AssuranceIcon } from './MdcIcon.tsx';
import { StableSlots, useAnsweredServices } from '../../../components/stable-slots.tsx';

interface Row { month: string; value: number | null; special_cause: string }
const COLUMNS = (m: WaitsMeasure): Column<Row>[] => [
  { key: 'month', label: 'Month', format: 'month' }, { key: 'value', label: m.label, format: 'decimal1' }, { key: 'special_cause', label: 'Variation' },
];

function Measure({ service, m }: { service: string; m: WaitsMeasure }) {
  // Built once per answer, not on every re-render of the view (see SpcSeriesFigure).
  const rows = useMemo(() => m.points.map((p) => ({ month: p.month, value: p.value, special_cause: p.rule === null ? (p.value === null ? 'Not shown' : 'Common cause') : `Special cause, ${p.side === 'low' ? 'lower' : 'higher'}` })), [m]);
  const spec = useMemo(() => waitsOverTimeSpec(service, m), [service, m]);
  const columns = useMemo(() => COLUMNS(m), [m]);
  return (
    <div className="demand-spc-series">
      <ChartFigure title={`${service}: ${m.label}`} headingLevel={3} id={waitsFigureId(service, m.key)} spec={spec} rows={rows} columns={columns}
        fileName={`waits-${service.toLowerCase()}-${m.key}`}
        caption={m.key === 'median_weeks' ? 'Months with fewer than 10 children seen are not shown.' : m.key === 'pct_within' ? 'Of children seen (first contact) in the month; months with fewer than 10 seen are not shown.' : 'Accepted referrals not yet seen on the last day of each month.'} />
      <p className="demand-spc-reading__line">
        {m.assurance ? <><AssuranceIcon kind={m.assurance} /> <strong>Assurance:</strong> {ASSURANCE_TEXT[m.assurance]}.</>
          : m.target === null ? <><strong>Assurance:</strong> none: this measure has no target.</> : <><strong>Assurance:</strong> none: too few months for limits.</>}
      </p>
    </div>
  );
}

export function WaitsOverTime({ services }: { services: readonly Service[] }) {
  const { settings } = usePlanOptions();
  const { data, error, isPlaceholderData } = useWaitsOverTime(settings.targetWeeks);
  const answered = useAnsweredServices(services, isPlaceholderData);
  if (error) return <ErrorSummary title="Waits over time could not be drawn" errors={[{ text: error.message }]} />;
  if (!data) return <ProgressIndicator message="Working out waits over time" />;
  return (
    <div>
      <h3 className="demand-heading-s" id="demand-waits-over-time">Waits over time</h3>
      <p className="govuk-body">Month by month, {data.label}. The target wait is {settings.targetWeeks} weeks (change it under
        &ldquo;Therapists needed, and what if&rdquo;); the pass mark for the share seen within it is {Math.round(PLAN_DEFAULTS.targetShare.value * 100)}%.
        The assurance icon says whether the process limits put the target always within reach (consistently passes), never (consistently fails), or sometimes (hit and miss).</p>
      {/* One figure per service of the answer (useAnsweredServices), keyed by its slot (StableSlots): redrawn in place, not afresh. */}
      <StableSlots items={answered}>{(service) => {
        const s = data.series.find((x) => x.service === service);
        return s ? <div className="demand-multiples">{s.measures.map((m) => <Measure key={m.key} service={service} m={m} />)}</div> : null;
      }}</StableSlots>
    </div>
  );
}
