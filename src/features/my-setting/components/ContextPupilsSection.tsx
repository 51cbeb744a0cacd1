// Published context for a school leader: the share of pupils with an EHC plan (and on SEN support) in the area's
// local authority, its region and England, by year (DfE school census). Published figures only; the school's own
// pupils_ehcp stays in the school's own figures and is not set against these.
import { ContextAreaBar } from '../../../app/ContextAreaBar.tsx';
import { useContextSection } from '../../../app/context-figures.ts';
import { ProgressIndicator } from '../../../app/database-context.tsx';
import { contextLinesSpec, pupilsLines } from '../../../charts/index.ts';
import { ChartFigure } from '../../../components/ChartFigure.tsx';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import type { Column } from '../../../components/table-columns.ts';
import { CAVEATS, type PupilsRow } from '../../../context/index.ts';

const COLUMNS: Column<PupilsRow>[] = [
  { key: 'area', label: 'Area' }, { key: 'academic_year', label: 'Academic year' }, { key: 'provision', label: 'SEN provision' },
  { key: 'percent', label: '% of pupils', format: 'decimal1' },
];

export function ContextPupilsSection() {
  const query = useContextSection('my-setting-context');
  const c = query.data;
  return (
    <section aria-labelledby="my-setting-context">
      <h2 className="govuk-heading-m" id="my-setting-context">Pupils with an EHC plan: published figures for comparison</h2>
      <ContextAreaBar />
      {query.error ? <ErrorSummary title="The published figures could not be shown" errors={[{ text: query.error.message }]} />
        : !c ? <ProgressIndicator message="Reading the published figures" />
        : (
          <>
            <div className="context-caveats">
              <p>The DfE&apos;s figures for all state-funded schools in the local authority, its region and England, for
                context. {CAVEATS.noTest}</p>
            </div>
            <ChartFigure headingLevel={3} title="Pupils with an EHC plan"
              caption="Percentage of pupils with an education, health and care plan, January of each academic year."
              spec={contextLinesSpec(pupilsLines(c.pupils_with_ehcp), {
                title: 'Pupils with an EHC plan', yTitle: '% of pupils with an EHC plan', xTitle: 'Academic year',
                source: 'Source: DfE, Special educational needs in England',
              })}
              rows={c.pupils_with_ehcp} columns={COLUMNS} fileName="context-pupils-ehcp" />
            <p className="context-source">Source: {c.sources.pupils.source}. {c.sources.pupils.licence}.</p>
          </>
        )}
    </section>
  );
}
