// The Data view: what is loaded, loading your own files (checked in this browser against the same data contract
// as the pipeline's `validate`), what the check found, and the columns each file needs. Files with any problem
// are not loaded at all, so the data already in use stays; clean files replace it in one go.
import { useState } from 'react';
import { useDatabase } from '../../app/database-context.tsx';
import { DEFAULT_DATE_FLOOR } from '../../contract/sql-checks.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { TableLoadError } from '../../db/load-tables.ts';
import { CheckProgress } from './components/CheckProgress.tsx';
import { ContractReference } from './components/ContractReference.tsx';
import { LoadedConfirmation, formatDuration } from './components/LoadedConfirmation.tsx';
import { LoadedTables } from './components/LoadedTables.tsx';
import { DATE_FLOOR_ID, LoadSettings, dateFloorProblem } from './components/LoadSettings.tsx';
import { FILE_INPUT_ID, UploadForm } from './components/UploadForm.tsx';
import { FileReports, ProblemSummary } from './components/ValidationReport.tsx';
import { setDataChoices, useDataChoices } from './chosen-files.ts';
import { useCheckAndLoad, type CheckOutcome } from './hooks/use-check-and-load.ts';
import { localDay } from './validate-files.ts';
import './data.css';

function loadErrorItems(error: Error): { text: string }[] {
  return error instanceof TableLoadError ? error.problems.map((text) => ({ text })) : [{ text: error.message }];
}

function idleMessage(outcome: CheckOutcome | undefined): string {
  if (!outcome) return '';
  const rows = outcome.result.files.reduce((n, f) => n + f.rowsAccepted + f.rowsRejected, 0);
  const time = formatDuration(outcome.checkedMs);
  return outcome.kind === 'loaded'
    ? `Your files are loaded: ${rows.toLocaleString('en-GB')} rows checked in ${time}.`
    : `Checked ${rows.toLocaleString('en-GB')} rows in ${time}: your files were not loaded because of the problems listed.`;
}

export default function DataView() {
  const { source } = useDatabase();
  // Kept for the visit, not in this view, so leaving the Data view and coming back keeps the files chosen.
  const choices = useDataChoices();
  const chosen = choices.files;
  const setChosen = (files: readonly File[]) => setDataChoices({ files });
  // Set when "Check and load" is pressed with no files; the timestamp remounts the summary so it takes focus again.
  const [nothingChosen, setNothingChosen] = useState<number | null>(null);
  const [floorError, setFloorError] = useState<string | null>(null);
  const check = useCheckAndLoad();
  const outcome = check.data;
  const busy = check.isPending;

  const submit = () => {
    const floorProblem = dateFloorProblem(choices.dateFloor, localDay());
    setFloorError(floorProblem);
    if (chosen.length === 0 || floorProblem) {
      check.reset();
      setNothingChosen(Date.now());
      return;
    }
    setNothingChosen(null);
    check.mutate({ files: chosen, dateFloor: choices.dateFloor, keep: choices.keep },
      { onSuccess: (result) => { if (result.kind === 'loaded') setChosen([]); } });
  };

  // What stopped the last press of "Check and load" (no files chosen, a date floor that is not a date).
  const formErrors = nothingChosen === null ? [] : [
    ...(chosen.length === 0 ? [{ text: 'Choose your files first', href: `#${FILE_INPUT_ID}` }] : []),
    ...(floorError ? [{ text: floorError, href: `#${DATE_FLOOR_ID}` }] : []),
  ];
  const inputError = nothingChosen !== null && chosen.length === 0 ? 'Choose your files first'
    : outcome?.kind === 'invalid' && !busy ? 'Your files were not loaded: fix the problems listed, then choose the fixed files again' : null;
  const attempt = check.submittedAt;

  return (
    <div className="data-view">
      {nothingChosen !== null && formErrors.length > 0 && <ErrorSummary key={nothingChosen} errors={formErrors} />}
      {!busy && outcome?.kind === 'invalid' && <ProblemSummary key={attempt} result={outcome.result} previousIsSample={source === 'sample'} />}
      {!busy && check.error && (
        <ErrorSummary key={attempt} title="Your files passed the checks but could not be loaded" errors={loadErrorItems(check.error)}
          description={<p>The data already in use is unchanged. If it happens again, tell the team that looks after this tool.</p>} />
      )}
      {!busy && outcome?.kind === 'loaded' && (
        <LoadedConfirmation key={attempt} data={outcome.data} checkedMs={outcome.checkedMs}
          checkedRows={outcome.result.files.reduce((n, f) => n + f.rowsAccepted, 0)} />
      )}
      <LoadedTables />
      <UploadForm chosen={chosen} onChange={setChosen} onSubmit={submit} busy={busy} error={inputError}
        status={<CheckProgress phase={check.phase} idleMessage={idleMessage(outcome)} />}
        settings={<LoadSettings choices={choices} defaultFloor={DEFAULT_DATE_FLOOR} onChange={setDataChoices} disabled={busy}
          floorError={nothingChosen !== null ? floorError : null} />} />
      {!busy && outcome?.kind === 'invalid' && <FileReports result={outcome.result} />}
      <ContractReference />
    </div>
  );
}
