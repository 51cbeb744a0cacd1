// Choose a school: a labelled search box narrows a labelled list of schools (a native <select>, so it works with
// any keyboard and screen reader), and a polite live region says how many schools match. The choice is confirmed
// with a button, so moving through the list by keyboard does not load a profile at every step.
import { useId, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { LABELS } from '../../../contract/index.ts';
import type { SchoolListRow } from '../../../queries/index.ts';

export interface SchoolPickerProps {
  readonly schools: readonly SchoolListRow[];
  readonly chosen: string | undefined;
  readonly onChoose: (urn: string) => void;
}

/** Schools whose name contains every word typed, or whose URN starts with the digits typed. */
export function matchSchools(schools: readonly SchoolListRow[], query: string): SchoolListRow[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...schools];
  return schools.filter((s) => {
    const name = s.name.toLowerCase();
    return words.every((w) => name.includes(w) || s.urn.startsWith(w));
  });
}

const describe = (s: SchoolListRow) => `${s.name} (URN ${s.urn}) – ${LABELS[s.school_type] ?? s.school_type}, ${LABELS[s.phase] ?? s.phase}`;

export function SchoolPicker({ schools, chosen, onChoose }: SchoolPickerProps) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState(chosen ?? '');
  const [error, setError] = useState(false);
  const matches = useMemo(() => matchSchools(schools, query), [schools, query]);
  const only = matches.length === 1 ? matches[0]?.urn : undefined;
  const value = matches.some((s) => s.urn === selected) ? selected : (only ?? '');
  const status = query.trim() === ''
    ? `${schools.length} schools and settings to choose from.`
    : matches.length === 0
      ? `No school matches “${query.trim()}”. Check the spelling or try part of the name.`
      : `${matches.length} ${matches.length === 1 ? 'school matches' : 'schools match'} “${query.trim()}”.`;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!value) {
      setError(true);
      document.getElementById(`${id}-select`)?.focus();
      return;
    }
    setError(false);
    onChoose(value);
  };

  return (
    <form className="school-picker" onSubmit={submit} noValidate role="search" aria-label="Choose a school or setting">
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor={`${id}-search`}>Search by school name or URN</label>
        <div className="govuk-hint" id={`${id}-hint`}>For example, Brookcroft or 119110. The list below narrows as you type.</div>
        <input className="govuk-input" id={`${id}-search`} type="search" autoComplete="off" spellCheck={false}
          value={query} onChange={(e) => setQuery(e.target.value)} aria-controls={`${id}-select`}
          aria-describedby={`${id}-hint ${id}-status`} />
        <p className="govuk-hint school-picker__status" id={`${id}-status`} role="status" aria-live="polite">{status}</p>
      </div>
      <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
        <label className="govuk-label" htmlFor={`${id}-select`}>School or setting</label>
        {error && (
          <p className="govuk-error-message" id={`${id}-error`}>
            <span className="govuk-visually-hidden">Error:</span> Choose a school from the list
          </p>
        )}
        <select className="govuk-select school-picker__select" id={`${id}-select`} value={value}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => { setSelected(e.target.value); setError(false); }}>
          <option value="">{matches.length ? `Choose from ${matches.length} ${matches.length === 1 ? 'school' : 'schools'}` : 'No matching school'}</option>
          {matches.map((s) => <option key={s.urn} value={s.urn}>{describe(s)}</option>)}
        </select>
      </div>
      <button type="submit" className="govuk-button">Show this school</button>
    </form>
  );
}
