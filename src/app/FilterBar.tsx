// The global filters (service, school type, age phase, locality, months), kept in the URL by useFilters().
// Choices apply at once: they change the figures, not the page, so this is not a change of context. With the
// keyboard, arrow keys step through a list's options without recomputing the view at every step (each would cost
// seconds): the choice applies when the keys pause for KEYBOARD_PAUSE_MS, on Enter, or on leaving the list.
import { useEffect, useId, useRef, useState } from 'react';
import { AGE_PHASES, LABELS, SCHOOL_TYPES, SERVICES } from '../contract/index.ts';
import { formatMonth } from '../components/table-columns.ts';
import { useDatabase, useSqlQuery } from './database-context.tsx';
import { useDataExtent } from './figures.ts';
import { useFilters } from './url-state.ts';
import type { FilterName } from './url-state.ts';

const LOCALITIES_SQL = 'SELECT DISTINCT locality FROM schools WHERE locality IS NOT NULL ORDER BY locality';

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

export const KEYBOARD_PAUSE_MS = 1000;

/**
 * Before the data is open (early data: the first figures come from answers stored with it) the options drawn from
 * the data (localities, months) are not known yet, so those lists are disabled and say nothing about what is in the
 * data; the lists of the contract's own values work (their figures then wait for the data).
 */
function useDataOpen(): boolean {
  return useDatabase().db !== null;
}

function Select({ name, label, allLabel, options, hintId, fromData = false }: {
  name: FilterName; label: string; allLabel: string; options: readonly Option[]; hintId: string; fromData?: boolean;
}) {
  const open = useDataOpen() || !fromData;
  const [filters, setFilters] = useFilters();
  const id = `${useId()}-${name}`;
  const [pending, setPending] = useState<string | null>(null);
  const fromKeyboard = useRef(false);
  const timer = useRef<number | undefined>(undefined);
  const commit = (value: string | null) => {
    window.clearTimeout(timer.current);
    if (value === null) return;
    setPending(null);
    setFilters({ [name]: value });
  };
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const current = filters[name] ?? '';
  // A value in the URL that is not among the options (a month outside the data) is still shown as chosen.
  // (Before the data is open, whether it is in the data is not known yet.)
  const shown = current && !options.some((o) => o.value === current)
    ? [...options, { value: current, label: `${name === 'from' || name === 'to' ? formatMonth(current) : LABELS[current] ?? current}${open ? ' (not in the data)' : ''}` }]
    : options;
  return (
    <div className="govuk-form-group filter-bar__item">
      <label className="govuk-label" htmlFor={id}>{label}</label>
      <select className="govuk-select" id={id} aria-describedby={hintId} value={pending ?? current} disabled={!open}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit(pending);
          } else fromKeyboard.current = true;
        }}
        onBlur={() => commit(pending)}
        onChange={(e) => {
          const value = e.target.value;
          if (!fromKeyboard.current) return commit(value);
          fromKeyboard.current = false;
          setPending(value);
          window.clearTimeout(timer.current);
          timer.current = window.setTimeout(() => commit(value), KEYBOARD_PAUSE_MS);
        }}
        onPointerDown={() => { fromKeyboard.current = false; }}>
        <option value="">{allLabel}</option>
        {shown.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </div>
  );
}

const labelled = (values: readonly string[]): Option[] => values.map((value) => ({ value, label: LABELS[value] ?? value }));

function useMonths(): Option[] {
  const extent = useDataExtent();
  const first = extent?.first_month;
  const last = extent?.last_month;
  return first && last ? monthsBetween(first, last).map((m) => ({ value: m, label: formatMonth(m) })) : [];
}

/** The period alone (`from` and `to` in the URL), for a view with no filter bar such as My setting. */
export function PeriodControl({ hint }: { hint: string }) {
  const months = useMonths();
  const hintId = `${useId()}-hint`;
  return (
    <form className="filter-bar period-control" aria-labelledby="period-control-title" onSubmit={(e) => e.preventDefault()}>
      <h2 className="filter-bar__title" id="period-control-title">Period</h2>
      <p className="filter-bar__hint" id={hintId}>{hint}</p>
      <div className="filter-bar__items">
        <Select hintId={hintId} name="from" label="From" allLabel="First month" options={months} fromData />
        <Select hintId={hintId} name="to" label="To" allLabel="Latest month" options={months} fromData />
      </div>
    </form>
  );
}

export function FilterBar() {
  const [filters, setFilters] = useFilters();
  const localities = useSqlQuery<{ locality: string }>('filter-localities', LOCALITIES_SQL);
  const months = useMonths();
  const anySet = Object.keys(filters).length > 0;
  const hintId = `${useId()}-hint`;
  return (
    // A named form (a landmark screen-reader users can jump to); it is never submitted: choices apply at once.
    <form className="filter-bar" aria-labelledby="filter-bar-title" onSubmit={(e) => e.preventDefault()}>
      <h2 className="filter-bar__title" id="filter-bar-title">Filters</h2>
      <p className="filter-bar__hint" id={hintId}>{useDataOpen()
        ? 'Figures update as you choose; with arrow keys, when you pause or press Enter.'
        : 'Figures update as you choose; locality and months can be chosen once the data is open.'}</p>
      <div className="filter-bar__items">
        <Select hintId={hintId} name="service" label="Service" allLabel="Both services" options={labelled(SERVICES)} />
        <Select hintId={hintId} name="type" label="School type" allLabel="All types" options={labelled(SCHOOL_TYPES)} />
        <Select hintId={hintId} name="phase" label="Age phase" allLabel="All ages" options={labelled(AGE_PHASES)} />
        <Select hintId={hintId} name="locality" label="Locality" allLabel="All localities" fromData
          options={(localities.data ?? []).map((r) => ({ value: r.locality, label: r.locality }))} />
        <Select hintId={hintId} name="from" label="From" allLabel="First month" options={months} fromData />
        <Select hintId={hintId} name="to" label="To" allLabel="Latest month" options={months} fromData />
      </div>
      {anySet && (
        <button type="button" className="govuk-button govuk-button--secondary filter-bar__clear"
          onClick={() => setFilters({ service: '', type: '', phase: '', locality: '', from: '', to: '' })}>
          Clear filters
        </button>
      )}
    </form>
  );
}
