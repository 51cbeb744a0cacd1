// The first view's figures (Equity, the default view) under the default filters and settings, asked when a snapshot
// is made so that their queries' answers are stored beside it (src/app/stored-answers.ts). The calls are the ones
// the Equity view's figures make (src/features/equity/api/*.ts); should they drift apart, the figures not answered
// simply run live (a miss is never a wrong value). The EHC plans context section needs the context files and is
// always live. No React here: this also runs under Node at build time (vite.config.ts).
import { funnel, NO_FILTERS, programmeImpact, provisionBySchool, provisionByTypeQuery, ratesByTypePhase, resolvePeriod } from '../analytics/index.ts';
import { DEFAULT_SETTINGS } from '../analytics/settings.ts';
import { countQuery } from '../disclosure/index.ts';
import type { Database } from '../db/database.ts';
import { createQueryRunner, type RunQuery, type SqlSource } from '../queries/index.ts';
import { DEFAULT_PREVALENCE } from '../stats/expected-need.ts';
import { answersContext, recordAnswers, type StoredAnswers } from './stored-answers.ts';

export const FIRST_VIEW = 'equity';

/** No filter set (what toAnalyticsFilters gives for an address with none): the analytics layer's NO_FILTERS. */
export const DEFAULT_FILTERS = NO_FILTERS;

/** The context the first view's answers are stored under: that view, no filters, the default settings. */
export const FIRST_VIEW_CONTEXT = answersContext(FIRST_VIEW, DEFAULT_FILTERS, DEFAULT_SETTINGS);

/** Asks every query of the first view's figures (each figure computed in full, then dropped). */
export async function askFirstView(raw: RunQuery): Promise<void> {
  const run = countQuery(raw);
  const filters = DEFAULT_FILTERS;
  const settings = DEFAULT_SETTINGS;
  const [extent] = await raw('period', []);
  if (!extent) return;
  const period = resolvePeriod(filters, extent);
  await ratesByTypePhase(run, filters, period, settings);
  await funnel(run, filters, period, settings);
  await provisionByTypeQuery(run, filters, period, settings);
  await provisionBySchool(run, filters, period, settings, DEFAULT_PREVALENCE);
  await programmeImpact(run, filters, settings);
}

/** The stored answers of the first view for the data loaded in `db` now, whose snapshot has `digest`. */
export function firstViewAnswers(db: Database, sql: SqlSource, digest: string): Promise<StoredAnswers> {
  const raw = createQueryRunner((text, params) => db.query(text, params), sql);
  return recordAnswers(raw, digest, FIRST_VIEW_CONTEXT, askFirstView);
}
