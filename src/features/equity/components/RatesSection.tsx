// Section 1: the heat table of referral rates by school type × age phase, one per service, with the cells that are
// much higher or much lower than the area listed under each, each with the rule and interval that flagged it.
import { useMemo } from 'react';
import type { RateCell } from '../../../analytics/index.ts';
import { periodLabel } from '../../../app/figures.ts';
import { rateHeatmapSpec, rateIntervalRows, rateIntervalsSpec } from '../../../charts/index.ts';
import { ChartFigure } from '../../../components/ChartFigure.tsx';
import type { Column } from '../../../components/table-columns.ts';
import { AGE_PHASES, LABELS, SCHOOL_TYPES } from '../../../contract/values.ts';
import { useRatesByTypePhase } from '../api/get-rates-by-type-phase.ts';
import { FigureState } from './FigureState.tsx';
import { FlagTable, type Flag } from './FlagTable.tsx';
import { FigureNotes } from '../../../components/FigureNotes.tsx';
import { ratesFigureId } from '../lib/key-findings.ts';
import { StableSlots, useAnsweredServices } from '../../../components/stable-slots.tsx';

interface RateRow {
  school_type: string; age_phase: string; referrals: number | 'c'; pupils: number;
  rate: number | null | 'c'; lower95: number | null | 'c'; upper95: number | null | 'c';
  adjusted_rate: number | null | 'c'; ratio: number | null | 'c';
  compared_with: string; comparison: string; explanation: string;
}

const COLUMNS: readonly Column<RateRow>[] = [
  { key: 'school_type', label: 'School type' },
  { key: 'age_phase', label: 'Age phase' },
  { key: 'referrals', label: 'Referrals', format: 'integer' },
  { key: 'pupils', label: 'Pupils', format: 'integer' },
  { key: 'rate', label: 'Referrals per 1,000 pupils a year (crude)', format: 'decimal1' },
  { key: 'lower95', label: '95% interval: lower', format: 'decimal1' },
  { key: 'upper95', label: '95% interval: upper', format: 'decimal1' },
  { key: 'adjusted_rate', label: 'Adjusted for age mix (per 1,000)', format: 'decimal1' },
  { key: 'ratio', label: 'Ratio to expected for age mix', format: 'decimal2' },
  { key: 'compared_with', label: 'Compared with' },
  { key: 'comparison', label: 'Comparison' },
  { key: 'explanation', label: 'Why' },
];

interface IntervalRow { group: string; value: number; lower95: number; upper95: number; lower998: number; upper998: number; comparison: string; benchmark_text: string }
const INTERVAL_COLUMNS: readonly Column<IntervalRow>[] = [
  { key: 'group', label: 'School type and age phase' },
  { key: 'value', label: 'Ratio to benchmark', format: 'decimal2' },
  { key: 'lower95', label: '95% interval: lower', format: 'decimal2' },
  { key: 'upper95', label: '95% interval: upper', format: 'decimal2' },
  { key: 'lower998', label: '99.8% interval: lower', format: 'decimal2' },
  { key: 'upper998', label: '99.8% interval: upper', format: 'decimal2' },
  { key: 'benchmark_text', label: 'Benchmark' },
  { key: 'comparison', label: 'Comparison' },
];

const FLAGGED = ['much higher', 'much lower'];
const typeName = (t: string | null) => (t === null ? 'All school types' : LABELS[t] ?? t);
const groupName = (c: RateCell) => `${c.school_type === null ? 'All settings' : `${LABELS[c.school_type] ?? c.school_type} settings`}, `
  + `${c.age_phase === null ? 'all ages' : `${(LABELS[c.age_phase] ?? c.age_phase).toLowerCase()} age`}`;
/** Reading order of the heat table: types top to bottom, phases left to right, the "all" margins last. */
const rank = (list: readonly string[], value: string | null) => (value === null ? list.length + 1 : list.includes(value) ? list.indexOf(value) : list.length);
const byPosition = (a: RateCell, b: RateCell) =>
  rank(SCHOOL_TYPES, a.school_type) - rank(SCHOOL_TYPES, b.school_type) || rank(AGE_PHASES, a.age_phase) - rank(AGE_PHASES, b.age_phase);

function flagsOf(cells: RateCell[]): Flag[] {
  return cells.filter((c) => FLAGGED.includes(String(c.comparison))).sort(byPosition).map((c) => ({
    key: `${c.school_type}|${c.age_phase}`, name: groupName(c), comparison: String(c.comparison), tag: String(c.comparison), why: c.explanation,
  }));
}

function rowsOf(cells: RateCell[]): RateRow[] {
  return cells.map((c) => ({
    school_type: typeName(c.school_type), age_phase: c.age_phase === null ? 'All ages' : LABELS[c.age_phase] ?? c.age_phase,
    referrals: c.referrals, pupils: c.pupils, rate: c.rate, lower95: c.lower95, upper95: c.upper95,
    adjusted_rate: c.kind === 'type, all ages' ? c.adjusted_rate : null, ratio: c.kind === 'type, all ages' ? c.ratio : null,
    compared_with: c.compared_with,
    comparison: c.kind === 'area' ? 'not compared (crude)' : c.kind === 'phase benchmark' ? 'benchmark' : c.comparison,
    explanation: c.explanation,
  }));
}

function ServiceHeatTable({ service, cells, period }: { service: string; cells: RateCell[]; period: string }) {
  const own = useMemo(() => cells.filter((c) => c.service === service), [cells, service]);
  const spec = useMemo(() => rateHeatmapSpec(own, { service, periodLabel: period }), [own, service, period]);
  const rows = useMemo(() => rowsOf(own), [own]);
  const flags = useMemo(() => flagsOf(own), [own]);
  const intervalSpec = useMemo(() => rateIntervalsSpec(own, { service, periodLabel: period }), [own, service, period]);
  const intervalRows = useMemo(() => rateIntervalRows(own, service), [own, service]);
  const name = LABELS[service] ?? service;
  return (
    <div className="equity-service">
      <ChartFigure
        methods={{ section: 'comparing-a-group-with-the-area', name: 'Comparing a group with the area' }}
        id={ratesFigureId(service)}
        minWidth={640}
        headingLevel={3}
        title={`${name}: referral rates by school type and age`}
        caption={`Each cell is the number of ${name.toLowerCase()} referrals per 1,000 pupils a year for that school type and age phase, ${period}. Like for like: each cell is compared with all school types at the same age (its column's "All types" cell, the benchmark); a school type's "All ages" cell shows its rate adjusted for age mix and compares its referrals with those expected at the area's rate for each age phase. The word in each cell says the comparison, so colour is not needed to read it. "c" means fewer than 5 referrals, hidden to protect children's privacy.`}
        spec={spec}
        rows={rows}
        columns={COLUMNS}
        fileName={`referral-rates-${service.toLowerCase()}`}
      />
      <ChartFigure
        headingLevel={3}
        title={`${name}: rates against like-for-like benchmarks, with intervals`}
        caption={`Each school type and age phase as a ratio to its benchmark (1 = the same as all school types at that age; "all ages" rows: referrals ÷ those expected for the type's age mix), with its 95% interval (thick) and 99.8% interval (thin). A thick bar that misses the line at 1 is "higher" or "lower"; a thin bar that misses it too is "much higher" or "much lower". Groups hidden (c) or with no pupils are left out.`}
        spec={intervalSpec}
        rows={intervalRows}
        columns={INTERVAL_COLUMNS}
        fileName={`rate-intervals-${service.toLowerCase()}`}
      />
      {flags.length === 0 ? (
        <p className="govuk-body">No school type or age phase is much higher or much lower than its like-for-like benchmark for {name.toLowerCase()} (none has its benchmark outside its 99.8% interval).</p>
      ) : (
        <FigureNotes summary={`Why ${flags.length} ${flags.length === 1 ? 'group is' : 'groups are'} flagged much higher or much lower`}>
          <FlagTable caption={`${name}: groups much higher or much lower than their like-for-like benchmark (${flags.length})`} nameHeader="School type and age phase" flags={flags} />
        </FigureNotes>
      )}
    </div>
  );
}

export function RatesSection({ services }: { services: readonly string[] }) {
  const query = useRatesByTypePhase();
  const answered = useAnsweredServices(services, query.isPlaceholderData);
  return (
    <section className="equity-section" aria-labelledby="equity-rates">
      <h2 className="govuk-heading-m" id="equity-rates">Referral rates by school type and age</h2>
      <FigureNotes summary="How the rates are compared: like with like">
      <p className="govuk-body">
        Referral rates fall steeply with age, so each group is compared like with like, the way public health profiles
        (Fingertips) do: a school type at one age phase against all school types at the same age; a school type at all
        ages through the referrals expected for its pupils&apos; ages. If the benchmark lies inside a group&apos;s 95%
        confidence interval the group is <em>similar</em>; outside the 95% but inside the 99.8% interval it is{' '}
        <em>higher</em> or <em>lower</em>; outside the 99.8% interval it is <em>much higher</em> or <em>much lower</em>.
        Higher is not better or worse: it shows where access differs. The school type and age phase filters do not apply
        here, because the table already breaks the area down by both; the service, locality and period filters do.
      </p>
      </FigureNotes>
      <FigureState query={query} loading="Working out referral rates" failed="The referral rates could not be worked out">
        {({ cells, period }) => {
          const shown = answered.filter((s) => cells.some((c) => c.service === s));
          if (shown.length === 0) return <p className="govuk-body">No pupils or referrals match these filters. Try clearing some of them.</p>;
          // One figure per service of the answer (useAnsweredServices), keyed by its slot (StableSlots): redrawn in place, not afresh.
          return <StableSlots items={shown}>{(s) => <ServiceHeatTable service={s} cells={cells} period={periodLabel(period)} />}</StableSlots>;
        }}
      </FigureState>
    </section>
  );
}
