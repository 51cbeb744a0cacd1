// Says whose data the page shows: the synthetic sample (until the user loads their own) or the user's files.
import { useDataState } from '../database-context.tsx';
import { shownData } from '../data-session.ts';
import { formatLoadedAt } from '../stored-data.ts';
import { hrefOfView, useSearch } from '../url-state.ts';

export function DataBanner() {
  const state = useDataState();
  const search = useSearch();
  const data = shownData(state);
  if (state.status === 'failed') return null;
  if (!data || data.source === 'sample') {
    return (
      <div className="data-banner data-banner--sample">
        <strong className="govuk-tag">Sample data — synthetic</strong>
        <span className="data-banner__text">
          These figures are made up, for trying the tool. <a href={hrefOfView('data', search)}>Load your own files</a>: they stay in this browser.
          {data?.keeping.kind === 'sample' && data.keeping.reopenProblem ? ' Your files kept in this browser could not be opened: see Data.' : ''}
        </span>
      </div>
    );
  }
  return (
    <div className="data-banner">
      <strong className="govuk-tag govuk-tag--grey">Your data</strong>
      <span className="data-banner__text">
        {data.fileNames.join(', ')}: read in this browser only, never uploaded.
        {data.keeping.kind === 'kept' ? ` Loaded on ${formatLoadedAt(data.keeping.manifest.loadedAt)}, kept on this device.` : ''}
      </span>
    </div>
  );
}
