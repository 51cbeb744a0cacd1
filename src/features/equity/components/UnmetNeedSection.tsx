// Section 4: possible unmet need — schools whose need is in the area's top quarter while the therapist hours they
// receive are in its bottom quarter — beside the expected need from editable prevalence assumptions.
import { useMemo, useState } from 'react';
import type { ProvisionSchool } from '../../../analytics/index.ts';
import { periodLabel } from '../../../app/figures.ts';
import { ChartFigure } from '../../../components/ChartFigure.tsx';
import { DataTable } from '../../../components/DataTable.tsx';
import { DownloadCsvButton } from '../../../components/DownloadCsvButton.tsx';
import type { Column } from '../../../components/table-columns.ts';
import { LABELS } from '../../../contract/values.ts';
import { DEFAULT_PREVALENCE, expectedNeedLabel, type PrevalenceAssumptions } from '../../../stats/expected-need.ts';
import { useProvisionBySchool } from '../api/get-provision-by-school.ts';
import { needProvisionSpec } from '../need-provision-spec.ts';
import { FigureState } from './FigureState.tsx';
import { PrevalenceForm } from './PrevalenceForm.tsx';
import { StableSlots, useAnsweredServices } from '../../../components/stable-slots.tsx';

interface SchoolRow {
  name: string; urn: string; school_type: string; pupils: number; pupils_slcn: number | null | 'c'; pupils_ehcp: number | null | 'c';
  referrals: number | null | 'c'; need_per_100: number | null | 'c'; hours_per_100: number | null; expected_need: string;
  flag: string; explanation: string;
}

const NEED_TITLE: Record<string, string> = {
  SLT: 'Pupils with SLCN per 100 pupils',
  OT: 'Pupils with EHC plans per 100 pupils',
};
const NEED_MEANING: Record<string, string> = {
  SLT: 'pupils whose primary special educational need is speech, language and communication (EHC plans where that is not recorded)',
  OT: 'pupils with an education, health and care plan',
};

const columnsFor = (service: string): Column<SchoolRow>[] => [
  { key: 'name', label: 'School' },
  { key: 'urn', label: 'URN' },
  { key: 'school_type', label: 'School type' },
  { key: 'pupils', label: 'Pupils', format: 'integer' },
  { key: 'pupils_slcn', label: 'Pupils with SLCN', format: 'integer' },
  { key: 'pupils_ehcp', label: 'Pupils with EHC plans', format: 'integer' },
  { key: 'referrals', label: 'Referrals', format: 'integer' },
  { key: 'need_per_100', label: NEED_TITLE[service] ?? 'Need per 100 pupils', format: 'decimal1' },
  { key: 'hours_per_100', label: 'Therapist hours per 100 pupils a year', format: 'decimal1' },
  { key: 'expected_need', label: 'Expected need (estimate, not a count)' },
  { key: 'flag', label: 'Flag' },
  { key: 'explanation', label: 'Why' },
];
const FLAGGED_KEYS = new Set(['name', 'school_type', 'pupils', 'need_per_100', 'hours_per_100', 'expected_need', 'explanation']);

const rowsOf = (schools: ProvisionSchool[]): SchoolRow[] => schools.map((s) => ({
  name: s.name, urn: s.urn, school_type: LABELS[s.school_type] ?? s.school_type, pupils: s.pupils,
  pupils_slcn: s.pupils_slcn, pupils_ehcp: s.pupils_ehcp, referrals: s.referrals,
  need_per_100: s.need_per_100, hours_per_100: s.hours_per_100,
  expected_need: s.expected_need === null ? 'not estimated' : expectedNeedLabel(s.expected_need),
  flag: s.unmet_need ? 'possible unmet need' : '', explanation: s.explanation,
}));

function ServiceUnmetNeed({ service, schools, period }: { service: string; schools: ProvisionSchool[]; period: string }) {
  const own = useMemo(() => schools.filter((s) => s.service === service), [schools, service]);
  const needTitle = NEED_TITLE[service] ?? 'Need per 100 pupils';
  const spec = useMemo(() => needProvisionSpec(own, { service, needTitle, periodLabel: period }), [own, service, needTitle, period]);
  const rows = useMemo(() => rowsOf(own), [own]);
  const flagged = rows.filter((r) => r.flag !== '');
  const columns = columnsFor(service);
  const name = LABELS[service] ?? service;
  const fileName = `possible-unmet-need-${service.toLowerCase()}`;
  return (
    <div className="equity-service">
      <ChartFigure
        methods={{ section: 'expected-need', name: 'Expected need' }}
        headingLevel={3}
        title={`${name}: need and provision by school`}
        caption={`Each point is a school: need (${NEED_MEANING[service] ?? 'need'}, per 100 pupils, from the school census) against the ${name.toLowerCase()} therapist hours it received per 100 pupils a year, ${period}. Schools in the top quarter for need and the bottom quarter for hours (among schools with at least 20 pupils) are flagged as possible unmet need.`}
        spec={spec}
        rows={rows}
        columns={columns}
        fileName={`need-and-provision-${service.toLowerCase()}`}
      />
      {flagged.length === 0 ? (
        <p className="govuk-body">{name}: no school has both need in the area&apos;s top quarter and therapist hours in its bottom quarter.</p>
      ) : (
        <>
          <DataTable caption={`${name}: schools flagged as possible unmet need (${flagged.length})`} rows={flagged}
            columns={columns.filter((c) => FLAGGED_KEYS.has(c.key))} />
          <DownloadCsvButton rows={flagged} columns={columns} fileName={fileName} label="Download flagged schools (CSV)" />
        </>
      )}
    </div>
  );
}

export function UnmetNeedSection({ services }: { services: readonly string[] }) {
  const [prevalence, setPrevalence] = useState<PrevalenceAssumptions>(DEFAULT_PREVALENCE);
  const query = useProvisionBySchool(prevalence);
  const answered = useAnsweredServices(services, query.isPlaceholderData);
  return (
    <section className="equity-section" aria-labelledby="equity-unmet-need">
      <h2 className="govuk-heading-m" id="equity-unmet-need">Possible unmet need</h2>
      <p className="govuk-body">
        Schools where many pupils have the need but little therapy is delivered. A flag is a prompt to look closer, not a
        finding: the school may be supported in ways these data do not record. Expected need is an estimate from published
        prevalence, shown beside the census counts for comparison. The school type and age phase filters do not apply here.
      </p>
      <PrevalenceForm value={prevalence} onApply={setPrevalence} />
      <FigureState query={query} loading="Comparing need with provision" failed="The need and provision figures could not be worked out">
        {({ schools, period }) => {
          const shown = answered.filter((s) => schools.some((x) => x.service === s));
          if (shown.length === 0) return <p className="govuk-body">No schools match these filters.</p>;
          // One figure per service of the answer (useAnsweredServices), keyed by its slot (StableSlots): redrawn in place, not afresh.
          return <StableSlots items={shown}>{(s) => <ServiceUnmetNeed service={s} schools={schools} period={periodLabel(period)} />}</StableSlots>;
        }}
      </FigureState>
    </section>
  );
}
