// Data fetching (TanStack Query): one cache for the console. Each context's
// API module keys its queries under the context's name ('help-desk',
// 'knowledge-base', ...); a command invalidates its context, so every list
// and record of it is read again (with `minPosition`, read your own writes).
import { QueryClient, useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { ApiError } from './client';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // A refused request (4xx) is an answer, not a blip: only a lost connection is tried again.
        retry: (failures, error) => failures < 1 && error instanceof ApiError && error.status === 0,
        // Shown at once from the cache when a page is opened again, and read afresh.
        staleTime: 0,
      },
      mutations: { retry: false },
    },
  });
}

export interface CommandOptions<A, R> {
  /** The query keys (a context's, e.g. ['help-desk']) whose data the command changes. */
  invalidates: readonly QueryKey[];
  /** After the command and the new data of the queries shown: a notice, a new page. */
  onSuccess?: (result: R, args: A) => void;
  onError?: (error: unknown, args: A) => void;
}

export interface Command<A, R> {
  /** Sends the command; its failure is kept in `error` (never thrown). */
  run: (args: A) => void;
  busy: boolean;
  /** The last failure: an ApiError (a problem document) or another error. */
  error: unknown;
  reset: () => void;
  result: R | undefined;
}

/**
 * A command of the API (POST, PATCH): busy while it runs, its failure kept,
 * and on success the queries it changes read again before `onSuccess`.
 */
export function useCommand<A = void, R = unknown>(
  send: (args: A) => Promise<R>,
  options: CommandOptions<A, R>,
): Command<A, R> {
  const queryClient = useQueryClient();
  const mutation = useMutation<R, unknown, A>({
    mutationFn: send,
    onSuccess: async (result, args) => {
      await Promise.all(
        options.invalidates.map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      );
      options.onSuccess?.(result, args);
    },
    onError: (error, args) => options.onError?.(error, args),
  });
  return {
    run: mutation.mutate,
    busy: mutation.isPending,
    error: mutation.error,
    reset: mutation.reset,
    result: mutation.data,
  };
}
