// Collects what a recipient of the product's shareable outputs could gather for the attacks: the figures of the
// whole area, of each locality and of the period ending one month earlier — the same analytics functions the app
// and `report` run, in shareable mode, and again in exact mode for the truth.
import { DEFAULT_PREVALENCE } from '../../src/stats/index.ts';
import {
  addMonths, DEFAULT_SETTINGS, funnel, NO_FILTERS, periodOf, provisionBySchool, ratesByTypePhase,
  spcSeries, waits, type AnalyticsSettings, type Filters,
} from '../../src/analytics/index.ts';
import type { CountQuery } from '../../src/disclosure/index.ts';
import type { Collection, Figures, Json } from './attacks.ts';

const asJson = (v: unknown) => JSON.parse(JSON.stringify(v)) as Json[];

async function figures(run: CountQuery, filters: Filters, settings: AnalyticsSettings): Promise<Figures> {
  const period = await periodOf(run, filters);
  // Raw monthly SPC, as a recipient would choose it, so mean × months is a sum of counts.
  const spcSettings: AnalyticsSettings = { ...settings, spcSeries: 'raw' };
  return {
    rates_by_type_phase: asJson(await ratesByTypePhase(run, filters, period, settings)),
    spc: asJson(await spcSeries(run, filters, period, spcSettings)),
    waits: asJson(await waits(run, filters, period, settings)),
    provision: asJson(await provisionBySchool(run, filters, period, settings, DEFAULT_PREVALENCE)),
    funnel: asJson(await funnel(run, filters, period, settings)),
  };
}

export async function collect(run: CountQuery, localities: readonly string[], disclosure: AnalyticsSettings['disclosure']): Promise<Collection> {
  const settings: AnalyticsSettings = { ...DEFAULT_SETTINGS, disclosure };
  const full = await periodOf(run, NO_FILTERS);
  const byLocality: Record<string, Figures> = {};
  for (const locality of localities) byLocality[locality] = await figures(run, { ...NO_FILTERS, locality }, settings);
  return {
    full: await figures(run, NO_FILTERS, settings),
    byLocality,
    minusLastMonth: await figures(run, { ...NO_FILTERS, to: addMonths(full.to, -1) }, settings),
    months: full.months,
  };
}
