// Where checking and loading are, as a live region that is always in the page (so screen readers announce each
// change) and a progress bar by step: each table read, then checked (with its rows), then the charts' tables
// built. The spoken text changes once per step, not on every row.
import type { CheckPhase } from '../hooks/use-check-and-load.ts';

export interface CheckProgressProps {
  readonly phase: CheckPhase | null;
  /** What to say when nothing is running, e.g. "Checked 15,000 rows in 0.4 seconds". */
  readonly idleMessage: string;
}

const rows = (n: number) => `${n.toLocaleString('en-GB')} row${n === 1 ? '' : 's'}`;

function spokenText(phase: CheckPhase): string {
  const p = phase.progress;
  if (!p) return 'Checking your files against the data contract';
  switch (p.stage) {
    case 'loading-table': return `Reading ${p.table} into the analysis engine`;
    case 'checking-table': return `Checking ${p.table} (${rows(p.rows)}) against the data contract`;
    case 'deriving-views': return 'All files passed the checks. Preparing the data for the charts';
  }
}

/** Steps done of all steps: two per file (read, check) and one to build the charts' tables. */
function fraction(phase: CheckPhase): number | null {
  if (!phase.progress) return null;
  const total = phase.fileCount * 2 + 1;
  const done = Object.keys(phase.progress.done).length * 2;
  const step = phase.progress.stage === 'checking-table' ? 1 : phase.progress.stage === 'deriving-views' ? total - done : 0;
  return Math.min(1, (done + step) / total);
}

export function CheckProgress({ phase, idleMessage }: CheckProgressProps) {
  const share = phase ? fraction(phase) : null;
  const percent = share === null ? null : Math.round(share * 100);
  const p = phase?.progress ?? null;
  const rowsDone = p ? Object.values(p.done).reduce((n, r) => n + r, 0) + (p.stage === 'checking-table' ? p.rows : 0) : 0;
  return (
    <div className="data-progress">
      <p className="data-progress__message" role="status" aria-live="polite">
        {phase ? `${spokenText(phase)}…` : idleMessage}
      </p>
      {phase && (
        <div className="data-progress__bar" aria-hidden="true">
          {percent !== null ? <progress max={100} value={percent} /> : <progress />}
          {p && <span className="data-progress__detail">{percent}% · {rows(rowsDone)}</span>}
        </div>
      )}
    </div>
  );
}
