import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { ApiRequestError } from '../lib/api-client';

/** An answer of the API that says the request itself is wrong (4xx) is final: no retry. */
const retry = (failures: number, error: Error) => !(error instanceof ApiRequestError && error.status < 500) && failures < 1;

export const createQueryClient = () =>
  new QueryClient({ defaultOptions: { queries: { staleTime: 5 * 60_000, retry, refetchOnWindowFocus: false } } });

export function Providers({ client: given, children }: { client?: QueryClient; children: ReactNode }) {
  const [client] = useState(() => given ?? createQueryClient());
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
