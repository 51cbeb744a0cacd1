// The provider that owns the page's database (one DataSession), and the hooks views use to reach it.
// Views render inside <WhenDataReady>, so useDatabase() there always has a loaded data set.
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { QueryParam, ResultRow } from '../db/database.ts';
import { describeProgress, shownData } from './data-session.ts';
import type { DataSession, DataState, ShownData } from './data-session.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';

const SessionContext = createContext<DataSession | null>(null);

export function DatabaseProvider({ session, children }: { session: DataSession; children: ReactNode }) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

function useSession(): DataSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useDatabase() needs a <DatabaseProvider> above it');
  return session;
}

/** Where loading is: for the shell's progress indicator and banners. */
export function useDataState(): DataState {
  const session = useSession();
  return useSyncExternalStore(session.subscribe, session.getState);
}

/**
 * The loaded data set: its Database, version (for query keys) and row counts. Use under <WhenDataReady>. While
 * a new data set loads, this is still the previous one (its version changes once the new one is in). At start-up,
 * before the data is open, it may be the early data (db null): only figures with stored answers compute then.
 */
export function useDatabase(): ShownData {
  const state = useDataState();
  const data = shownData(state);
  if (!data) throw new Error('useDatabase() was called before the data was loaded; render under <WhenDataReady>');
  return data;
}

/** Replaces the data set with the user's files; rejects (and keeps the old data) when they cannot be loaded. */
export function useLoadUserFiles(): DataSession['loadUserFiles'] {
  const session = useSession();
  return (files, options) => session.loadUserFiles(files, options);
}

/** Deletes the user's files kept on this device and goes back to the sample data. */
export function useForgetKeptData(): DataSession['forgetKeptData'] {
  const session = useSession();
  return () => session.forgetKeptData();
}

/**
 * Query options for one SQL statement on the loaded data: keyed by a name, the data version and the parameters,
 * so it reruns when the data or the filters change. Features wrap it in their own hooks.
 */
export function sqlQueryOptions<T extends ResultRow>(data: ShownData, name: string, sql: string, params: readonly QueryParam[] = []) {
  const { db } = data;
  return queryOptions({
    queryKey: ['sql', name, data.version, params],
    // Early data has no database: the statement waits (runs once the data is open).
    queryFn: () => (db ? db.query<T>(sql, params) : Promise.reject(new Error('The data is not open yet.'))),
    enabled: db !== null,
    placeholderData: keepPreviousData,
  });
}

/** Runs one SQL statement on the loaded data (see sqlQueryOptions). */
export function useSqlQuery<T extends ResultRow>(name: string, sql: string, params: readonly QueryParam[] = []) {
  return useQuery(sqlQueryOptions<T>(useDatabase(), name, sql, params));
}

export function ProgressIndicator({ message, detail }: { message: string; detail?: string | undefined }) {
  return (
    <div className="app-progress" role="status" aria-live="polite">
      <span className="app-progress__spinner" aria-hidden="true" />
      <div>
        <p className="app-progress__message">{message}…</p>
        {detail && <p className="app-progress__detail">{detail}</p>}
      </div>
    </div>
  );
}

/**
 * Renders its children once a data set is loaded; until then the progress, or what went wrong. While the user's
 * files replace the data set, the children stay (on the old data) under the progress message.
 */
export function WhenDataReady({ children }: { children: ReactNode }) {
  const state = useDataState();
  if (state.status === 'failed') {
    return (
      <ErrorSummary
        title="The data could not be loaded"
        errors={[{ text: state.error.message }]}
        description="Reload the page to try again. If it happens again, tell the team that looks after this tool."
      />
    );
  }
  const hasData = shownData(state) !== undefined;
  // Early (figures from the answers stored with the data, before it is open): said beside the progress.
  const early = state.status === 'loading' && !state.previous && state.early !== undefined;
  // The same two slots in every state, so the children are not remounted when loading starts or ends.
  return (
    <>
      {state.status === 'loading' && <ProgressIndicator message={describeProgress(state.progress)}
        detail={early ? 'Until the data is open, only the figures saved with it (the Equity view with no filters) can be shown; locality and months can be chosen once it is open.' : undefined} />}
      {hasData && children}
    </>
  );
}
