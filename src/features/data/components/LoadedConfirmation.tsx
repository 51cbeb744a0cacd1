// The GOV.UK confirmation panel after the user's files are loaded: what was loaded, row by row count. Focus moves to
// it, as it replaces the form's result. A list, not a table, so the page has one table of loaded rows.
import { useEffect, useRef } from 'react';
import { TABLE_NAMES } from '../../../contract/index.ts';
import type { ReadyData } from '../../../app/data-session.ts';

/** "0.3 seconds", "less than 0.1 seconds", "12.5 seconds". */
export function formatDuration(ms: number): string {
  return ms < 50 ? 'less than 0.1 seconds' : `${(ms / 1000).toFixed(1)} seconds`;
}

export function LoadedConfirmation({ data, checkedRows, checkedMs }: { data: ReadyData; checkedRows: number; checkedMs: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  const { loaded } = data;
  return (
    <div className="govuk-panel govuk-panel--confirmation" ref={ref} tabIndex={-1} role="region" aria-labelledby="data-panel-title">
      <h2 className="govuk-panel__title" id="data-panel-title">Your data is loaded</h2>
      <p className="govuk-panel__body">Every view now shows your files.</p>
      <ul className="data-panel__list">
        {TABLE_NAMES.map((name) => (
          <li key={name}>
            {loaded.absentTables.includes(name)
              ? `${name}: not given (optional)`
              : `${name}: ${loaded.rowCounts[name].toLocaleString('en-GB')} rows`}
          </li>
        ))}
      </ul>
      <p className="data-panel__note">
        {checkedRows.toLocaleString('en-GB')} rows checked against the data contract in {formatDuration(checkedMs)}.
      </p>
    </div>
  );
}
