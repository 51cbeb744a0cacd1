// The one database of the page and the data set loaded into it, as a small store React subscribes to. It starts
// before React mounts (src/app/start-app.tsx), so the engine download overlaps everything else. No React here:
// the provider in database-context.tsx only subscribes. Marks tee:engine-ready, tee:files-ready and
// tee:data-ready (performance.mark) time the start-up for benchmarks.
// The user's files, once loaded, are kept on their device (src/app/stored-data.ts, the origin-private file system)
// unless they choose not to; on return the session opens those through the same load path instead of the sample.
import type { EngineProgress } from '../db/browser-duckdb.ts';
import type { Database } from '../db/database.ts';
import { DEFAULT_DATE_FLOOR } from '../contract/sql-checks.ts';
import { loadContractTables } from '../db/load-tables.ts';
import type { LoadProgress, LoadedTables } from '../db/load-tables.ts';
import type { StorageSupport, StoredData, StoredManifest } from './stored-data.ts';

export type DataSource = 'sample' | 'user';

/** Where the data set is kept beyond this tab. */
export type Keeping =
  /** The sample (never kept); `reopenProblem` says why the user's kept files could not be opened, if they could not. */
  | { readonly kind: 'sample'; readonly reopenProblem?: string }
  /** The user's files, kept on this device; `reopened` when they were opened from there at the start of this visit. */
  | { readonly kind: 'kept'; readonly manifest: StoredManifest; readonly reopened: boolean }
  /** The user's files, in this tab only: `reason` is why (their choice, or the browser cannot keep files). */
  | { readonly kind: 'tab-only'; readonly reason: 'chosen' | 'unavailable' | 'failed'; readonly detail?: string; readonly loadedAt: string };

/** What the session needs of the device's storage (src/app/stored-data.ts; a fake in unit tests). */
export interface DataStore {
  support(): Promise<StorageSupport>;
  read(): Promise<StoredData | null>;
  save(files: Record<string, Uint8Array>, dateFloor: string): Promise<StoredManifest>;
  forget(): Promise<void>;
}

export interface UserLoadOptions {
  readonly onProgress?: (progress: LoadProgress) => void;
  /** No date may be before this day (yyyy-mm-dd); default DEFAULT_DATE_FLOOR. */
  readonly dateFloor?: string;
  /** Keep the files on this device for the next visit (default true). */
  readonly keep?: boolean;
}

/** A loaded data set. `version` changes on every load: put it in query keys so every query reruns. */
export interface ReadyData {
  readonly db: Database;
  readonly version: number;
  readonly source: DataSource;
  readonly fileNames: readonly string[];
  readonly loaded: LoadedTables;
  readonly keeping: Keeping;
  /** The plausibility date floor the data was checked against. */
  readonly dateFloor: string;
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
  private sampleFiles: () => Promise<Record<string, Uint8Array>> = () => Promise.reject(new Error('DataSession.start has not been called'));

  constructor(private readonly enrichSql: string, private readonly store?: DataStore) {}

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

  /**
   * Starts the session with the engine (already starting): the user's kept files if there are any (and they still
   * pass the checks), else the sample files (fetched only then, by `sampleFiles`).
   */
  start(engine: Promise<Database>, sampleFiles: () => Promise<Record<string, Uint8Array>>): Promise<void> {
    // Awaited later; until then a rejection must not count as unhandled.
    engine.catch(() => undefined);
    this.engine = engine;
    this.sampleFiles = sampleFiles;
    const kept = this.store ? this.store.read().catch((error: unknown) => error instanceof Error ? error : new Error(String(error)))
      : Promise.resolve(null);
    const sample = (reopenProblem?: string) => this.load(sampleFiles(), { kind: 'sample', ...(reopenProblem ? { reopenProblem } : {}) });
    const run = kept.then((found) => {
      if (found instanceof Error) return sample(found.message);
      if (!found) return sample();
      return this.load(Promise.resolve(found.files), { kind: 'kept', manifest: found.manifest, reopened: true }, { dateFloor: found.manifest.dateFloor })
        .catch((error: unknown) => sample(error instanceof Error ? error.message : String(error)));
    });
    return run.then(() => undefined, () => undefined);
  }

  /**
   * Replaces the data set with the user's files (keyed by file name), then keeps them on this device unless
   * `keep` is false. Rejects with the reason when they cannot be loaded; the previous data set then stays loaded.
   */
  loadUserFiles(files: Record<string, Uint8Array>, options: UserLoadOptions = {}): Promise<ReadyData> {
    const loadedAt = new Date().toISOString();
    return this.load(Promise.resolve(files), async () => {
      const dateFloor = options.dateFloor ?? DEFAULT_DATE_FLOOR;
      if (options.keep === false) {
        await this.store?.forget().catch(() => undefined);
        return { kind: 'tab-only', reason: 'chosen', loadedAt };
      }
      if (!this.store) return { kind: 'tab-only', reason: 'unavailable', loadedAt };
      const support = await this.store.support();
      if (!support.ok) return { kind: 'tab-only', reason: 'unavailable', detail: support.reason, loadedAt };
      try {
        return { kind: 'kept', manifest: await this.store.save(files, dateFloor), reopened: false };
      } catch (error) {
        // Nothing half-kept may be opened next time.
        await this.store.forget().catch(() => undefined);
        return { kind: 'tab-only', reason: 'failed', detail: error instanceof Error ? error.message : String(error), loadedAt };
      }
    }, options);
  }

  /** Deletes the user's kept files from this device and goes back to the sample data. */
  async forgetKeptData(): Promise<ReadyData> {
    await this.store?.forget();
    return this.load(this.sampleFiles(), { kind: 'sample' });
  }

  /** `keeping` says where the data set is kept, or keeps it (a function run once the files have loaded). */
  private load(files: Promise<Record<string, Uint8Array>>, keeping: Keeping | (() => Promise<Keeping>), options: UserLoadOptions = {}): Promise<ReadyData> {
    // A rejection is handled by the caller (or by the queue below) once the load runs.
    files.catch(() => undefined);
    const run = this.queue.then(() => this.loadNow(files, keeping, options));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async loadNow(files: Promise<Record<string, Uint8Array>>, keeping: Keeping | (() => Promise<Keeping>), options: UserLoadOptions): Promise<ReadyData> {
    const source: DataSource = typeof keeping === 'function' || keeping.kind !== 'sample' ? 'user' : 'sample';
    const { onProgress } = options;
    const dateFloor = options.dateFloor ?? DEFAULT_DATE_FLOOR;
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
        enrichSql: this.enrichSql, dateFloor, onProgress: (p) => { progress(p); onProgress?.(p); },
      });
      performance.mark('tee:data-ready');
      const kept = typeof keeping === 'function' ? await keeping() : keeping;
      this.version += 1;
      const data: ReadyData = { db, version: this.version, source, fileNames, loaded, keeping: kept, dateFloor };
      this.setState({ status: 'ready', data });
      return data;
    } catch (cause) {
      const error = cause instanceof Error ? cause : new Error(String(cause));
      // Kept files that no longer open are followed at once by the sample: no failure to show in between.
      const reopening = typeof keeping !== 'function' && keeping.kind === 'kept' && keeping.reopened;
      if (previous) this.setState({ status: 'ready', data: previous });
      else if (!reopening) this.setState({ status: 'failed', error });
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
