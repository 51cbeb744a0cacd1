// One QueryClient for the page. The data only changes when a new data set is loaded, and that changes every
// query key (ReadyData.version), so results never go stale and SQL errors are not worth retrying.
import { QueryClient } from '@tanstack/react-query';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: Infinity, gcTime: 10 * 60_000, retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
    },
  });
}
