// Published context on EHC plans for the area's local authority, its region and England (DfE): the share of plans
// whose primary need is speech, language and communication (SLCN), the age gradient of new plans, and how many new
// plans were issued within 20 weeks. Published figures only: this data set holds referrals, not EHC plans.
import { ContextAreaBar } from '../../../app/ContextAreaBar.tsx';
import { useContextSection } from '../../../app/context-figures.ts';
import { contextLinesSpec, slcnAgeLines, timelinessLines } from '../../../charts/index.ts';
import { ChartFigure } from '../../../components/ChartFigure.tsx';
import type { Column } from '../../../components/table-columns.ts';
import { CAVEATS, type ContextSection, type SlcnShare, type TimelinessRow } from '../../../context/index.ts';
import { FigureState } from './FigureState.tsx';

const number = new Intl.NumberFormat('en-GB');
const SLCN_COLUMNS: Column<SlcnShare>[] = [
  { key: 'area', label: 'Area' }, { key: 'age', label: 'Age' }, { key: 'ehc_plans', label: 'New EHC plans', format: 'integer' },
  { key: 'slcn', label: 'SLCN primary need', format: 'integer' }, { key: 'slcn_pct', label: '% SLCN', format: 'decimal1' },
];
const TIMELY_COLUMNS: Column<TimelinessRow>[] = [
  { key: 'area', label: 'Area' }, { key: 'year', label: 'Year' }, { key: 'new_plans', label: 'New EHC plans', format: 'integer' },
  { key: 'pct_within_20_weeks', label: '% issued within 20 weeks', format: 'decimal1' },
];

function EhcpFigures({ context: c }: { context: ContextSection }) {
  const all = c.slcn_share.filter((s) => s.release === 'all_plans' && s.age === 'All ages');
  const newByAge = c.slcn_share.filter((s) => s.release === 'new_plans' && s.age !== 'All ages');
  return (
    <>
      <div className="context-caveats">
        <p>{CAVEATS.ehcp} The figures below are the DfE&apos;s for the whole local authority, shown for context; no
          local figure is worked out from them and none is tested against them.</p>
      </div>
      <h3 className="context-heading">EHC plans with SLCN as the primary need, January 2025</h3>
      <div className="context-headline">
        {all.map((s) => (
          <p key={s.area} className="context-headline__item context-headline__item--published">
            <span className="context-headline__value">{s.slcn_pct?.toFixed(1)}%</span>
            {s.area}: {number.format(s.slcn)} of {number.format(s.ehc_plans)} EHC plans
          </p>
        ))}
      </div>
      {all.length < 2 && <p className="govuk-body">The shipped DfE file has no figure for {c.area.la}.</p>}
      <ChartFigure headingLevel={3} title="SLCN share of new EHC plans by age, 2024"
        caption="Percentage of new EHC plans issued in 2024 whose primary need is speech, language and communication, by the child's age. Compare with the age gradient of referral rates above: SLCN dominates new plans in the early years."
        spec={contextLinesSpec(slcnAgeLines(c.slcn_share, 'new_plans'), {
          title: 'SLCN share of new EHC plans, by age', yTitle: '% with SLCN as primary need', xTitle: 'Age (years)',
          source: 'Source: DfE, Education, health and care plans 2025 (new plans, calendar year 2024)',
        })}
        rows={newByAge} columns={SLCN_COLUMNS} fileName="context-slcn-new-plans-by-age" />
      <ChartFigure headingLevel={3} title="New EHC plans issued within 20 weeks"
        caption="Percentage of new EHC plans issued within the statutory 20 weeks, by calendar year, for the local authority, its region and England."
        spec={contextLinesSpec(timelinessLines(c.ehcp_timeliness), {
          title: 'New EHC plans issued within 20 weeks', yTitle: '% issued within 20 weeks', xTitle: 'Calendar year',
          source: 'Source: DfE SEN2, via the DfE SEND and AP Inclusion Dashboard',
        })}
        rows={c.ehcp_timeliness} columns={TIMELY_COLUMNS} fileName="context-ehcp-timeliness" />
      <p className="context-source">Sources: {c.sources.ehcp_need.source}; {c.sources.timeliness.source}. {c.sources.ehcp_need.licence}.</p>
    </>
  );
}

export function ContextEhcpSection() {
  const query = useContextSection('equity-context-ehcp');
  return (
    <section className="context-section" aria-labelledby="equity-context-ehcp">
      <h2 className="govuk-heading-m" id="equity-context-ehcp">EHC plans: published figures for comparison</h2>
      <ContextAreaBar />
      <FigureState query={query} loading="Reading the published EHC plan figures" failed="The published EHC plan figures could not be shown">
        {(c) => <EhcpFigures context={c} />}
      </FigureState>
    </section>
  );
}
