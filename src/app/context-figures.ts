// Published context for the views: the user's area (URL, then this session, then the example) and the context
// section — the same contextSection `report` prints — computed on the loaded data for that area.
import { useQuery } from '@tanstack/react-query';
import { contextSection, EXAMPLE_AREA, loadContextData, type ContextArea, type ContextSection } from '../context/index.ts';
import { useFigure } from './figures.ts';
import { useAreaParams } from './url-state.ts';

export function useContextArea(): [ContextArea & { example: boolean }, (next: Partial<ContextArea> | null) => void] {
  return useAreaParams(EXAMPLE_AREA);
}

/** The shipped context files (loaded once, a separate download from the app). */
export function useContextData() {
  return useQuery({ queryKey: ['context-data'], queryFn: loadContextData, staleTime: Infinity });
}

export function useContextSection() {
  const [area] = useContextArea();
  const { example: _example, ...named } = area;
  return useFigure<ContextSection>('context', ({ run, filters, settings }) => contextSection(run, filters, { settings, area: named }), { key: named, sections: ['equity-context-ehcp', 'demand-context-waits', 'my-setting-context'] });
}
