// The period a board paper covers in words: the filters' months, or the data's first and last month when a
// filter is not set ("Sep 2021 to Aug 2026").
import { formatMonth } from '../../components/table-columns.ts';
import { useDataExtent } from '../figures.ts';
import { useFilters } from '../url-state.ts';

export function useBoardPaperPeriod(): string | undefined {
  const [filters] = useFilters();
  const extent = useDataExtent();
  const first = filters.from ?? extent?.first_month;
  const last = filters.to ?? extent?.last_month;
  return first && last ? `${formatMonth(first)} to ${formatMonth(last)}` : undefined;
}
