// The one database of the page and the data set loaded into it, as a small store React subscribes to. It starts
// before React mounts (src/app/start-app.tsx), so the engine download overlaps everything else. No React here:
// the provider in database-context.tsx only subscribes. Marks tee:engine-ready, tee:files-ready and
// tee:data-ready (performance.mark) time the start-up for benchmarks.
// The user's files, once loaded, are kept on their device (src/app/stored-data.ts, the origin-private file system)
// unless they choose not to; on return the session opens those through the same load path instead of the sample.
// Keeping runs in the background once the data is ready (the state says 'keeping' until it is kept or has failed).
// A snapshot may carry the first view's stored answers (src/app/stored-answers.ts): while the engine starts and the
// snapshot opens, the state is 'loading' with `early` data (no database yet), from which those figures are computed.
import type { EngineProgress } from '../db/browser-duckdb.ts';
import type { Database } from '../db/database.ts';
import type { FileData } from '../db/file-data.ts';
import { DEFAULT_DATE_FLOOR } from '../contract/sql-checks.ts';
import { loadContractTables } from '../db/load-tables.ts';
import type { LoadProgress, LoadedTables } from '../db/load-tables.ts';
import type { SqlSource } from '../queries/index.ts';
import { exportSnapshot, openSnapshot, type Snapshot } from './data-snapshot.ts';
import { usableAnswers, type StoredAnswers } from './stored-answers.ts';
import type { StorageSupport, StoredData, StoredManifest } from './stored-data.ts';

export type DataSource = 'sample' | 'user';

/** Where the data set is kept beyond this tab. */
export type Keeping =
  /** The sample (never kept); `reopenProblem` says why the user's kept files could not be opened, if they could not. */
  | { readonly kind: 'sample'; readonly reopenProblem?: string }
  /** The user's files, kept on this device; `reopened` when they were opened from there at the start of this visit. */
  | { readonly kind: 'kept'; readonly manifest: StoredManifest; readonly reopened: boolean }
  /** The user's files, in use; being kept on this device in the background. */
  | { readonly kind: 'keeping'; readonly loadedAt: string }
  /** The user's files, in this tab only: `reason` is why (their choice, or the browser cannot keep files). */
  | { readonly kind: 'tab-only'; readonly reason: 'chosen' | 'unavailable' | 'failed'; readonly detail?: string; readonly loadedAt: string };

/** What a load is given: a snapshot to open (if any) and the files, read only when they are needed. */
interface DataInput {
  readonly snapshot?: Snapshot | undefined;
  readonly files: () => Promise<Record<string, FileData>>;
  /** The file names, when the files themselves may never be read (a snapshot opened). */
  readonly fileNames?: readonly string[];
}

/** Keeps a data set just loaded (in `db`) and says where it is kept. */
type KeepFn = (db: Database, loaded: LoadedTables, loadedAt: string) => Promise<Keeping>;

/** The sample: its files, and the snapshot made of them at build time (src/app/sample-data.ts). */
export interface SampleSource {
  readonly files: () => Promise<Record<string, Uint8Array>>;
  readonly snapshot?: () => Promise<{ readonly snapshot: Snapshot; readonly fileNames: readonly string[] } | null>;
}

/** What the session needs of the device's storage (src/app/stored-data.ts; a fake in unit tests). */
export interface DataStore {
  support(): Promise<StorageSupport>;
  read(): Promise<StoredData | null>;
  /** `loadedAt` is when the data set became ready, as the page has said since. */
  save(files: Record<string, FileData>, dateFloor: string, snapshot: Snapshot | undefined, loadedAt: string): Promise<StoredManifest>;
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
  readonly answers?: undefined;
}

/**
 * The data set before it is open (no database yet): what its snapshot says of it, and the stored answers the first
 * view's figures are computed from meanwhile (src/app/figures.ts). Anything else waits for the ReadyData.
 */
export interface EarlyData extends Omit<ReadyData, 'db' | 'answers'> {
  readonly db: null;
  readonly answers: StoredAnswers;
}

/** What the page shows: the data set loaded, or the one about to be (early). */
export type ShownData = ReadyData | EarlyData;

export type SessionProgress = EngineProgress | LoadProgress | { readonly stage: 'fetching-sample' };

export type DataState =
  | { readonly status: 'loading'; readonly progress: SessionProgress; readonly previous?: ReadyData; readonly early?: EarlyData }
  | { readonly status: 'ready'; readonly data: ReadyData }
  | { readonly status: 'failed'; readonly error: Error };

export class DataSession {
  private state: DataState = { status: 'loading', progress: { stage: 'downloading-engine', bytesLoaded: 0, bytesTotal: 0 } };
  private readonly listeners = new Set<() => void>();
  private engine: Promise<Database> | undefined;
  private version = 0;
  /** Loads run one after another: each is a transaction on the one connection. */
  private queue: Promise<unknown> = Promise.resolve();
  private sample: SampleSource = { files: () => Promise.reject(new Error('DataSession.start has not been called')) };

  /**
   * `scratchDir`: under Node only, a folder of one's own (ending in /) where DuckDB-wasm writes snapshot exports.
   * `answersSql`: where the query files are read from, to store the first view's answers with a kept snapshot.
   */
  constructor(private readonly enrichSql: string, private readonly store?: DataStore, private readonly scratchDir = '',
    private readonly answersSql?: SqlSource) {}

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

  /** Resolves once every load and background keeping asked for so far has finished. */
  settled(): Promise<void> {
    return this.queue.then(() => undefined);
  }

  /** Reports engine progress while no data set is loaded yet (pass this to openBrowserDatabase). */
  readonly reportEngineProgress = (progress: EngineProgress): void => {
    if (this.state.status === 'loading') this.setState({ ...this.state, progress });
  };

  /**
   * Starts the session with the engine (already starting): the user's kept data if there is any (and it still
   * opens), else the sample (fetched only then).
   */
  start(engine: Promise<Database>, sample: SampleSource): Promise<void> {
    // Awaited later; until then a rejection must not count as unhandled.
    engine.catch(() => undefined);
    this.engine = engine;
    this.sample = sample;
    const kept = this.store ? this.store.read().catch((error: unknown) => error instanceof Error ? error : new Error(String(error)))
      : Promise.resolve(null);
    const sampleLoad = (reopenProblem?: string) => this.load(this.sampleInput(), { kind: 'sample', ...(reopenProblem ? { reopenProblem } : {}) });
    const run = kept.then((found) => {
      if (found instanceof Error) return sampleLoad(found.message);
      if (!found) return sampleLoad();
      const input: DataInput = { fileNames: found.manifest.files.map((f) => f.name), snapshot: found.snapshot, files: found.readFiles };
      return this.load(Promise.resolve(input), { kind: 'kept', manifest: found.manifest, reopened: true }, { dateFloor: found.manifest.dateFloor })
        .catch((error: unknown) => sampleLoad(error instanceof Error ? error.message : String(error)));
    });
    return run.then(() => undefined, () => undefined);
  }

  /** The sample: its snapshot when there is one (the fast way in), its files otherwise. */
  private async sampleInput(): Promise<DataInput> {
    const { files, snapshot } = this.sample;
    const found = snapshot ? await snapshot().catch(() => null) : null;
    return found ? { fileNames: found.fileNames, snapshot: found.snapshot, files } : { files };
  }

  /**
   * Replaces the data set with the user's files (keyed by file name), then keeps them on this device unless
   * `keep` is false. Rejects with the reason when they cannot be loaded; the previous data set then stays loaded.
   */
  loadUserFiles(files: Record<string, FileData>, options: UserLoadOptions = {}): Promise<ReadyData> {
    const input: DataInput = { files: () => Promise.resolve(files) };
    return this.load(Promise.resolve(input), async (db, loaded, loadedAt) => {
      const dateFloor = options.dateFloor ?? DEFAULT_DATE_FLOOR;
      if (options.keep === false) {
        await this.store?.forget().catch(() => undefined);
        return { kind: 'tab-only', reason: 'chosen', loadedAt };
      }
      if (!this.store) return { kind: 'tab-only', reason: 'unavailable', loadedAt };
      const support = await this.store.support();
      if (!support.ok) return { kind: 'tab-only', reason: 'unavailable', detail: support.reason, loadedAt };
      try {
        // The snapshot beside the files makes the next visit open without running the checks again, and its stored
        // answers draw that visit's first figures before the engine is ready.
        const snapshot = await exportSnapshot(db, loaded, this.scratchDir, this.answersSql);
        return { kind: 'kept', manifest: await this.store.save(files, dateFloor, snapshot, loadedAt), reopened: false };
      } catch (error) {
        // Nothing half-kept may be opened next time.
        await this.store.forget().catch(() => undefined);
        return { kind: 'tab-only', reason: 'failed', detail: error instanceof Error ? error.message : String(error), loadedAt };
      }
    }, options);
  }

  /** Deletes the user's kept files from this device and goes back to the sample data. */
  async forgetKeptData(): Promise<ReadyData> {
    // Keeping still under way would write the files back after they were deleted: it finishes first.
    await this.settled();
    await this.store?.forget();
    return this.load(this.sampleInput(), { kind: 'sample' });
  }

  /** `keeping` says where the data set is kept, or keeps it (a function run once the data has loaded). */
  private load(input: Promise<DataInput>, keeping: Keeping | KeepFn, options: UserLoadOptions = {}): Promise<ReadyData> {
    // A rejection is handled by the caller (or by the queue below) once the load runs.
    input.catch(() => undefined);
    const run = this.queue.then(() => this.loadNow(input, keeping, options));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async loadNow(input: Promise<DataInput>, keeping: Keeping | KeepFn, options: UserLoadOptions): Promise<ReadyData> {
    const source: DataSource = typeof keeping === 'function' || keeping.kind !== 'sample' ? 'user' : 'sample';
    const { onProgress } = options;
    const dateFloor = options.dateFloor ?? DEFAULT_DATE_FLOOR;
    if (!this.engine) throw new Error('DataSession.start has not been called');
    const previous = this.previous();
    let early: EarlyData | null = null;
    const progress = (p: SessionProgress) => this.setState({ status: 'loading', progress: p, previous, ...(early ? { early } : {}) });
    if (previous) progress({ stage: 'loading-table', table: 'schools', done: {} });
    try {
      // The input (a snapshot fetched or read from the device) usually comes long before the engine is ready.
      const given = await input;
      early = previous ? null : this.earlyData(given, keeping, source, dateFloor);
      if (early) {
        performance.mark('tee:early-ready');
        this.setState({ status: 'loading', progress: this.state.status === 'loading' ? this.state.progress : { stage: 'starting-engine' }, early });
      }
      const db = await this.engine;
      performance.mark('tee:engine-ready');
      let loaded: LoadedTables | null = null;
      let fileNames = given.fileNames;
      if (given.snapshot) {
        performance.mark('tee:files-ready');
        progress({ stage: 'deriving-views', done: given.snapshot.manifest.loaded.rowCounts });
        // Checked when it was made; if it no longer opens (another contract), the files go through the checks.
        loaded = await openSnapshot(db, given.snapshot, this.enrichSql).catch(() => null);
      }
      if (!loaded) {
        const files = await given.files();
        performance.mark('tee:files-ready');
        fileNames = Object.keys(files).sort();
        // Every check and the load run as SQL in DuckDB's worker; the page only passes the files and reads the outcome.
        loaded = await loadContractTables(db, files, {
          enrichSql: this.enrichSql, dateFloor, onProgress: (p) => { progress(p); onProgress?.(p); },
        });
      }
      performance.mark('tee:data-ready');
      this.version += 1;
      const loadedAt = new Date().toISOString();
      const kept: Keeping = typeof keeping === 'function' ? { kind: 'keeping', loadedAt } : keeping;
      const data: ReadyData = { db, version: this.version, source, fileNames: fileNames ?? [], loaded, keeping: kept, dateFloor };
      this.setState({ status: 'ready', data });
      if (typeof keeping === 'function') this.keepInBackground(data, keeping, loadedAt);
      return data;
    } catch (cause) {
      const error = cause instanceof Error ? cause : new Error(String(cause));
      // The early figures were of data that did not open: the state below replaces them.
      // Kept files that no longer open are followed at once by the sample: no failure to show in between.
      const reopening = typeof keeping !== 'function' && keeping.kind === 'kept' && keeping.reopened;
      if (previous) this.setState({ status: 'ready', data: previous });
      else if (!reopening) this.setState({ status: 'failed', error });
      throw error;
    }
  }

  /** The early data for an input whose snapshot carries stored answers for itself; null otherwise. */
  private earlyData(given: DataInput, keeping: Keeping | KeepFn, source: DataSource, dateFloor: string): EarlyData | null {
    const answers = given.snapshot ? usableAnswers(given.snapshot.answers, given.snapshot.manifest.digest) : null;
    if (!answers || !given.snapshot || typeof keeping === 'function') return null;
    return { db: null, version: 0, source, fileNames: given.fileNames ?? [], loaded: given.snapshot.manifest.loaded, keeping, dateFloor, answers };
  }

  /**
   * Keeps the data set just made ready, after it is in use (the next load waits for it: both use the one
   * connection); then says where it is kept, unless another data set has replaced it meanwhile.
   */
  private keepInBackground(data: ReadyData, keep: KeepFn, loadedAt: string): void {
    const run = this.queue.then(() => keep(data.db, data.loaded, loadedAt)).catch((error: unknown): Keeping => (
      { kind: 'tab-only', reason: 'failed', detail: error instanceof Error ? error.message : String(error), loadedAt }));
    this.queue = run.then((kept) => {
      if (this.state.status === 'ready' && this.state.data === data) this.setState({ status: 'ready', data: { ...data, keeping: kept } });
    });
  }
}

/** The data set the page shows in `state`: the one loaded, the one being replaced, or the one about to open. */
export function shownData(state: DataState): ShownData | undefined {
  return state.status === 'ready' ? state.data : state.status === 'loading' ? state.previous ?? state.early : undefined;
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
