// The Data view: what is loaded, loading your own files (checked in this browser against the same data contract
// as the pipeline's `validate`), what the check found, and the columns each file needs. Files with any problem
// are not loaded at all, so the data already in use stays; clean files replace it in one go.
import { useState } from 'react';
import { useDatabase } from '../../app/database-context.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { TableLoadError } from '../../db/load-tables.ts';
import { CheckProgress } from './components/CheckProgress.tsx';
import { ContractReference } from './components/ContractReference.tsx';
import { LoadedConfirmation, formatDuration } from './components/LoadedConfirmation.tsx';
import { LoadedTables } from './components/LoadedTables.tsx';
import { FILE_INPUT_ID, UploadForm } from './components/UploadForm.tsx';
import { FileReports, ProblemSummary } from './components/ValidationReport.tsx';
import { useCheckAndLoad, type CheckOutcome } from './hooks/use-check-and-load.ts';
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
  const [chosen, setChosen] = useState<readonly File[]>([]);
  // Set when "Check and load" is pressed with no files; the timestamp remounts the summary so it takes focus again.
  const [nothingChosen, setNothingChosen] = useState<number | null>(null);
  const check = useCheckAndLoad();
  const outcome = check.data;
  const busy = check.isPending;

  const submit = () => {
    if (chosen.length === 0) {
      check.reset();
      setNothingChosen(Date.now());
      return;
    }
    setNothingChosen(null);
    check.mutate(chosen, { onSuccess: (result) => { if (result.kind === 'loaded') setChosen([]); } });
  };

  const inputError = nothingChosen !== null ? 'Choose your files first'
    : outcome?.kind === 'invalid' && !busy ? 'Your files were not loaded: fix the problems listed, then choose the fixed files again' : null;
  const attempt = check.submittedAt;

  return (
    <div className="data-view">
      {nothingChosen !== null && (
        <ErrorSummary key={nothingChosen} errors={[{ text: 'Choose your files first', href: `#${FILE_INPUT_ID}` }]} />
      )}
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
        status={<CheckProgress phase={check.phase} idleMessage={idleMessage(outcome)} />} />
      {!busy && outcome?.kind === 'invalid' && <FileReports result={outcome.result} />}
      <ContractReference />
    </div>
  );
}
