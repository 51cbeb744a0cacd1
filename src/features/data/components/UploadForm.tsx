// Choosing files: a drop zone around a labelled file input (the input is what keyboard and screen-reader users
// use), the list of files chosen so far with a Remove button each, and the button that checks and loads them.
// Choosing a file for a table already chosen replaces it, so a fixed referrals.csv can be dropped in on its own.
import { useState } from 'react';
import type { ChangeEvent, DragEvent, FormEvent, ReactNode } from 'react';
import { TABLES, TABLE_NAMES, tableOfFile } from '../../../contract/index.ts';

export const FILE_INPUT_ID = 'data-files';

export interface UploadFormProps {
  readonly chosen: readonly File[];
  readonly onChange: (files: readonly File[]) => void;
  readonly onSubmit: () => void;
  readonly busy: boolean;
  /** Shown under the input in red when the last check found problems. */
  readonly error: string | null;
  /** The progress area (a live region), rendered under the button. */
  readonly status: ReactNode;
  /** The load's settings, rendered above the button. */
  readonly settings?: ReactNode;
}

const ACCEPT = '.csv,.parquet,text/csv';
const acceptable = (file: File) => /\.(csv|parquet)$/i.test(file.name);

function formatSize(bytes: number): string {
  if (bytes < 1_000) return `${bytes} bytes`;
  if (bytes < 1_000_000) return `${(bytes / 1_000).toFixed(0)} KB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** The chosen files after adding `added`: one per table (the newer wins), unknown names kept so they are reported. */
export function mergeChosen(current: readonly File[], added: readonly File[]): File[] {
  const key = (f: File) => tableOfFile(f.name)?.name ?? `?${f.name}`;
  const byKey = new Map(current.map((f) => [key(f), f]));
  for (const file of added) byKey.set(key(file), file);
  return [...byKey.values()];
}

function ChosenFiles({ chosen, onRemove, disabled }: { chosen: readonly File[]; onRemove: (f: File) => void; disabled: boolean }) {
  if (chosen.length === 0) return <p className="govuk-hint data-chosen__empty">No files chosen yet.</p>;
  return (
    <>
      <h3 className="data-chosen__title">Files chosen ({chosen.length})</h3>
      <ul className="data-chosen">
        {chosen.map((file) => {
          const table = tableOfFile(file.name);
          return (
            <li key={`${file.name}-${file.lastModified}`} className="data-chosen__item">
              <span className="data-chosen__name">{file.name}</span>
              <span className="data-chosen__meta">
                {formatSize(file.size)} · {table ? `the ${table.name} table` : <strong className="data-chosen__unknown">name not recognised</strong>}
              </span>
              <button type="button" className="govuk-button govuk-button--secondary govuk-button--small" disabled={disabled} onClick={() => onRemove(file)}>
                Remove<span className="govuk-visually-hidden"> {file.name}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </>
  );
}

export function UploadForm({ chosen, onChange, onSubmit, busy, error, status, settings }: UploadFormProps) {
  const [dragging, setDragging] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const add = (files: readonly File[]) => {
    const usable = files.filter(acceptable);
    const skipped = files.filter((f) => !acceptable(f)).map((f) => f.name);
    if (usable.length) onChange(mergeChosen(chosen, usable));
    setAnnouncement([
      usable.length ? `Added ${usable.map((f) => f.name).join(', ')}.` : '',
      skipped.length ? `Not added (only .csv and .parquet files can be read): ${skipped.join(', ')}.` : '',
    ].join(' ').trim());
  };
  const onInput = (event: ChangeEvent<HTMLInputElement>) => {
    add([...(event.currentTarget.files ?? [])]);
    // Cleared so the same file can be chosen again after it is fixed; the list below shows what is chosen.
    event.currentTarget.value = '';
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    if (!busy) add([...event.dataTransfer.files]);
  };
  const onDragOver = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    event.dataTransfer.dropEffect = busy ? 'none' : 'copy';
    setDragging(true);
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit();
  };
  const remove = (file: File) => {
    onChange(chosen.filter((f) => f !== file));
    setAnnouncement(`Removed ${file.name}.`);
  };
  const describedBy = ['data-files-hint', error ? 'data-files-error' : ''].filter(Boolean).join(' ');
  return (
    <form className="data-upload" onSubmit={submit} noValidate aria-labelledby="data-upload-title">
      <h2 className="govuk-heading-m" id="data-upload-title">Load your own files</h2>
      <div className="govuk-inset-text data-privacy">
        <p><strong>Nothing is uploaded.</strong> Your files are read and checked in this browser only. They are never sent
          to a server or anyone else. Unless you untick &ldquo;Keep my files in this browser for next time&rdquo;, they
          are saved in this browser&apos;s private storage on this device until you choose &ldquo;Forget this data&rdquo;.</p>
      </div>
      <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
        <div className={`data-drop-zone${dragging ? ' data-drop-zone--over' : ''}`}
          onDragOver={onDragOver} onDragEnter={onDragOver} onDrop={onDrop}
          onDragLeave={(event) => { if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false); }}>
          <label className="govuk-label" htmlFor={FILE_INPUT_ID}>Choose CSV files</label>
          <div className="govuk-hint" id="data-files-hint">
            {TABLE_NAMES.filter((n) => !TABLES[n].optional).map((n) => TABLES[n].file).join(', ')} are required;
            {' '}{TABLE_NAMES.filter((n) => TABLES[n].optional).map((n) => TABLES[n].file).join(', ')} is optional.
            Parquet files with the same names (.parquet) work too. You can choose several at once, or drag and drop them
            into this box.
          </div>
          {error && <p className="govuk-error-message" id="data-files-error"><span className="govuk-visually-hidden">Error:</span> {error}</p>}
          <input className="govuk-file-upload" id={FILE_INPUT_ID} name="files" type="file" multiple accept={ACCEPT}
            aria-describedby={describedBy} onChange={onInput} disabled={busy} />
          <p className="data-drop-zone__drop" aria-hidden="true">or drop files here</p>
        </div>
        <p className="govuk-visually-hidden" role="status">{announcement}</p>
      </div>
      <ChosenFiles chosen={chosen} onRemove={remove} disabled={busy} />
      {settings}
      <button type="submit" className="govuk-button" disabled={busy}>Check and load files</button>
      {status}
    </form>
  );
}
