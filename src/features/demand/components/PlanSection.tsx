// One capacity answer and what-if scenarios (METHODS §8): the FTE in post needed to reach the target by the chosen
// date and then to hold it, reconciled with the FTE in post through the assumptions on screen, and the projected
// waiting list month by month for the current plan, the recommended FTE and the user's scenario. Assumptions and the
// scenario are kept in the address bar (?plan=…) and go into the download with the projection.
import { useState, type FormEvent } from 'react';
import { planService, type PlannedService } from '../../../analytics/scenarios.ts';
import { addMonths } from '../../../analytics/filters.ts';
import { ProgressIndicator } from '../../../app/database-context.tsx';
import { queueProjectionSpec } from '../../../charts/queue-projection-spec.ts';
import { ChartFigure } from '../../../components/ChartFigure.tsx';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { formatMonth, type Column } from '../../../components/table-columns.ts';
import { LABELS, type Service } from '../../../contract/index.ts';
import { DataTable } from '../../../components/DataTable.tsx';
import { DownloadCsvButton } from '../../../components/DownloadCsvButton.tsx';
import { CONTRACTED_HOURS_PER_FTE, PLAN_DEFAULTS, type ReconciliationRow } from '../../../stats/capacity-plan.ts';
import { usePlanData } from '../api/get-plan.ts';
import { fteParam, PLAN_FIELDS, planFieldError, planFieldValue, usePlanOptions } from '../hooks/use-plan-options.ts';
import { capacityGap, planFigureId } from '../lib/key-findings.ts';
import { StableSlots, useAnsweredServices } from '../../../components/stable-slots.tsx';

const one = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

interface ProjectionRow {
  month: string; plan: string; fte: number; waiting: number; waiting_over_target: number; seen: number; pct_within: number | null;
  target_weeks: number; productive_hours: number; indirect_pct: number; hours_per_child: number; growth_pct: number; schools_pct: number;
}

function projectionRows(p: PlannedService, from: string, growthPct: number, schoolsPct: number): ProjectionRow[] {
  return p.projections.flatMap((proj, k) => proj.months.map((m) => ({
    month: addMonths(from, m.step), plan: proj.name, fte: Math.round(proj.fte * 10) / 10,
    waiting: Math.round(m.waiting), waiting_over_target: Math.round(m.waitingOverTarget), seen: Math.round(m.seen),
    pct_within: m.seenWithinTarget === null ? null : m.seenWithinTarget * 100,
    target_weeks: p.input.targetWeeks, productive_hours: p.input.productiveHoursPerFte, indirect_pct: p.input.indirectShare * 100,
    hours_per_child: Math.round(p.input.hoursPerChild * 100) / 100,
    growth_pct: k === 2 ? growthPct : 0, schools_pct: k === 2 ? schoolsPct : 0,
  })));
}

const COLUMNS = (targetWeeks: number): Column<ProjectionRow>[] => [
  { key: 'month', label: 'Month', format: 'month' }, { key: 'plan', label: 'Plan' }, { key: 'fte', label: 'FTE in post', format: 'decimal1' },
  { key: 'waiting', label: 'Children waiting (end of month)', format: 'integer' },
  { key: 'waiting_over_target', label: `Waiting over ${targetWeeks} weeks`, format: 'integer' },
  { key: 'seen', label: 'Seen in the month', format: 'integer' },
  { key: 'pct_within', label: `% seen within ${targetWeeks} weeks`, format: 'decimal1' },
  { key: 'target_weeks', label: 'Assumption: target wait (weeks)', format: 'integer' },
  { key: 'productive_hours', label: 'Assumption: productive hours per FTE a week', format: 'decimal1' },
  { key: 'indirect_pct', label: 'Assumption: % of clinical time on indirect work', format: 'decimal1' },
  { key: 'hours_per_child', label: 'Assumption: direct hours per child', format: 'decimal1' },
  { key: 'growth_pct', label: 'Assumption: extra referral growth a year (%)', format: 'decimal1' },
  { key: 'schools_pct', label: 'Assumption: % of referrals met in schools', format: 'decimal1' },
];

/** The answer in two parts: what is needed (the headline), then how it compares with FTE in post and why. */
export function answerParts(p: PlannedService, to: string): [string, string] {
  const name = p.service;
  const by = formatMonth(addMonths(to, p.input.monthsToTarget));
  const { plan, input } = p;
  const need = `${name}: to reach the ${whole.format(input.targetWeeks)}-week target by ${by} you need ${one.format(plan.fteToReach)} FTE in post, `
    + `then ${one.format(plan.fteToHold)} FTE to hold it.`;
  const judged = capacityGap(p);
  if (input.fteInPost === null || !judged) return [need, 'There is no workforce data to compare with.'];
  const { gap, vacant, side, shortAfterFilling } = judged;
  const direct = input.fteInPost * plan.directHoursPerFte;
  const have = `You have ${one.format(input.fteInPost)} FTE in post${vacant > 0 ? ` and ${one.format(vacant)} vacant` : ''}: `
    + `${side === 'more' ? `${one.format(gap)} FTE more than needed to reach it` : side === 'about' ? 'about what is needed to reach it' : `${one.format(-gap)} FTE short of reaching it`}.`;
  const why = ` At ${one.format(input.productiveHoursPerFte)} productive clinical hours per FTE with ${whole.format(input.indirectShare * 100)}% of them on indirect work, `
    + `they give ${whole.format(direct)} hours a week of direct work, enough for ${one.format(plan.inPostPerWeek ?? 0)} children a week against the ${one.format(plan.reachPerWeek)} a week the target needs`
    + `${plan.fteToReach - plan.fteToHold >= 0.05 ? ` (including ${one.format(plan.fteToReach - plan.fteToHold)} FTE to clear the backlog of ${whole.format(input.waiting)} waiting by ${by})` : ''}.`
    + `${plan.fteToReach - plan.fteToHold < 0.05 && plan.reachPerWeek > 0 ? ` No extra is needed for the backlog: at that rate the ${whole.format(input.waiting)} waiting now are seen, oldest first, within about ${whole.format(input.waiting / plan.reachPerWeek)} weeks.` : ''}`;
  const fill = shortAfterFilling === null ? '' : shortAfterFilling === 0 ? ' Filling the vacant posts would close the gap.' : ` Filling the vacant posts would still leave ${one.format(shortAfterFilling)} FTE short.`;
  return [need, `${have}${why}${fill}`];
}

interface ReconciliationCsvRow { step: string; fte: number | null; hours_per_week: number; children_per_week: number | null }
const RECONCILIATION_COLUMNS: Column<ReconciliationCsvRow>[] = [
  { key: 'step', label: 'Step' }, { key: 'fte', label: 'FTE', format: 'decimal1' },
  { key: 'hours_per_week', label: 'Hours a week', format: 'decimal1' }, { key: 'children_per_week', label: 'Children a week', format: 'decimal1' },
];

/** The reconciliation table: FTE in post → direct work → needed → gap, as numbers (and so in the CSV). */
function Reconciliation({ service, rows, by, input }: { service: string; rows: readonly ReconciliationRow[]; by: string; input: PlannedService['input'] }) {
  const csv = rows.map((r): ReconciliationCsvRow => ({ step: r.step.replace('by the date', `by ${by}`), fte: r.fte, hours_per_week: r.hoursPerWeek, children_per_week: r.childrenPerWeek }));
  return (
    <div className="demand-plan__reconciliation">
      <DataTable caption={`${service}: from FTE in post to FTE needed`} rows={csv} columns={RECONCILIATION_COLUMNS} />
      <p className="demand-plan__note">Hours a week: {CONTRACTED_HOURS_PER_FTE} contracted and {one.format(input.productiveHoursPerFte)} productive clinical hours per FTE, {whole.format(input.indirectShare * 100)}% of
        them on indirect work. Children a week: direct hours ÷ {one.format(input.hoursPerChild)} hours per child. Vacant posts see nobody until they are filled.</p>
      <DownloadCsvButton rows={csv} columns={RECONCILIATION_COLUMNS} fileName={`capacity-${service.toLowerCase()}`} title={`${service}: from FTE in post to FTE needed`}
        header={[
          ['Contracted hours per FTE a week', String(CONTRACTED_HOURS_PER_FTE)], ['Productive clinical hours per FTE a week', String(input.productiveHoursPerFte)],
          ['Share of productive time on indirect work (%)', String(Math.round(input.indirectShare * 100))], ['Direct hours per child', one.format(input.hoursPerChild)],
        ]} label="Download this table (CSV)" />
    </div>
  );
}

function PlanService({ planned, to, growthPct, schoolsPct, options }: { planned: PlannedService; to: string; growthPct: number; schoolsPct: number; options: ReturnType<typeof usePlanOptions> }) {
  const { plan, input } = planned;
  const rows = projectionRows(planned, to, growthPct, schoolsPct);
  const lines = planned.projections.map((proj) => ({ name: proj.name, points: proj.months.map((m) => ({ month: addMonths(to, m.step), waiting: m.waiting, seenWithinTarget: m.seenWithinTarget })) }));
  const all: [string, string, string][] = [
    ['Demand', `${one.format(input.demandPerWeek)} children a week`, 'Accepted referrals a week: the 12-month forecast × the share accepted.'],
    ['Waiting now', `${whole.format(input.waiting)} children`, `Target list size ${whole.format(plan.targetQueue)} (demand × target ÷ 4).`],
    ['To reach the target', `${one.format(plan.reachPerWeek)} children a week`, `The fewest with which the projection below has ${Math.round(PLAN_DEFAULTS.targetShare.value * 100)}% seen within ${whole.format(input.targetWeeks)} weeks within ${input.monthsToTarget} months, and never fewer than to hold it.`],
    ['To hold the target', `${one.format(plan.holdPerWeek)} children a week`, 'Demand plus a margin for variation (NHSRwaitinglist target capacity).'],
    ['Direct hours per FTE', `${one.format(plan.directHoursPerFte)} hours a week`, `${one.format(input.productiveHoursPerFte)} productive clinical hours less ${whole.format(input.indirectShare * 100)}% indirect work.`],
    ['Direct hours per child', `${one.format(input.hoursPerChild)} hours`, 'Specialist and targeted therapist hours ÷ accepted referrals, last 12 months.'],
    ['FTE in post can see', planned.plan.inPostPerWeek === null ? 'no workforce data' : `${one.format(planned.plan.inPostPerWeek)} children a week`, 'FTE in post × direct hours per FTE ÷ direct hours per child. Vacant posts see nobody.'],
  ];
  // With workforce data the reconciliation table shows capacity, hours and FTE; these rows say where the inputs come from.
  const facts = planned.reconciliation ? all.filter(([k]) => k === 'Demand' || k === 'Waiting now' || k === 'Direct hours per child') : all;
  const scenarioId = `plan-fte-${planned.service.toLowerCase()}`;
  const [answer, reason] = answerParts(planned, to);
  return (
    <div className="demand-plan" data-service={planned.service} id={planFigureId(planned.service)}>
      <h3 className="demand-heading-s">{LABELS[planned.service] ?? planned.service}</h3>
      <p className="demand-plan__answer" role="status"><strong>{answer}</strong> {reason}</p>
      {planned.reconciliation && <Reconciliation service={planned.service} rows={planned.reconciliation} input={input} by={formatMonth(addMonths(to, input.monthsToTarget))} />}
      <dl className="govuk-summary-list demand-summary-list">
        {facts.map(([k, v, how]) => (
          <div className="govuk-summary-list__row demand-summary-list__row" key={k}>
            <dt className="govuk-summary-list__key">{k}</dt>
            <dd className="govuk-summary-list__value"><span className="demand-summary-list__figure">{v}</span><span className="demand-summary-list__how">{how}</span></dd>
          </div>
        ))}
      </dl>
      <div className="demand-button-group">
        <label htmlFor={scenarioId}>Scenario: FTE in post</label>
        <input id={scenarioId} className="govuk-input govuk-input--width-5" inputMode="decimal" defaultValue={options.raw(fteParam(planned.service)) ?? ''}
          placeholder={input.fteInPost === null ? '' : one.format(input.fteInPost)} key={options.raw(fteParam(planned.service)) ?? 'none'}
          onBlur={(e) => options.set(fteParam(planned.service), /^\d+(\.\d+)?$/.test(e.target.value.trim()) ? e.target.value.trim() : undefined)} />
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => options.set(fteParam(planned.service), plan.fteToReach.toFixed(1))}>Use the recommended {one.format(plan.fteToReach)} FTE</button>
        {input.fteInPost !== null && (input.fteVacant ?? 0) > 0 && (
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => options.set(fteParam(planned.service), ((input.fteInPost ?? 0) + (input.fteVacant ?? 0)).toFixed(1))}>
            Fill the vacant posts ({one.format((input.fteInPost ?? 0) + (input.fteVacant ?? 0))} FTE)
          </button>
        )}
      </div>
      <ul className="demand-plan__outcomes">
        {planned.projections.map((proj) => (
          <li key={proj.name}><strong>{proj.name} ({one.format(proj.fte)} FTE):</strong>{' '}
            {proj.targetMetFrom === null ? `the target (${Math.round(PLAN_DEFAULTS.targetShare.value * 100)}% seen within ${whole.format(input.targetWeeks)} weeks) is not met by the end of the projection`
              : `${Math.round(PLAN_DEFAULTS.targetShare.value * 100)}% or more seen within ${whole.format(input.targetWeeks)} weeks from ${formatMonth(addMonths(to, proj.targetMetFrom))}`}
            ; {whole.format(proj.months.at(-1)?.waiting ?? 0)} waiting at the end.</li>
        ))}
      </ul>
      {planned.hiddenBands > 0 && <p className="govuk-body">{planned.hiddenBands} wait band{planned.hiddenBands === 1 ? ' has' : 's have'} 1–4 children (shown as c): each is taken as 2.5 in the projection.</p>}
      <ChartFigure title={`${LABELS[planned.service] ?? planned.service}: projected waiting list`} headingLevel={3}
        caption="First come, first served, month by month, from the forecast demand and the list now by weeks waited. Checked against a simulation of individual children in the tests."
        spec={queueProjectionSpec(planned.service, lines, plan.targetQueue, input.targetWeeks)} rows={rows} columns={COLUMNS(input.targetWeeks)}
        fileName={`scenario-${planned.service.toLowerCase()}`} />
    </div>
  );
}

export function PlanSection({ services }: { services: readonly Service[] }) {
  const options = usePlanOptions();
  const { data, error, isPlaceholderData } = usePlanData(options.settings.targetWeeks);
  const answered = useAnsweredServices(services, isPlaceholderData);
  const [errors, setErrors] = useState<{ text: string; href: string; param: string }[]>([]);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const found = PLAN_FIELDS.flatMap((field) => {
      const message = planFieldError(field, String(form.get(field.param) ?? ''));
      return message ? [{ text: message, href: `#plan-${field.param}`, param: field.param }] : [];
    });
    setErrors(found);
    if (found.length) return;
    options.setMany(Object.fromEntries(PLAN_FIELDS.map((field) => [field.param, planFieldValue(field, String(form.get(field.param) ?? ''))])));
  };
  const errorOf = (param: string) => errors.find((e) => e.param === param)?.text;
  return (
    <section className="demand-section" aria-labelledby="demand-plan">
      <h2 className="govuk-heading-m" id="demand-plan">Therapists needed, and what if</h2>
      <p className="govuk-body">One answer per service, from the forecast demand, the waiting list now and the target. The FTE needed is
        compared with the FTE in post through the assumptions below, each with its default. Change them, or try a scenario, and the
        projection shows the waiting list month by month beside the current plan.</p>
      {errors.length > 0 && <ErrorSummary errors={errors.map(({ text, href }) => ({ text, href }))} />}
      <form className="demand-capacity__form" onSubmit={submit} noValidate key={JSON.stringify(options.settings)}>
        {PLAN_FIELDS.map((field) => {
          const id = `plan-${field.param}`;
          const message = errorOf(field.param);
          return (
            <div className={message ? 'govuk-form-group govuk-form-group--error' : 'govuk-form-group'} key={field.param}>
              <label className="govuk-label" htmlFor={id}>{field.label} ({field.unit})</label>
              <p className="govuk-hint" id={`${id}-hint`}>{field.hint}</p>
              {message && <p className="govuk-error-message" id={`${id}-error`}><span className="govuk-visually-hidden">Error:</span> {message}</p>}
              <input className={message ? 'govuk-input govuk-input--width-5 govuk-input--error' : 'govuk-input govuk-input--width-5'} id={id} name={field.param} inputMode="decimal"
                aria-describedby={`${id}-hint${message ? ` ${id}-error` : ''}`} aria-invalid={message ? true : undefined}
                defaultValue={options.raw(field.param) ?? String(field.defaultValue)} />
            </div>
          );
        })}
        <div className="demand-button-group">
          <button type="submit" className="govuk-button">Update the plan</button>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => { setErrors([]); options.reset(); }}>Back to the defaults</button>
        </div>
      </form>
      {error ? <ErrorSummary title="The plan could not be worked out" errors={[{ text: error.message }]} />
        : !data ? <ProgressIndicator message="Working out the plan" />
        // One figure per service of the answer (useAnsweredServices), keyed by its slot (StableSlots): redrawn in place, not afresh.
        : <StableSlots items={answered}>{(service) => {
          const workforce = data.plans.find((p) => p.service === service);
          const scenario = options.scenario(service);
          const planned = workforce ? planService(workforce, data.bands, options.settings, scenario) : null;
          return planned
            ? <PlanService planned={planned} to={data.to} options={options}
                growthPct={scenario.growthPerYear * 100} schoolsPct={scenario.schoolShare * 100} />
            : <p className="govuk-body">No plan for {(LABELS[service] ?? service).toLowerCase()}: no referrals, or the waiting list has 1–4 children.</p>;
        }}</StableSlots>}
    </section>
  );
}
