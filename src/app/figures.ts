// The bridge from the shell to the analytics layer: every figure a view shows is computed by src/analytics (the
// same code `report` runs) on the loaded data, through react-query, keyed by the figure's name, the data version,
// the URL's filters and the figure's own options. Views call useFigure and only render.
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { resolvePeriod, type Filters as AnalyticsFilters, type Period } from '../analytics/index.ts';
import { DEFAULT_SETTINGS, type AnalyticsSettings } from '../analytics/settings.ts';
import { countQuery, type CountQuery } from '../disclosure/index.ts';
import { createQueryRunner } from '../queries/index.ts';
import { bundledSql } from '../queries/browser-sql.ts';
import { formatMonth } from '../components/table-columns.ts';
import { useDatabase } from './database-context.tsx';
import { useDisclosureMode } from './disclosure-mode.ts';
import { useFilters, type Filters as UrlFilters } from './url-state.ts';

export function toAnalyticsFilters(filters: UrlFilters): AnalyticsFilters {
  return {
    service: filters.service ?? null, from: filters.from ?? null, to: filters.to ?? null,
    schoolType: filters.type ?? null, agePhase: filters.phase ?? null, locality: filters.locality ?? null,
  };
}

export interface FigureContext {
  readonly run: CountQuery;
  readonly filters: AnalyticsFilters;
  readonly period: Period;
  readonly settings: AnalyticsSettings;
}

const runners = new WeakMap<object, CountQuery>();

function runnerOf(db: ReturnType<typeof useDatabase>['db']): CountQuery {
  let run = runners.get(db);
  if (!run) {
    run = countQuery(createQueryRunner((sql, params) => db.query(sql, params), bundledSql));
    runners.set(db, run);
  }
  return run;
}

/**
 * One figure under the URL's filters. `name` and `options` key the query (options must be JSON-serialisable);
 * `overrides` replaces filters the view sets itself (e.g. My setting ignores the global school type).
 */
export function useFigure<T>(
  name: string,
  compute: (ctx: FigureContext) => Promise<T>,
  options: { key?: unknown; overrides?: Partial<AnalyticsFilters>; settings?: Partial<AnalyticsSettings> } = {},
) {
  const data = useDatabase();
  const [urlFilters] = useFilters();
  const filters = { ...toAnalyticsFilters(urlFilters), ...options.overrides };
  // The disclosure mode comes from the page (never the URL); it keys the query, so switching recomputes.
  const disclosure = useDisclosureMode();
  const settings = { ...DEFAULT_SETTINGS, ...options.settings, disclosure };
  const client = useQueryClient();
  return useQuery({
    queryKey: ['figure', name, data.version, filters, settings, options.key ?? null],
    queryFn: async () => {
      performance.mark(`tee:figure-start:${name}`);
      const run = runnerOf(data.db);
      // The data's extent is asked once per data set, not once per figure.
      const [extent] = await client.ensureQueryData({ queryKey: ['extent', data.version], queryFn: () => run('period', []), staleTime: Infinity });
      if (!extent) throw new Error('The period query returned no row.');
      const period = resolvePeriod(filters, extent);
      const figure = await compute({ run, filters, period, settings });
      performance.mark(`tee:figure-end:${name}`);
      return figure;
    },
    placeholderData: keepPreviousData,
  });
}

/** "Sep 2021 to Aug 2026 (60 months)" for subtitles and captions. */
export function periodLabel(period: Period): string {
  return `${formatMonth(period.from)} to ${formatMonth(period.to)} (${period.months} month${period.months === 1 ? '' : 's'})`;
}
