// The global filters (service, school type, age phase, locality, months), kept in the URL by useFilters().
// Choices apply at once: they change the figures, not the page, so this is not a change of context.
import { useId } from 'react';
import { AGE_PHASES, LABELS, SCHOOL_TYPES, SERVICES } from '../contract/index.ts';
import { formatMonth } from '../components/table-columns.ts';
import { useSqlQuery } from './database-context.tsx';
import { useFilters } from './url-state.ts';
import type { FilterName } from './url-state.ts';

const LOCALITIES_SQL = 'SELECT DISTINCT locality FROM schools WHERE locality IS NOT NULL ORDER BY locality';
const MONTH_RANGE_SQL = 'SELECT min(month) AS first_month, max(month) AS last_month FROM referrals_enriched';

/** Every yyyy-mm from first to last inclusive. */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let [year, month] = first.split('-').map(Number) as [number, number];
  for (let guard = 0; guard < 1200; guard++) {
    const value = `${year}-${String(month).padStart(2, '0')}`;
    if (value > last) break;
    months.push(value);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return months;
}

interface Option {
  readonly value: string;
  readonly label: string;
}

function Select({ name, label, allLabel, options }: { name: FilterName; label: string; allLabel: string; options: readonly Option[] }) {
  const [filters, setFilters] = useFilters();
  const id = `${useId()}-${name}`;
  return (
    <div className="form-group filter-bar__item">
      <label className="label" htmlFor={id}>{label}</label>
      <select className="select" id={id} value={filters[name] ?? ''} onChange={(e) => setFilters({ [name]: e.target.value })}>
        <option value="">{allLabel}</option>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </div>
  );
}

const labelled = (values: readonly string[]): Option[] => values.map((value) => ({ value, label: LABELS[value] ?? value }));

export function FilterBar() {
  const [filters, setFilters] = useFilters();
  const localities = useSqlQuery<{ locality: string }>('filter-localities', LOCALITIES_SQL);
  const range = useSqlQuery<{ first_month: string | null; last_month: string | null }>('filter-month-range', MONTH_RANGE_SQL);
  const first = range.data?.[0]?.first_month;
  const last = range.data?.[0]?.last_month;
  const months = first && last ? monthsBetween(first, last).map((m) => ({ value: m, label: formatMonth(m) })) : [];
  const anySet = Object.keys(filters).length > 0;
  return (
    // A named form (a landmark screen-reader users can jump to); it is never submitted: choices apply at once.
    <form className="filter-bar" aria-labelledby="filter-bar-title" onSubmit={(e) => e.preventDefault()}>
      <h2 className="filter-bar__title" id="filter-bar-title">Filters</h2>
      <div className="filter-bar__items">
        <Select name="service" label="Service" allLabel="Both services" options={labelled(SERVICES)} />
        <Select name="type" label="School type" allLabel="All types" options={labelled(SCHOOL_TYPES)} />
        <Select name="phase" label="Age phase" allLabel="All ages" options={labelled(AGE_PHASES)} />
        <Select name="locality" label="Locality" allLabel="All localities"
          options={(localities.data ?? []).map((r) => ({ value: r.locality, label: r.locality }))} />
        <Select name="from" label="From" allLabel="First month" options={months} />
        <Select name="to" label="To" allLabel="Latest month" options={months} />
      </div>
      {anySet && (
        <button type="button" className="button button--secondary filter-bar__clear"
          onClick={() => setFilters({ service: '', type: '', phase: '', locality: '', from: '', to: '' })}>
          Clear filters
        </button>
      )}
    </form>
  );
}
