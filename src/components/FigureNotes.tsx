// The longer explanation of a figure (how to read it, why each item is flagged), folded under it in a <details>
// so the page leads with the figures and the key findings; opened for printing (see print.ts).
import type { ReactNode } from 'react';

export function FigureNotes({ summary, children }: { summary: string; children: ReactNode }) {
  return (
    <details className="govuk-details figure-notes">
      <summary className="govuk-details__summary"><span className="govuk-details__summary-text">{summary}</span></summary>
      <div className="govuk-details__text">{children}</div>
    </details>
  );
}
