// Published context for the views: the user's area (URL, then this session, then the example) and the context
// section — the same contextSection `report` prints — computed on the loaded data for that area.
import { useQuery } from '@tanstack/react-query';
import { contextSection, EXAMPLE_AREA, loadContextData, type ContextArea, type ContextSection } from '../context/index.ts';
import type { Filters as AnalyticsFilters } from '../analytics/index.ts';
import { useFigure, WHOLE_AREA } from './figures.ts';
import { useAreaParams } from './url-state.ts';

export function useContextArea(): [ContextArea & { example: boolean }, (next: Partial<ContextArea> | null) => void] {
  return useAreaParams(EXAMPLE_AREA);
}

/** The shipped context files (loaded once, a separate download from the app). */
export function useContextData() {
  return useQuery({ queryKey: ['context-data'], queryFn: loadContextData, staleTime: Infinity });
}

/**
 * What the context section does not depend on, left out of its key (as WHOLE_AREA for the whole-area figures): the
 * school type and age phase, and the period (it covers the months of the published waits, clipped to the data's).
 * So a change of start or end month does not compute it again.
 */
export const CONTEXT_FILTERS: Partial<AnalyticsFilters> = { ...WHOLE_AREA, from: null, to: null };

/**
 * The context section under the URL's filters (it covers every school type and age). `section` is the heading id of
 * the page section that draws it on this view: computed first when that section is near the viewport, after the
 * figures that are when it is not (figure-priority.ts).
 */
export function useContextSection(section: 'equity-context-ehcp' | 'demand-context-waits' | 'my-setting-context') {
  const [area] = useContextArea();
  const { example: _example, ...named } = area;
  return useFigure<ContextSection>('context', ({ run, filters, settings }) => contextSection(run, filters, { settings, area: named }), { key: named, sections: [section], overrides: CONTEXT_FILTERS });
}
