// Where checking and loading are, as a live region that is always in the page (so screen readers announce each
// change) and a progress bar for the file being checked. The spoken text changes once per file and stage, not on
// every percent.
import type { CheckPhase } from '../hooks/use-check-and-load.ts';

export interface CheckProgressProps {
  readonly phase: CheckPhase | null;
  /** What to say when nothing is running, e.g. "Checked 15,000 rows in 0.4 seconds". */
  readonly idleMessage: string;
}

function spokenText(phase: CheckPhase): string {
  switch (phase.stage) {
    case 'reading':
      return 'Reading your files';
    case 'checking': {
      const p = phase.progress;
      return p ? `Checking ${p.fileName} (file ${p.fileIndex + 1} of ${p.fileCount}) against the data contract` : 'Checking your files against the data contract';
    }
    case 'loading':
      return 'All files passed the checks. Loading them into the analysis engine';
  }
}

export function CheckProgress({ phase, idleMessage }: CheckProgressProps) {
  const progress = phase?.stage === 'checking' ? phase.progress : null;
  const percent = progress ? Math.round(progress.fraction * 100) : null;
  return (
    <div className="data-progress">
      <p className="data-progress__message" role="status" aria-live="polite">
        {phase ? `${spokenText(phase)}…` : idleMessage}
      </p>
      {phase && (
        <div className="data-progress__bar" aria-hidden="true">
          {percent !== null ? <progress max={100} value={percent} /> : <progress />}
          {progress && <span className="data-progress__detail">{percent}% · {progress.rowsDone.toLocaleString('en-GB')} rows</span>}
        </div>
      )}
    </div>
  );
}
