// Catches an error thrown while rendering a view, so one broken view shows what went wrong and the rest of the
// page (navigation, other views) keeps working. Give it `key={viewId}` to reset it when the view changes.
import { Component } from 'react';
import type { ReactNode } from 'react';
import { ErrorSummary } from '../components/ErrorSummary.tsx';

interface State {
  readonly error: Error | null;
}

export class ViewErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <ErrorSummary
        title="This view could not be shown"
        errors={[{ text: this.state.error.message }]}
        description="The other views may still work. Reloading the page loads the sample data again."
      />
    );
  }
}
