// Similar schools ranked by their referral rate (adjusted for age mix, as on the funnel plot) with its 95% interval:
// where the chosen school sits among schools of its own type and phase. Only schools on the funnel plot are
// listed, so every count shown has passed the disclosure gate; the rest are counted in a sentence.
import type { FunnelPoint } from '../../../analytics/funnel.ts';
import { DataTable } from '../../../components/DataTable.tsx';
import { FigureNotes } from '../../../components/FigureNotes.tsx';
import type { Column } from '../../../components/table-columns.ts';
import { funnelColumns } from '../../../components/funnel-columns.ts';
import { LABELS } from '../../../contract/index.ts';
import { rankSimilarSchools, type SimilarSchoolRow } from '../lib/similar-schools.ts';

type Row = Omit<SimilarSchoolRow, 'chosen'>;
const COLUMNS: readonly Column<Row>[] = [
  { key: 'rank', label: 'Rank', format: 'integer' },
  ...funnelColumns<Row>('name', 'referrals', 'pupils', 'rate', 'lower95', 'upper95', 'position'),
];

export function SimilarSchoolsTable({ service, points, school, similarSchools, periodText }: {
  readonly service: string;
  readonly points: readonly FunnelPoint[];
  readonly school: { urn: string; name: string; school_type: string; phase: string };
  readonly similarSchools: number;
  readonly periodText: string;
}) {
  const label = LABELS[service] ?? service;
  const kind = `${(LABELS[school.school_type] ?? school.school_type).toLowerCase()} ${(LABELS[school.phase] ?? school.phase).toLowerCase()}`;
  const { rows, notListed } = rankSimilarSchools(points, school, similarSchools);
  const id = `similar-schools-${service}`;
  const shown: Row[] = rows.map(({ chosen, ...r }) => ({ ...r, name: chosen ? `${r.name} (this school)` : r.name }));
  const own = rows.find((r) => r.chosen);
  const place = own
    ? `${school.name} ranks ${own.rank} of ${rows.length} listed${own.rank === 1 ? ', the highest rate' : own.rank === rows.length ? ', the lowest rate' : ''}.`
    : `${school.name} is not listed: it is not on the funnel plot.`;
  return (
    <section className="my-setting-similar" aria-labelledby={`${id}-title`}>
      <h3 className="govuk-heading-m" id={`${id}-title`}>{label}: similar schools ranked by referral rate</h3>
      <p className="govuk-body">
        {kind[0]?.toUpperCase()}{kind.slice(1)} settings, {periodText}, highest rate first. Rates are adjusted for each
        school&apos;s age mix, with exact 95% intervals: two schools whose intervals overlap may not really differ.
        {notListed > 0 && ` ${notListed} similar ${notListed === 1 ? 'school is' : 'schools are'} not listed: 1 to 4 referrals (too few to show) or no pupils.`}
      </p>
      {rows.length === 0
        ? <p className="govuk-body">No {kind} school has enough referrals to list.</p>
        : (
          <>
            <p className="govuk-body my-setting-similar__place">{place}</p>
            <FigureNotes summary={`All ${rows.length} listed schools, ranked`}>
              <DataTable id={id} caption={`${label}: ${kind} schools by referral rate, adjusted for age mix`} rows={shown} columns={COLUMNS} firstColumnIsHeader={false} />
            </FigureNotes>
          </>
        )}
    </section>
  );
}
