// What is loaded now: each contract table, the file it came from, its row count, and whose data it is. The caption
// says "Tables loaded from the sample data" or "… from your files" (the e2e helper rowCounts() reads this table).
// For the user's files it says when they were loaded and whether they are kept on this device, with the button
// that forgets them (deletes them from this browser and goes back to the sample data).
import { useState } from 'react';
import { useDatabase, useForgetKeptData } from '../../../app/database-context.tsx';
import type { Keeping } from '../../../app/data-session.ts';
import { formatLoadedAt } from '../../../app/stored-data.ts';
import { DataTable } from '../../../components/DataTable.tsx';
import type { Column } from '../../../components/table-columns.ts';
import { TABLES, TABLE_NAMES } from '../../../contract/index.ts';

interface LoadedRow {
  readonly table: string;
  readonly file: string;
  readonly rows: number;
  readonly source: string;
}

const COLUMNS: readonly Column<LoadedRow>[] = [
  { key: 'table', label: 'Table' },
  { key: 'file', label: 'File' },
  { key: 'rows', label: 'Rows loaded', format: 'integer' },
  { key: 'source', label: 'Source' },
];

function keepingText(keeping: Keeping): string {
  switch (keeping.kind) {
    case 'sample':
      return '';
    case 'kept':
      return `${keeping.reopened ? 'Opened from this browser, where they were kept: you do not need to choose them again.' : 'Kept on this device: they are kept in this browser, so they open again when you come back.'} They are never sent anywhere.`;
    case 'keeping':
      return 'Keeping them in this browser on this device, so they open again when you come back… They are in use already, and never sent anywhere.';
    case 'tab-only':
      return keeping.reason === 'chosen'
        ? 'You chose not to keep them: they are held in this browser tab only, and reloading or closing the page clears them.'
        : `They could not be kept in this browser (${keeping.detail ?? 'it has no private file storage for sites'}), so they are held in this tab only: reloading or closing the page clears them.`;
  }
}

export function LoadedTables() {
  const { loaded, source, fileNames, keeping } = useDatabase();
  const forget = useForgetKeptData();
  const [forgetting, setForgetting] = useState(false);
  const [message, setMessage] = useState('');
  const sourceText = source === 'sample' ? 'Synthetic sample' : 'Your files';
  const rows: LoadedRow[] = TABLE_NAMES.map((name) => {
    const absent = loaded.absentTables.includes(name);
    return { table: name, file: absent ? 'not given (optional)' : TABLES[name].file, rows: loaded.rowCounts[name], source: absent ? '' : sourceText };
  });
  const loadedAt = keeping.kind === 'kept' ? keeping.manifest.loadedAt : keeping.kind === 'tab-only' || keeping.kind === 'keeping' ? keeping.loadedAt : null;
  // While keeping, the files may already be partly on the device: forgetting (after keeping ends) deletes them.
  const onDevice = keeping.kind === 'kept' || keeping.kind === 'keeping';
  const onForget = () => {
    setForgetting(true);
    setMessage('');
    forget().then(
      () => setMessage(onDevice || keeping.kind === 'sample' ? 'Your files were deleted from this browser. The sample data is in use.' : 'The sample data is in use.'),
      (error: unknown) => setMessage(`Your files could not be deleted from this browser: ${error instanceof Error ? error.message : String(error)}.`),
    ).finally(() => setForgetting(false));
  };
  return (
    <section className="data-section" aria-labelledby="data-loaded-title">
      <h2 className="govuk-heading-m" id="data-loaded-title">What is loaded</h2>
      <DataTable caption={source === 'sample' ? 'Tables loaded from the sample data' : 'Tables loaded from your files'} rows={rows} columns={COLUMNS} />
      {source === 'sample' ? (
        <p className="govuk-body">
          The sample data is made up (synthetic), for trying the tool. Load your own files below to see your area.
        </p>
      ) : (
        <div className="data-kept">
          <p className="govuk-body" id="data-loaded-when">
            Every view shows your files: {fileNames.join(', ')}, loaded on {loadedAt ? formatLoadedAt(loadedAt) : 'this visit'}.
          </p>
          {/* Keeping runs after the data is in use: its outcome is announced when it comes. */}
          <p className="govuk-body" id="data-keeping" role="status">{keepingText(keeping)}</p>
          <p className="govuk-hint" id="data-forget-hint">
            {onDevice ? 'Forgetting deletes your files from this browser and goes back to the sample data.' : 'Going back to the sample data clears your files from this tab.'}
          </p>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={onForget} disabled={forgetting}
            aria-describedby="data-forget-hint">
            {onDevice ? 'Forget this data' : 'Go back to the sample data'}
          </button>
        </div>
      )}
      {keeping.kind === 'sample' && keeping.reopenProblem && (
        <div className="govuk-inset-text">
          <p>Your files kept in this browser could not be opened, so the sample data is shown: {keeping.reopenProblem}.
            Load your files again below to replace them, or forget them.</p>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={onForget} disabled={forgetting}>Forget the kept files</button>
        </div>
      )}
      <p className="govuk-visually-hidden" role="status">{message}</p>
    </section>
  );
}
