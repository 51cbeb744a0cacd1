// The calculator's results for one service, each with how it was worked out (METHODS §8), and a CSV of them.
// When the waiting list is suppressed ("c", 1–4 children), every figure that would reveal it is shown as "c" too.
import type { WorkforcePlan } from '../../../analytics/index.ts';
import { DownloadCsvButton } from '../../../components/DownloadCsvButton.tsx';
import type { Column } from '../../../components/table-columns.ts';
import type { Service } from '../../../contract/index.ts';
import { CAPACITY_DEFAULTS } from '../../../stats/index.ts';
import { WEEKS_PER_MONTH } from '../../../analytics/workforce.ts';

interface ResultRow {
  measure: string;
  value: string;
  how: string;
}

const COLUMNS: Column<ResultRow>[] = [
  { key: 'measure', label: 'Measure' },
  { key: 'value', label: 'Value' },
  { key: 'how', label: 'How it is worked out' },
];

const fmt = (digits: number) => new Intl.NumberFormat('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const one = (v: number) => fmt(1).format(v);
const two = (v: number) => fmt(2).format(v);
const whole = (v: number) => fmt(0).format(v);
const pct = (v: number) => `${fmt(0).format(v * 100)}%`;

/** Rows in reading order; exported for the CSV and tests. */
export function resultRows(plan: WorkforcePlan, locality: string | null = null): ResultRow[] {
  const a = plan.assumptions;
  const hidden = plan.waiting === 'c';
  const c = 'c (fewer than 5 waiting)';
  const meanWait = typeof plan.waiting === 'number' && plan.demandPerWeek > 0 ? plan.waiting / plan.demandPerWeek : null;
  const targetMean = a.targetWaitWeeks / CAPACITY_DEFAULTS.factor.value;
  const staffSource = locality === null
    ? 'From the workforce table, latest month in the period.'
    : `From the workforce table, latest month in the period: the whole service, as the table has no locality, so not comparable with the ${locality} figures above.`;
  const rows: ResultRow[] = [
    {
      measure: 'Demand', value: `${one(plan.demandPerWeek)} accepted referrals a week`,
      how: `Average of the 12-month forecast × ${pct(plan.acceptedShare)} accepted (last 12 months) ÷ ${two(WEEKS_PER_MONTH)} weeks a month.`,
    },
    {
      measure: 'Children waiting at the end of the period', value: hidden ? c : `${whole(plan.waiting as number)} children`,
      how: `Target queue: ${whole(plan.targetQueue)} children (demand × target mean wait of ${one(targetMean)} weeks, the target ÷ ${CAPACITY_DEFAULTS.factor.value}).`,
    },
    {
      measure: 'Target capacity', value: `${one(plan.targetCapacityPerWeek)} referrals a week (${whole(plan.targetCapacityPerWeek * plan.hoursPerReferral)} therapist hours)`,
      how: `Demand + (cv of demand² + cv of capacity²) ÷ 2 × ${CAPACITY_DEFAULTS.factor.value} ÷ target wait; cv of demand ${two(plan.cvDemand)} (last 12 months), cv of capacity ${two(a.cvCapacity)}. Keeps the mean wait at ${one(targetMean)} weeks, so about 98% are seen within ${whole(a.targetWaitWeeks)} weeks.`,
    },
    {
      measure: 'Relief capacity', value: hidden ? c : `${one(plan.reliefCapacityPerWeek as number)} referrals a week (${whole((plan.reliefCapacityPerWeek as number) * plan.hoursPerReferral)} therapist hours)`,
      how: `Demand + (children waiting − target queue) ÷ ${CAPACITY_DEFAULTS.reliefWeeks.value} weeks: brings the queue down to its target within six months.`,
    },
    {
      measure: 'Pressure', value: hidden ? c : `${two(plan.pressure as number)}: ${(plan.pressure as number) > 1 ? 'above 1, so the target will probably be missed' : 'at or below 1, so the target can be met'}`,
      how: `2 × mean wait ÷ target wait, with mean wait = children waiting ÷ demand a week${meanWait === null ? '' : ` (${one(meanWait)} weeks)`}. Above 1: the ${whole(a.targetWaitWeeks)}-week target will probably be missed.`,
    },
    {
      measure: 'Hours per accepted referral', value: `${two(plan.hoursPerReferral)} hours`,
      how: `${plan.hoursPerReferralSource.charAt(0).toUpperCase()}${plan.hoursPerReferralSource.slice(1)}.`,
    },
    {
      measure: 'FTE needed to meet the target', value: `${one(plan.fteForTarget)} FTE`,
      how: `Target capacity × hours per referral ÷ ${one(a.productiveHoursPerFte)} productive hours per FTE a week.`,
    },
    {
      measure: 'FTE needed to clear the queue (relief)', value: hidden ? c : `${one(plan.fteForRelief as number)} FTE`,
      how: `Relief capacity × hours per referral ÷ ${one(a.productiveHoursPerFte)} productive hours per FTE a week.`,
    },
    {
      measure: 'FTE in post', value: plan.fteInPost === null ? 'not given' : `${one(plan.fteInPost)} FTE`,
      how: plan.fteInPost === null ? 'The workforce table is not loaded or has no rows for this service in the period.' : staffSource,
    },
    {
      measure: 'FTE vacant', value: plan.fteVacant === null ? 'not given' : `${one(plan.fteVacant)} FTE`,
      how: plan.fteVacant === null ? 'The workforce table is not loaded or has no rows for this service in the period.' : staffSource,
    },
  ];
  return rows;
}

interface Props {
  readonly service: Service;
  readonly plan: WorkforcePlan | null;
  readonly updating: boolean;
  /** The locality filter: demand is for it, the workforce is not, so the two are then not compared. */
  readonly locality: string | null;
}

export function CapacityResults({ service, plan, updating, locality }: Props) {
  if (!plan) return <p className="govuk-body">No referrals for this service in the last 12 months of the period: nothing to plan from.</p>;
  const rows = resultRows(plan, locality);
  const a = plan.assumptions;
  const gap = (needed: number) => {
    if (plan.fteInPost === null || locality !== null) return null;
    const d = plan.fteInPost - needed;
    return `${one(Math.abs(d))} FTE ${d >= 0 ? 'more' : 'fewer'} than needed`;
  };
  const gapTarget = gap(plan.fteForTarget);
  const gapRelief = typeof plan.fteForRelief === 'number' ? gap(plan.fteForRelief) : null;
  return (
    <div className="demand-capacity__results">
      <p className="demand-capacity__status" role="status">
        {updating ? 'Recalculating… ' : ''}Results for a target of {whole(a.targetWaitWeeks)} weeks, {one(a.productiveHoursPerFte)} productive
        hours per FTE, {a.hoursPerReferral === null ? 'hours per referral derived from the data' : `${two(a.hoursPerReferral)} hours per referral`} and
        a capacity variability of {two(a.cvCapacity)}.
      </p>
      <dl className="govuk-summary-list demand-summary-list">
        {rows.map((row) => (
          <div className="govuk-summary-list__row demand-summary-list__row" key={row.measure}>
            <dt className="govuk-summary-list__key">{row.measure}</dt>
            <dd className="govuk-summary-list__value">
              <span className="demand-summary-list__figure">{row.value}</span>
              <span className="demand-summary-list__how">{row.how}</span>
            </dd>
          </div>
        ))}
      </dl>
      {(gapTarget || gapRelief) && (
        <p className="govuk-body">
          <strong>Against FTE in post:</strong> these FTE count productive clinical hours only, all spent on children on the
          list: {gapTarget} to meet the target{gapRelief ? `; ${gapRelief} to clear the queue within ${CAPACITY_DEFAULTS.reliefWeeks.value} weeks` : ''}.
          FTE in post also spend time on indirect work, so compare them with the answer in <a href="#demand-plan">Therapists needed, and what if</a>, which allows for it.
          {plan.fteInPost !== null && plan.fteVacant !== null && plan.fteVacant > 0 ? ` In post and vacant together (the funded posts): ${one(plan.fteInPost + plan.fteVacant)} FTE.` : ''}
        </p>
      )}
      <DownloadCsvButton rows={rows} columns={COLUMNS} fileName={`capacity-${service.toLowerCase()}`} label="Download these results (CSV)" />
    </div>
  );
}
