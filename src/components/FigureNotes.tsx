// The longer explanation of a figure (how to read it, why each item is flagged), folded under it in a <details>
// so the page leads with the figures and the key findings; opened for printing (see print.ts).
import type { ReactNode } from 'react';

export function FigureNotes({ summary, children }: { summary: string; children: ReactNode }) {
  return (
    <details className="details figure-notes">
      <summary className="details__summary">{summary}</summary>
      <div className="details__text">{children}</div>
    </details>
  );
}
