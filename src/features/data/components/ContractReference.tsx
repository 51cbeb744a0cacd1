// The four files the tool reads and their columns, from the data contract itself (so it cannot drift from the
// checks): name, type, whether required, allowed values and what it means. Each column table is rendered only
// while its details element is open, so the closed page stays short for screen-reader table navigation.
import { useState } from 'react';
import { DataTable } from '../../../components/DataTable.tsx';
import { downloadBlob } from '../../../components/download.ts';
import type { Column } from '../../../components/table-columns.ts';
import { TABLES, TABLE_NAMES, type ColumnSpec, type TableSpec } from '../../../contract/index.ts';

interface ColumnRow {
  readonly name: string;
  readonly type: string;
  readonly required: string;
  readonly allowed: string;
  readonly description: string;
}

const COLUMNS: readonly Column<ColumnRow>[] = [
  { key: 'name', label: 'Column' },
  { key: 'type', label: 'Type' },
  { key: 'required', label: 'Required' },
  { key: 'allowed', label: 'Allowed values' },
  { key: 'description', label: 'Description' },
];

const TYPE_WORDS: Record<ColumnSpec['type'], string> = {
  string: 'text', enum: 'text (one of a list)', integer: 'whole number', number: 'number',
  date: 'date (yyyy-mm-dd or dd/mm/yyyy)', month: 'month (yyyy-mm)', boolean: 'true or false',
};

const number = (n: number) => n.toLocaleString('en-GB');

function allowedOf(spec: ColumnSpec): string {
  if (spec.allowed) return spec.allowed.join(', ');
  if (spec.type === 'boolean') return 'true, false (yes/no, y/n, 1/0 accepted)';
  if (spec.min !== undefined && spec.max !== undefined) return `${number(spec.min)} to ${number(spec.max)}`;
  if (spec.min !== undefined) return `at least ${number(spec.min)}`;
  return '';
}

const rowsOf = (table: TableSpec): ColumnRow[] => table.columns.map((c) => ({
  name: c.name, type: TYPE_WORDS[c.type], required: c.required ? 'Yes' : 'No (may be blank)', allowed: allowedOf(c), description: c.description,
}));

function TableColumns({ table }: { table: TableSpec }) {
  const [open, setOpen] = useState(false);
  const saveTemplate = () => downloadBlob(new Blob([`${table.columns.map((c) => c.name).join(',')}\n`], { type: 'text/csv;charset=utf-8' }), table.file);
  return (
    <details className="govuk-details data-details" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="govuk-details__summary"><span className="govuk-details__summary-text">The {table.columns.length} columns of {table.file}</span></summary>
      <div className="govuk-details__text data-details__text">
        {open && <DataTable caption={`Columns of ${table.file}`} rows={rowsOf(table)} columns={COLUMNS} />}
        <p className="govuk-body">
          Columns may come in any order; a blank optional column may be left out. Each {table.key.join(' + ')} must
          be unique.
        </p>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={saveTemplate}>
          Download an empty {table.file} with these columns
        </button>
      </div>
    </details>
  );
}

export function ContractReference() {
  return (
    <section className="data-section" aria-labelledby="data-contract-title">
      <h2 className="govuk-heading-m" id="data-contract-title">Preparing your files</h2>
      <p className="govuk-body">
        The tool reads four CSV files, saved from a spreadsheet as &ldquo;CSV UTF-8&rdquo;. Each needs a header line
        with the column names below. Files must be anonymised: pseudonyms, not names or NHS numbers.
      </p>
      {TABLE_NAMES.map((name) => {
        const table = TABLES[name];
        return (
          <div key={name} className="data-contract-table">
            <h3 className="govuk-heading-s">{table.file} <span className="data-contract-table__status">({table.optional ? 'optional' : 'required'})</span></h3>
            <p className="govuk-body">{table.description}</p>
            <TableColumns table={table} />
          </div>
        );
      })}
    </section>
  );
}
