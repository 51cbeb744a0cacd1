// Section 3: therapy provision per 100 pupils a year by school type, in therapist hours or sessions.
import { useId, useMemo, useState } from 'react';
import type { ProvisionByType } from '../../../analytics/index.ts';
import { periodLabel } from '../../../app/figures.ts';
import { provisionByTypeSpec } from '../../../charts/index.ts';
import { ChartFigure } from '../../../components/ChartFigure.tsx';
import type { Column } from '../../../components/table-columns.ts';
import { LABELS, SCHOOL_TYPES, SERVICES } from '../../../contract/values.ts';
import { useProvisionByType } from '../api/get-provision-by-type.ts';
import { FigureState } from './FigureState.tsx';

type Measure = 'hours_per_100' | 'sessions_per_100';
const MEASURES: readonly { value: Measure; label: string }[] = [
  { value: 'hours_per_100', label: 'Therapist hours' },
  { value: 'sessions_per_100', label: 'Sessions' },
];

interface ProvisionRow { school_type: string; service: string; pupils: number; hours_per_100: number | null; sessions_per_100: number | null }

const COLUMNS: readonly Column<ProvisionRow>[] = [
  { key: 'school_type', label: 'School type' },
  { key: 'service', label: 'Service' },
  { key: 'pupils', label: 'Pupils', format: 'integer' },
  { key: 'hours_per_100', label: 'Therapist hours per 100 pupils a year', format: 'decimal1' },
  { key: 'sessions_per_100', label: 'Sessions per 100 pupils a year', format: 'decimal1' },
];

/** Position in the contract's reading order; unknown values last. */
const rank = (list: readonly string[], value: string) => (list.includes(value) ? list.indexOf(value) : list.length);
/** Types in reading order, SLT before OT (the chart takes its service order, and so its legend's, from the rows). */
const sorted = (rows: ProvisionByType[]) => [...rows]
  .sort((a, b) => rank(SCHOOL_TYPES, a.school_type) - rank(SCHOOL_TYPES, b.school_type) || rank(SERVICES, a.service) - rank(SERVICES, b.service));
const rowsOf = (rows: ProvisionByType[]): ProvisionRow[] => sorted(rows).map((r) => ({ ...r, school_type: LABELS[r.school_type] ?? r.school_type, service: LABELS[r.service] ?? r.service }));

function MeasureChoice({ measure, onChange }: { measure: Measure; onChange: (m: Measure) => void }) {
  const id = useId();
  return (
    <fieldset className="govuk-fieldset">
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Show provision as</legend>
      <div className="govuk-radios govuk-radios--inline govuk-radios--small">
      {MEASURES.map((m) => (
        <div className="govuk-radios__item" key={m.value}>
          <input className="govuk-radios__input" type="radio" id={`${id}-${m.value}`} name={`${id}-measure`} value={m.value}
            checked={measure === m.value} onChange={() => onChange(m.value)} />
          <label className="govuk-label govuk-radios__label" htmlFor={`${id}-${m.value}`}>{m.label}</label>
        </div>
      ))}
      </div>
    </fieldset>
  );
}

function ProvisionChart({ rows, period, measure }: { rows: ProvisionByType[]; period: string; measure: Measure }) {
  const spec = useMemo(() => provisionByTypeSpec(sorted(rows), { measure, periodLabel: period }), [rows, measure, period]);
  const tableRows = useMemo(() => rowsOf(rows), [rows]);
  const unit = measure === 'hours_per_100' ? 'therapist hours' : 'therapy sessions';
  return (
    <ChartFigure
      methods={{ section: 'rates-and-their-intervals', name: 'Rates and their intervals' }}
      headingLevel={3}
      title={`Therapy provision by school type (${unit})`}
      caption={`The ${unit} delivered in schools of each type per 100 pupils on roll a year, ${period}, for each service. It counts all delivery models: whole-school (universal), small-group (targeted) and individual (specialist) work. The data table has both hours and sessions.`}
      spec={spec}
      rows={tableRows}
      columns={COLUMNS}
      fileName="provision-by-school-type"
    />
  );
}

export function ProvisionSection() {
  const query = useProvisionByType();
  const [measure, setMeasure] = useState<Measure>('hours_per_100');
  return (
    <section className="equity-section" aria-labelledby="equity-provision">
      <h2 className="govuk-heading-m" id="equity-provision">Therapy provision by school type</h2>
      <p className="govuk-body">
        How much therapy each type of school receives for its size. The school type and age phase filters do not apply
        here: every type is shown so that they can be compared.
      </p>
      <MeasureChoice measure={measure} onChange={setMeasure} />
      <FigureState query={query} loading="Adding up therapy provision" failed="The provision figures could not be worked out">
        {({ rows, period }) => (rows.length === 0
          ? <p className="govuk-body">No therapy provision is recorded under these filters.</p>
          : <ProvisionChart rows={rows} period={periodLabel(period)} measure={measure} />)}
      </FigureState>
    </section>
  );
}
