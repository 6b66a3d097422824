import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '../lib/isApiError';

/** Retries only what a retry can fix: network errors and 5xx, once. A 4xx answer will not change. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      retry: (failureCount, error) => failureCount < 1 && !(isApiError(error) && error.status < 500),
    },
  },
});
