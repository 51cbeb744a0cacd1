// The `context` section of the report (and the app's context panels read the same function's parts): published
// figures for the user's area beside the local waiting-list series, with their sources and the reasons they are
// never significance-tested against the local figures.
import type { Filters } from '../analytics/filters.ts';
import { createGate, type CountQuery, type DisclosureMode } from '../disclosure/index.ts';
import { loadContextData } from './data.ts';
import {
  missingFromFiles, pupilsContext, slcnContext, timelinessContext, waitsContext, waitsMonths,
} from './figures.ts';
import { localWaitsShown } from './local.ts';
import { EXAMPLE_AREA, type ContextArea, type ContextData } from './types.ts';

export const CAVEATS = {
  footprint: 'A provider\'s or an integrated care board\'s footprint is not the local authority\'s area (for example, Oxleas NHS FT serves Bexley and Greenwich; South East London ICB covers six boroughs).',
  stock: 'NHS England counts children on the waiting list at each month end (a stock), not referrals (a flow); the local line counts this data set\'s accepted referrals still waiting at each month end.',
  noTest: 'No significance test is made between local and published figures: the populations, footprints and definitions differ, so a difference is context, not evidence of better or worse.',
  ehcp: 'DfE figures count EHC plans maintained by the local authority; this data set\'s referrals are not EHC plans.',
} as const;

const sourceOf = (f: ContextData[keyof ContextData]) => ({ title: f.title, source: f.source, licence: f.licence, period: f.period });

/** The local months the published waits cover, clipped to the data's extent; null when they do not overlap. */
async function localMonths(run: CountQuery, data: ContextData): Promise<{ from: string; to: string } | null> {
  const [extent] = await run('period', []);
  const months = waitsMonths(data);
  if (!extent?.first_month || !extent.last_month) return null;
  const from = months.from > extent.first_month ? months.from : extent.first_month;
  const to = months.to < extent.last_month ? months.to : extent.last_month;
  return from <= to ? { from, to } : null;
}

export async function contextSection(
  run: CountQuery, filters: Filters, options: { settings: { suppressionThreshold: number; disclosure: DisclosureMode }; area?: ContextArea },
) {
  const gate = createGate(options.settings.disclosure, options.settings.suppressionThreshold);
  const data = await loadContextData();
  const area = options.area ?? EXAMPLE_AREA;
  const months = await localMonths(run, data);
  const local = months ? await run('context-local-waits', [months.from, months.to, filters.locality]) : [];
  const service = (s: string) => filters.service === null || s === filters.service;
  return gate.publish({
    area: { ...area, example: options.area === undefined },
    not_in_published_files: missingFromFiles(data, area),
    sources: { waits: sourceOf(data.waits), ehcp_need: sourceOf(data.ehcpNeed), timeliness: sourceOf(data.timeliness), pupils: sourceOf(data.pupils) },
    caveats: Object.values(CAVEATS),
    waits_published: waitsContext(data, area).filter((r) => service(r.service)),
    waits_local: localWaitsShown(local, gate).filter((r) => service(r.service)),
    slcn_share: slcnContext(data, area),
    ehcp_timeliness: timelinessContext(data, area),
    pupils_with_ehcp: pupilsContext(data, area),
  });
}

export type ContextSection = Awaited<ReturnType<typeof contextSection>>;

/** The context section as CSV blocks for `report --format csv` (one `# key` block each). */
export function contextCsvSections(c: ContextSection): [string, object[]][] {
  return [
    ['context_sources', Object.entries(c.sources).map(([set, s]) => ({ set, ...s }))],
    ['context_waits_published', c.waits_published],
    ['context_waits_local', c.waits_local],
    ['context_slcn_share', c.slcn_share],
    ['context_ehcp_timeliness', c.ehcp_timeliness],
    ['context_pupils_with_ehcp', c.pupils_with_ehcp],
  ];
}
