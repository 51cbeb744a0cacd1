// The period a board paper covers in words: the filters' months, or the data's first and last month when a
// filter is not set ("Sep 2021 to Aug 2026").
import { formatMonth } from '../../components/table-columns.ts';
import { useSqlQuery } from '../database-context.tsx';
import { MONTH_RANGE_SQL } from '../FilterBar.tsx';
import { useFilters } from '../url-state.ts';

export function useBoardPaperPeriod(): string | undefined {
  const [filters] = useFilters();
  const range = useSqlQuery<{ first_month: string | null; last_month: string | null }>('filter-month-range', MONTH_RANGE_SQL);
  const first = filters.from ?? range.data?.[0]?.first_month;
  const last = filters.to ?? range.data?.[0]?.last_month;
  return first && last ? `${formatMonth(first)} to ${formatMonth(last)}` : undefined;
}
