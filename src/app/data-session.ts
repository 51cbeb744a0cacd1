// The one database of the page and the data set loaded into it, as a small store React subscribes to. It starts
// before React mounts (src/app/start-app.tsx), so the engine download overlaps everything else. No React here:
// the provider in database-context.tsx only subscribes. Marks tee:engine-ready, tee:files-ready and
// tee:data-ready (performance.mark) time the start-up for benchmarks.
import type { EngineProgress } from '../db/browser-duckdb.ts';
import type { Database } from '../db/database.ts';
import { loadContractTables } from '../db/load-tables.ts';
import type { LoadProgress, LoadedTables } from '../db/load-tables.ts';

export type DataSource = 'sample' | 'user';

/** A loaded data set. `version` changes on every load: put it in query keys so every query reruns. */
export interface ReadyData {
  readonly db: Database;
  readonly version: number;
  readonly source: DataSource;
  readonly fileNames: readonly string[];
  readonly loaded: LoadedTables;
}

export type SessionProgress = EngineProgress | LoadProgress | { readonly stage: 'fetching-sample' };

export type DataState =
  | { readonly status: 'loading'; readonly progress: SessionProgress; readonly previous?: ReadyData }
  | { readonly status: 'ready'; readonly data: ReadyData }
  | { readonly status: 'failed'; readonly error: Error };

export class DataSession {
  private state: DataState = { status: 'loading', progress: { stage: 'downloading-engine', bytesLoaded: 0, bytesTotal: 0 } };
  private readonly listeners = new Set<() => void>();
  private engine: Promise<Database> | undefined;
  private version = 0;
  /** Loads run one after another: each is a transaction on the one connection. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly enrichSql: string) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): DataState => this.state;

  private setState(state: DataState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }

  private previous(): ReadyData | undefined {
    return this.state.status === 'ready' ? this.state.data : this.state.status === 'loading' ? this.state.previous : undefined;
  }

  /** Reports engine progress while no data set is loaded yet (pass this to openBrowserDatabase). */
  readonly reportEngineProgress = (progress: EngineProgress): void => {
    if (this.state.status === 'loading') this.setState({ ...this.state, progress });
  };

  /** Starts the session with the engine (already starting) and the sample files (already being fetched). */
  start(engine: Promise<Database>, sampleFiles: Promise<Record<string, Uint8Array>>): Promise<void> {
    // Both are awaited later; until then a rejection must not count as unhandled.
    engine.catch(() => undefined);
    sampleFiles.catch(() => undefined);
    this.engine = engine;
    return this.load(sampleFiles, 'sample').then(() => undefined, () => undefined);
  }

  /**
   * Replaces the data set with the user's files (keyed by file name). Rejects with the reason when they cannot be
   * loaded; the previous data set then stays loaded.
   */
  loadUserFiles(files: Record<string, Uint8Array>, onProgress?: (progress: LoadProgress) => void): Promise<ReadyData> {
    return this.load(Promise.resolve(files), 'user', onProgress);
  }

  private load(files: Promise<Record<string, Uint8Array>>, source: DataSource, onProgress?: (progress: LoadProgress) => void): Promise<ReadyData> {
    const run = this.queue.then(() => this.loadNow(files, source, onProgress));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async loadNow(files: Promise<Record<string, Uint8Array>>, source: DataSource, onProgress?: (progress: LoadProgress) => void): Promise<ReadyData> {
    if (!this.engine) throw new Error('DataSession.start has not been called');
    const previous = this.previous();
    const progress = (p: SessionProgress) => this.setState({ status: 'loading', progress: p, previous });
    if (previous) progress({ stage: 'loading-table', table: 'schools', done: {} });
    try {
      const db = await this.engine;
      performance.mark('tee:engine-ready');
      if (source === 'sample') progress({ stage: 'fetching-sample' });
      const bytes = await files;
      performance.mark('tee:files-ready');
      const fileNames = Object.keys(bytes).sort();
      // Every check and the load run as SQL in DuckDB's worker; the page only passes the bytes and reads the outcome.
      const loaded = await loadContractTables(db, bytes, {
        enrichSql: this.enrichSql, onProgress: (p) => { progress(p); onProgress?.(p); },
      });
      performance.mark('tee:data-ready');
      this.version += 1;
      const data: ReadyData = { db, version: this.version, source, fileNames, loaded };
      this.setState({ status: 'ready', data });
      return data;
    } catch (cause) {
      const error = cause instanceof Error ? cause : new Error(String(cause));
      this.setState(previous ? { status: 'ready', data: previous } : { status: 'failed', error });
      throw error;
    }
  }
}

const MB = 1_000_000;

/** The progress in words, for the status message. */
export function describeProgress(progress: SessionProgress): string {
  switch (progress.stage) {
    case 'downloading-engine':
      return progress.bytesTotal > 0
        ? `Downloading the analysis engine (${Math.round(progress.bytesLoaded / MB)} of ${Math.round(progress.bytesTotal / MB)} MB)`
        : 'Downloading the analysis engine';
    case 'starting-engine':
      return 'Starting the analysis engine';
    case 'fetching-sample':
      return 'Fetching the sample data';
    case 'loading-table': {
      const done = Object.entries(progress.done).map(([table, rows]) => `${table} ${rows.toLocaleString('en-GB')} rows`);
      return `Reading tables: ${[...done, `${progress.table}…`].join(', ')}`;
    }
    case 'checking-table': {
      const done = Object.entries(progress.done).map(([table, rows]) => `${table} ${rows.toLocaleString('en-GB')} rows`);
      return `Checking tables: ${[...done, `${progress.table} (${progress.rows.toLocaleString('en-GB')} rows)…`].join(', ')}`;
    }
    case 'deriving-views':
      return 'Preparing the data for the charts';
  }
}
