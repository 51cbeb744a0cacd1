// What a section shows while its figure is computed, when it fails, and once it is ready. While new filters are
// applied the previous figure stays on screen (keepPreviousData); an update that takes a while says so over the
// section's top corner (UpdatingNotice), without moving the figures.
import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { ProgressIndicator } from '../../../app/database-context.tsx';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { UpdatingNotice } from '../../../components/UpdatingNotice.tsx';

export interface FigureStateProps<T> {
  readonly query: UseQueryResult<T>;
  /** e.g. "Working out referral rates" (the indicator adds the ellipsis). */
  readonly loading: string;
  /** e.g. "The referral rates could not be worked out". */
  readonly failed: string;
  readonly children: (data: T) => ReactNode;
}

export function FigureState<T>({ query, loading, failed, children }: FigureStateProps<T>) {
  if (query.error) {
    return (
      <ErrorSummary
        title={failed}
        errors={[{ text: query.error.message }]}
        description={<p>Try changing the filters. If it happens again, tell the team that looks after this tool.</p>}
      />
    );
  }
  if (query.data === undefined) return <ProgressIndicator message={loading} />;
  return (
    <div className="app-updating-frame" aria-busy={query.isFetching}>
      <UpdatingNotice updating={query.isPlaceholderData && query.isFetching} message="Updating for the new filters" />
      {children(query.data)}
    </div>
  );
}
