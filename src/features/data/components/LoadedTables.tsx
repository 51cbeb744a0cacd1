// What is loaded now: each contract table, the file it came from, its row count, and whose data it is. The caption
// says "Tables loaded from the sample data" or "… from your files" (the e2e helper rowCounts() reads this table).
import { useDatabase } from '../../../app/database-context.tsx';
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

export function LoadedTables() {
  const { loaded, source } = useDatabase();
  const sourceText = source === 'sample' ? 'Synthetic sample' : 'Your files';
  const rows: LoadedRow[] = TABLE_NAMES.map((name) => {
    const absent = loaded.absentTables.includes(name);
    return { table: name, file: absent ? 'not given (optional)' : TABLES[name].file, rows: loaded.rowCounts[name], source: absent ? '' : sourceText };
  });
  return (
    <section className="data-section" aria-labelledby="data-loaded-title">
      <h2 className="govuk-heading-m" id="data-loaded-title">What is loaded</h2>
      <DataTable caption={source === 'sample' ? 'Tables loaded from the sample data' : 'Tables loaded from your files'} rows={rows} columns={COLUMNS} />
      {source === 'sample' ? (
        <p className="govuk-body">
          The sample data is made up (synthetic), for trying the tool. Load your own files below to see your area.
        </p>
      ) : (
        <>
          <p className="govuk-body">
            Every view now shows your files. They are held in this browser tab only: closing or reloading the page clears them.
          </p>
          <p className="govuk-hint" id="data-back-to-sample-hint">Going back to the sample data reloads the page, which clears your files from this browser.</p>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => window.location.reload()}
            aria-describedby="data-back-to-sample-hint">
            Go back to the sample data
          </button>
        </>
      )}
    </section>
  );
}
