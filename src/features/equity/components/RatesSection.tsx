// Section 1: the heat table of referral rates by school type × age phase, one per service, with the cells that are
// much higher or much lower than the area listed under each, each with the rule and interval that flagged it.
import { useMemo } from 'react';
import type { RateCell } from '../../../analytics/index.ts';
import { periodLabel } from '../../../app/figures.ts';
import { rateHeatmapSpec } from '../../../charts/index.ts';
import { ChartFigure } from '../../../components/ChartFigure.tsx';
import type { Column } from '../../../components/table-columns.ts';
import { AGE_PHASES, LABELS, SCHOOL_TYPES } from '../../../contract/values.ts';
import { useRatesByTypePhase } from '../api/get-rates-by-type-phase.ts';
import { FigureState } from './FigureState.tsx';
import { FlagTable, type Flag } from './FlagTable.tsx';
import { FigureNotes } from '../../../components/FigureNotes.tsx';
import { ratesFigureId } from '../lib/key-findings.ts';

interface RateRow {
  school_type: string; age_phase: string; referrals: number | 'c'; pupils: number | 'c';
  rate: number | null | 'c'; lower95: number | null | 'c'; upper95: number | null | 'c';
  comparison: string; explanation: string;
}

const COLUMNS: readonly Column<RateRow>[] = [
  { key: 'school_type', label: 'School type' },
  { key: 'age_phase', label: 'Age phase' },
  { key: 'referrals', label: 'Referrals', format: 'integer' },
  { key: 'pupils', label: 'Pupils', format: 'integer' },
  { key: 'rate', label: 'Referrals per 1,000 pupils a year', format: 'decimal1' },
  { key: 'lower95', label: '95% interval: lower', format: 'decimal1' },
  { key: 'upper95', label: '95% interval: upper', format: 'decimal1' },
  { key: 'comparison', label: 'Compared with the area' },
  { key: 'explanation', label: 'Why' },
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
    comparison: c.school_type === null && c.age_phase === null ? 'area benchmark' : c.comparison,
    explanation: c.explanation,
  }));
}

function ServiceHeatTable({ service, cells, period }: { service: string; cells: RateCell[]; period: string }) {
  const own = useMemo(() => cells.filter((c) => c.service === service), [cells, service]);
  const spec = useMemo(() => rateHeatmapSpec(own, { service, periodLabel: period }), [own, service, period]);
  const rows = useMemo(() => rowsOf(own), [own]);
  const flags = useMemo(() => flagsOf(own), [own]);
  const name = LABELS[service] ?? service;
  return (
    <div className="equity-service">
      <ChartFigure
        methods={{ section: 'comparing-a-group-with-the-area', name: 'Comparing a group with the area' }}
        id={ratesFigureId(service)}
        minWidth={640}
        headingLevel={3}
        title={`${name}: referral rates by school type and age`}
        caption={`Each cell is the number of ${name.toLowerCase()} referrals per 1,000 pupils a year for that school type and age phase, ${period}, and how it compares with the whole area (the "All types, All ages" cell). The word in each cell says the comparison, so colour is not needed to read it. "c" means the figure is hidden because it rests on fewer than 5 referrals or pupils.`}
        spec={spec}
        rows={rows}
        columns={COLUMNS}
        fileName={`referral-rates-${service.toLowerCase()}`}
      />
      {flags.length === 0 ? (
        <p className="body">No school type or age phase is much higher or much lower than the area for {name.toLowerCase()} (none has the area rate outside its 99.8% interval).</p>
      ) : (
        <FigureNotes summary={`Why ${flags.length} ${flags.length === 1 ? 'group is' : 'groups are'} flagged much higher or much lower`}>
          <FlagTable caption={`${name}: groups much higher or much lower than the area (${flags.length})`} nameHeader="School type and age phase" flags={flags} />
        </FigureNotes>
      )}
    </div>
  );
}

export function RatesSection({ services }: { services: readonly string[] }) {
  const query = useRatesByTypePhase();
  return (
    <section className="equity-section" aria-labelledby="equity-rates">
      <h2 className="heading-m" id="equity-rates">Referral rates by school type and age</h2>
      <FigureNotes summary="How the rates are compared with the area">
      <p className="body">
        Rates are compared with the area the way public health profiles (Fingertips) do: if the area rate lies inside a
        group&apos;s 95% confidence interval the group is <em>similar</em>; outside the 95% but inside the 99.8% interval it
        is <em>higher</em> or <em>lower</em>; outside the 99.8% interval it is <em>much higher</em> or <em>much lower</em>.
        Higher is not better or worse: it shows where access differs. The school type and age phase filters do not apply
        here, because the table already breaks the area down by both.
      </p>
      </FigureNotes>
      <FigureState query={query} loading="Working out referral rates" failed="The referral rates could not be worked out">
        {({ cells, period }) => {
          const shown = services.filter((s) => cells.some((c) => c.service === s));
          if (shown.length === 0) return <p className="body">No pupils or referrals match these filters. Try clearing some of them.</p>;
          return shown.map((s) => <ServiceHeatTable key={s} service={s} cells={cells} period={periodLabel(period)} />);
        }}
      </FigureState>
    </section>
  );
}
