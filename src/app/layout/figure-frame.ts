// The page's figure frame (src/components/figure-context.tsx) from the URL and the loaded data: what every
// download needs to stand alone.
import { useMemo } from 'react';
import { formatMonth } from '../../components/table-columns.ts';
import type { FigureFrame } from '../../components/figure-context.tsx';
import { EXACT_MARK } from '../../disclosure/index.ts';
import { useDataState } from '../database-context.tsx';
import { shownData } from '../data-session.ts';
import { useDisclosureMode } from '../disclosure-mode.ts';
import { describeFilters, hrefOfView, navigateToView, useSearch, useUrlState, type Filters } from '../url-state.ts';

export const SYNTHETIC_MARK = 'SYNTHETIC — made-up sample data, not real children';
export const SHAREABLE_MARK = 'Shareable — counts of 1 to 4 hidden as "c"; counts slightly perturbed to protect privacy (see Methods: Disclosure control)';

/** The filters as a file-name tag: "ot-mainstream-primary-north-2024-01-to-2024-12" ('' when none). */
export function filtersTag(filters: Filters): string {
  const period = filters.from || filters.to ? `${filters.from ?? 'start'}-to-${filters.to ?? 'latest'}` : '';
  return [filters.service, filters.type, filters.phase, filters.locality, period].filter(Boolean).join('-').toLowerCase();
}

export function useFigureFrameValue(): FigureFrame {
  const { view, filters } = useUrlState();
  const search = useSearch();
  const state = useDataState();
  const data = shownData(state);
  const sample = !data || data.source === 'sample';
  const fileNames = data && data.source !== 'sample' ? data.fileNames.join(', ') : '';
  // Every download carries the disclosure mode: exact files say so in their name and content (download.ts).
  const exact = useDisclosureMode() === 'exact';
  const mark = [sample ? SYNTHETIC_MARK : null, exact ? EXACT_MARK : SHAREABLE_MARK].filter(Boolean).join(' · ');
  return useMemo(() => ({
    view,
    filtersText: describeFilters(filters, formatMonth),
    filtersTag: filtersTag(filters),
    source: sample ? 'Therapy Equity Explorer, synthetic sample data (seed 1)' : `Therapy Equity Explorer, from ${fileNames}`,
    mark,
    methodsHref: (section: string) => `${hrefOfView('methods', search)}#${section}`,
    openMethods: (section: string) => navigateToView('methods', `#${section}`),
    date: new Date().toISOString().slice(0, 10),
  }), [view, filters, sample, fileNames, search, mark]);
}
