// Starts everything the page needs, in order of how long it takes: the engine (in the worker the entry already
// started) and the data (the user's files kept on this device, else the sample) first, then the first view's code,
// then React.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { openBrowserDatabase } from '../db/browser-duckdb.ts';
import enrichSql from '../db/enrich.sql?raw';
import type { StartedWorker } from '../db/worker-start.ts';
import { bundledSql } from '../queries/browser-sql.ts';
import { App } from './App.tsx';
import { DataSession } from './data-session.ts';
import { DatabaseProvider } from './database-context.tsx';
import { createQueryClient } from './query-client.ts';
import { fetchSampleFiles, fetchSampleSnapshot } from './sample-data.ts';
import { DEVICE_STORE } from './stored-data.ts';
import { parseUrlState } from './url-state.ts';
import { preloadView } from './views.ts';

export function startApp(root: HTMLElement, started: StartedWorker): void {
  // The query files also serve the first view's answers stored with the user's kept data (src/app/stored-answers.ts).
  const session = new DataSession(enrichSql, DEVICE_STORE, '', bundledSql);
  void session.start(openBrowserDatabase(session.reportEngineProgress, started), { files: fetchSampleFiles, snapshot: fetchSampleSnapshot });
  preloadView(parseUrlState(window.location.search).view);
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={createQueryClient()}>
        <DatabaseProvider session={session}>
          <App />
        </DatabaseProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
}
