// Section 5: universal programmes — how many schools run one, by school type, and for each school that started one
// part-way through the data, its referral rate before and after against comparison schools, with a verdict in words.
import { useMemo } from 'react';
import type { ProgrammeImpact } from '../../../analytics/index.ts';
import { programmeImpactSpec } from '../../../charts/index.ts';
import { ChartFigure } from '../../../components/ChartFigure.tsx';
import { DataTable } from '../../../components/DataTable.tsx';
import { DownloadCsvButton } from '../../../components/DownloadCsvButton.tsx';
import { formatMonth, type Column } from '../../../components/table-columns.ts';
import { LABELS } from '../../../contract/values.ts';
import { useProgrammeImpact } from '../api/get-programme-impact.ts';
import { useProvisionBySchool } from '../api/get-provision-by-school.ts';
import { universalCoverage, type CoverageRow } from '../universal-coverage.ts';
import { FigureState } from './FigureState.tsx';
import { SchoolLink } from './SchoolLink.tsx';

const COVERAGE_COLUMNS: readonly Column<CoverageRow>[] = [
  { key: 'school_type', label: 'School type' },
  { key: 'schools', label: 'Schools', format: 'integer' },
  { key: 'slt', label: 'Running a universal SLT programme', format: 'integer' },
  { key: 'ot', label: 'Running a universal OT programme', format: 'integer' },
  { key: 'any', label: 'Running either', format: 'integer' },
  { key: 'share', label: 'Share running either', format: 'percent1' },
];

const IMPACT_COLUMNS: readonly Column<ProgrammeImpact>[] = [
  { key: 'adopter_name', label: 'Adopting school' },
  { key: 'adopter_urn', label: 'URN' },
  { key: 'service', label: 'Service' },
  { key: 'programme', label: 'Programme' },
  { key: 'adoption_month', label: 'Adopted', format: 'month' },
  { key: 'adopter_before', label: 'Rate before (per 1,000 a year)', format: 'decimal1' },
  { key: 'adopter_after', label: 'Rate after', format: 'decimal1' },
  { key: 'comparison_schools', label: 'Comparison schools', format: 'integer' },
  { key: 'comparison_before', label: 'Comparison rate before', format: 'decimal1' },
  { key: 'comparison_after', label: 'Comparison rate after', format: 'decimal1' },
  { key: 'ratio', label: 'Ratio of changes (1 = no difference)', format: (v) => (typeof v === 'number' ? v.toFixed(2) : String(v)) },
  { key: 'lower95', label: '95% interval: lower', format: (v) => (typeof v === 'number' ? v.toFixed(2) : String(v)) },
  { key: 'upper95', label: '95% interval: upper', format: (v) => (typeof v === 'number' ? v.toFixed(2) : String(v)) },
  { key: 'verdict', label: 'In words' },
];

function Coverage({ services }: { services: readonly string[] }) {
  const query = useProvisionBySchool();
  return (
    <FigureState query={query} loading="Counting schools with universal programmes" failed="The programme coverage could not be worked out">
      {({ schools }) => {
        if (schools.length === 0) return <p className="govuk-body">No schools match these filters.</p>;
        const columns = COVERAGE_COLUMNS.filter((c) => (c.key === 'slt' ? services.includes('SLT') : c.key === 'ot' ? services.includes('OT') : true));
        const rows = universalCoverage(schools, services);
        return (
          <>
            <DataTable caption="Schools running a universal programme, by school type" rows={rows} columns={columns} />
            <DownloadCsvButton rows={rows} columns={columns} fileName="universal-programme-coverage" label="Download coverage (CSV)" />
          </>
        );
      }}
    </FigureState>
  );
}

function ImpactChart({ impacts, windowMonths }: { impacts: ProgrammeImpact[]; windowMonths: number }) {
  const spec = useMemo(() => programmeImpactSpec(impacts, { periodLabel: `Up to ${windowMonths} months either side of adoption` }), [impacts, windowMonths]);
  return (
    <>
      <ChartFigure
        methods={{ section: 'universal-programmes', name: 'Universal programmes' }}
        headingLevel={3}
        title="Referral rates before and after a school started a universal programme"
        caption={`For each school that started a universal programme during the data, its referrals per 1,000 pupils a year in the ${windowMonths} months before and after it started (top line), beside the same change in comparison schools of the same type and phase that never ran one (bottom line). The ratio of the two changes says whether the school's referrals moved differently from its comparison schools; 1 means no difference.`}
        spec={spec}
        rows={impacts}
        columns={IMPACT_COLUMNS}
        fileName="universal-programme-impact"
      />
      <ul className="equity-flags" aria-label="What changed at each school">
        {impacts.map((i) => (
          <li key={`${i.adopter_urn}|${i.service}|${i.programme}`} className="equity-flags__item">
            <span className="equity-flags__name"><SchoolLink urn={i.adopter_urn} name={i.adopter_name} /></span>
            {' '}<span className="equity-flags__meta">{i.programme} ({LABELS[i.service] ?? i.service}), from {formatMonth(i.adoption_month)}</span>
            <p className="equity-flags__why">{i.verdict}</p>
          </li>
        ))}
      </ul>
    </>
  );
}

export function ProgrammesSection({ services }: { services: readonly string[] }) {
  const impact = useProgrammeImpact();
  return (
    <section className="equity-section" aria-labelledby="equity-programmes">
      <h2 className="govuk-heading-m" id="equity-programmes">Universal programmes</h2>
      <p className="govuk-body">
        Universal programmes (such as Talk Boost or Sensory Circuits) are delivered to whole classes or schools rather than to
        referred children. A school counts as running one if it had any universal sessions in the period.
      </p>
      <Coverage services={services} />
      <FigureState query={impact} loading="Comparing referrals before and after each programme started" failed="The programme impact could not be worked out">
        {({ impacts, windowMonths }) => (impacts.length === 0
          ? <p className="govuk-body">No school started a universal programme part-way through the data, so there is no before and after to compare.</p>
          : <ImpactChart impacts={impacts} windowMonths={windowMonths} />)}
      </FigureState>
    </section>
  );
}
