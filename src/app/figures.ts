// The bridge from the shell to the analytics layer: every figure a view shows is computed by src/analytics (the
// same code `report` runs) on the loaded data, through react-query, keyed by the figure's name, the data version,
// the URL's filters and the figure's own options. Views call useFigure and only render.
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { resolvePeriod, type Filters as AnalyticsFilters, type Period } from '../analytics/index.ts';
import { DEFAULT_SETTINGS, type AnalyticsSettings } from '../analytics/settings.ts';
import { countQuery, type CountQuery } from '../disclosure/index.ts';
import { createQueryRunner, type PeriodRow, type RunQuery } from '../queries/index.ts';
import type { QueryParam } from '../db/database.ts';
import { bundledSql } from '../queries/browser-sql.ts';
import { formatMonth } from '../components/table-columns.ts';
import { useDatabase } from './database-context.tsx';
import type { ReadyData, ShownData } from './data-session.ts';
import { useDisclosureMode } from './disclosure-mode.ts';
import { browserPriorityEnvironment, FigurePriority, superseded } from './figure-priority.ts';
import { answerKey, answersContext, lookupAnswer } from './stored-answers.ts';
import { useFilters, useUrlState, type Filters as UrlFilters } from './url-state.ts';

export function toAnalyticsFilters(filters: UrlFilters): AnalyticsFilters {
  return {
    service: filters.service ?? null, from: filters.from ?? null, to: filters.to ?? null,
    schoolType: filters.type ?? null, agePhase: filters.phase ?? null, locality: filters.locality ?? null,
  };
}

/**
 * The overrides of a figure that covers every school type and age phase (all but the funnel: the heat table is
 * itself by type and phase; Demand's whole-area charts, waits, forecast and plan cover every setting, as the service
 * plans for them). Those two filters then neither key nor reach it, so changing them leaves it as it is: not asked
 * again, not shown as updating. tests/integration/whole-area-figures.test.ts checks that each such computation gives the
 * same answer under any school type and age phase.
 */
export const WHOLE_AREA: Partial<AnalyticsFilters> = { schoolType: null, agePhase: null };

export interface FigureContext {
  readonly run: CountQuery;
  readonly filters: AnalyticsFilters;
  readonly period: Period;
  readonly settings: AnalyticsSettings;
}

// How the figures' queries reach the engine (issue 14):
//   * once per data version and parameters: two figures asking the same question under the same filters (e.g.
//     provision-by-school, drawn by two Equity figures) share one run; the last MEMO_LIMIT answers are kept;
//   * at most IN_FLIGHT queries are sent to the worker at a time, the rest wait here, and a waiting query is
//     dropped, not sent, once every figure that asked for it has been superseded (react-query aborted its signal
//     because the filters changed), so a quick run of changes does not leave the worker busy with stale figures.
//     Two in flight keep the worker fed (one running, the next already in its queue).
const MEMO_LIMIT = 64;
const IN_FLIGHT = 2;

interface Asked { readonly rows: Promise<unknown[]>; readonly signals: (AbortSignal | undefined)[]; answered: boolean }
interface Engine {
  readonly version: unknown;
  readonly raw: RunQuery;
  readonly memo: Map<string, Asked>;
  active: number;
  readonly waiting: (() => void)[];
}
type Db = ReadyData['db'];
const engines = new WeakMap<object, Engine>();

function engineOf(db: Db, version: unknown): Engine {
  let engine = engines.get(db);
  if (!engine || engine.version !== version) {
    engine = { version, raw: createQueryRunner((sql, params) => db.query(sql, params), bundledSql), memo: new Map(), active: 0, waiting: [] };
    engines.set(db, engine);
  }
  return engine;
}

async function send(engine: Engine, name: Parameters<RunQuery>[0], params: readonly QueryParam[], signals: readonly (AbortSignal | undefined)[]): Promise<unknown[]> {
  if (engine.active < IN_FLIGHT) engine.active++;
  else await new Promise<void>((resolve) => engine.waiting.push(resolve));
  try {
    // Still wanted by any figure (a signal of undefined: always)?
    if (signals.every((s) => s?.aborted)) throw superseded();
    return await engine.raw(name, params);
  } finally {
    const next = engine.waiting.shift();
    if (next) next();
    else engine.active--;
  }
}

/** The runner one figure's computation gets: memoised per data version, dropped when `signal` aborts. */
export function runnerOf(db: Db, version: unknown, signal?: AbortSignal): CountQuery {
  const engine = engineOf(db, version);
  const run = ((name, params) => {
    const key = answerKey(name, params);
    let asked = engine.memo.get(key);
    if (asked) {
      // Only a query still to be sent needs to know who wants it.
      if (!asked.answered) asked.signals.push(signal);
      engine.memo.delete(key);
      engine.memo.set(key, asked);
    } else {
      const signals = [signal];
      const entry: Asked = {
        signals,
        answered: false,
        rows: send(engine, name, params, signals).then((rows) => {
          entry.answered = true;
          signals.length = 0;
          return rows;
        }, (error: unknown) => {
          // Failed or dropped answers are not kept: the next figure to ask runs the query afresh.
          if (engine.memo.get(key) === entry) engine.memo.delete(key);
          throw error;
        }),
      };
      asked = entry;
      engine.memo.set(key, entry);
      while (engine.memo.size > MEMO_LIMIT) engine.memo.delete(engine.memo.keys().next().value as string);
    }
    return asked.rows;
  }) as RunQuery;
  return countQuery(run);
}

/**
 * Before the data is open (early data, src/app/data-session.ts): a runner that answers only from the stored answers
 * of the first view (src/app/stored-answers.ts) asked under `context`; a query they do not hold (another view,
 * filters, settings or disclosure mode, or a query not stored) waits until `signal` aborts, which it does when the
 * data is ready and the figure's key changes: that figure is then computed live, as every figure is.
 */
export function storedRunnerOf(answers: NonNullable<ShownData['answers']>, context: string, signal: AbortSignal): RunQuery {
  return ((name, params) => {
    const rows = lookupAnswer(answers, context, name, params);
    if (rows) return Promise.resolve(rows);
    return new Promise((_resolve, reject) => {
      if (signal.aborted) reject(superseded());
      else signal.addEventListener('abort', () => reject(superseded()), { once: true });
    });
  }) as RunQuery;
}

/** The order figures are computed in on this page: those near the viewport first (figure-priority.ts). */
const priority = new FigurePriority(browserPriorityEnvironment);

/** The data's extent (period.sql), asked once per data set: by every figure, the period pickers and the board paper. */
function extentOptions(db: Db, version: unknown) {
  return { queryKey: ['extent', version], queryFn: () => runnerOf(db, version)('period', []), staleTime: Infinity };
}

/** The loaded data's first and last month and its size (period.sql); undefined until the data is open. */
export function useDataExtent(): PeriodRow | undefined {
  const data = useDatabase();
  return useQuery({ ...extentOptions(data.db as Db, data.version), enabled: data.db !== null, placeholderData: keepPreviousData }).data?.[0];
}

/**
 * One figure under the URL's filters. `name` and `options` key the query (options must be JSON-serialisable);
 * `overrides` replaces filters the view sets itself (e.g. My setting ignores the global school type); `sections`
 * names the heading ids of the page sections that draw the figure: when all are far from the viewport, the figure
 * is computed after those near it have been drawn (figure-priority.ts).
 */
export function useFigure<T>(
  name: string,
  compute: (ctx: FigureContext) => Promise<T>,
  options: {
    key?: unknown; overrides?: Partial<AnalyticsFilters>; settings?: Partial<AnalyticsSettings>; sections?: readonly string[];
  } = {},
) {
  const data = useDatabase();
  const [urlFilters] = useFilters();
  const filters = { ...toAnalyticsFilters(urlFilters), ...options.overrides };
  // The disclosure mode comes from the page (never the URL); it keys the query, so switching recomputes.
  const disclosure = useDisclosureMode();
  const settings = { ...DEFAULT_SETTINGS, ...options.settings, disclosure };
  const client = useQueryClient();
  const { view } = useUrlState();
  return useQuery({
    queryKey: ['figure', name, data.version, filters, settings, options.key ?? null],
    queryFn: async ({ signal }) => {
      performance.mark(`tee:figure-start:${name}`);
      // Early (no database yet): the same computation and gate, on the stored answers' rows (see storedRunnerOf).
      const { db } = data;
      const stored = db === null ? storedRunnerOf(data.answers, answersContext(view, filters, settings), signal) : null;
      const run = stored ? countQuery(stored) : runnerOf(db as Db, data.version, signal);
      // The data's extent is asked once per data set, not once per figure (and never dropped: others await it).
      const [extent] = stored ? await stored('period', []) : await client.ensureQueryData(extentOptions(db as Db, data.version));
      if (!extent) throw new Error('The period query returned no row.');
      const period = resolvePeriod(filters, extent);
      try {
        const figure = stored ? await compute({ run, filters, period, settings })
          : await priority.run(options.sections, signal, () => compute({ run, filters, period, settings }));
        performance.mark(stored ? `tee:figure-stored:${name}` : `tee:figure-end:${name}`);
        return figure;
      } catch (error) {
        // Superseded by newer filters (react-query ignores the result): marked so benchmarks stop waiting for it.
        if (signal.aborted) performance.mark(`tee:figure-dropped:${name}`);
        throw error;
      }
    },
    placeholderData: keepPreviousData,
  });
}

/** "Sep 2021 to Aug 2026 (60 months)" for subtitles and captions. */
export function periodLabel(period: Period): string {
  return `${formatMonth(period.from)} to ${formatMonth(period.to)} (${period.months} month${period.months === 1 ? '' : 's'})`;
}
