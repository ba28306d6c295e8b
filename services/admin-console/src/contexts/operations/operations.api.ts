// Operating the platform: the projections of every context (position, lag,
// rebuild) and the dead letters of its topics (why, what, re-drive). Queries
// are keyed under 'operations'. The answers' shapes are @sfp/contracts.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type {
  DeadLetter,
  DeadLetterTopic,
  PlatformProjection,
  ProjectionStatus,
} from '@sfp/contracts';
import { get, post, queryString } from '../../api/client';
import type { Page } from '../../api/types';

export const OPERATIONS_KEY = ['operations'] as const;

/** Where a projection is operated: the platform-wide API, or its own context's. */
export function projectionUrl(context: string, name: string, platformWide: boolean): string {
  const [c, n] = [encodeURIComponent(context), encodeURIComponent(name)];
  return platformWide ? `/api/reporting/projections/${c}/${n}` : `/api/${c}/projections/${n}`;
}

export const operationsQueries = {
  platformProjections: () =>
    queryOptions({
      queryKey: [...OPERATIONS_KEY, 'projections', 'platform'],
      queryFn: () => get<{ projections: PlatformProjection[] }>('/api/reporting/projections'),
    }),
  contextProjections: (context: string) =>
    queryOptions({
      queryKey: [...OPERATIONS_KEY, 'projections', context],
      queryFn: () => get<ProjectionStatus[]>(`/api/${encodeURIComponent(context)}/projections`),
    }),
  /** One projection's status (polled while it rebuilds). */
  projection: (url: string) =>
    queryOptions({
      queryKey: [...OPERATIONS_KEY, 'projection', url],
      queryFn: () => get<ProjectionStatus>(url),
    }),
  deadLetterTopics: () =>
    queryOptions({
      queryKey: [...OPERATIONS_KEY, 'dead-letters', 'topics'],
      queryFn: () => get<DeadLetterTopic[]>('/api/dead-letters/summary'),
    }),
  deadLetters: (topic: string | undefined, status: string | undefined, cursor?: string) =>
    queryOptions({
      queryKey: [...OPERATIONS_KEY, 'dead-letters', topic, status, cursor],
      queryFn: () =>
        get<Page<DeadLetter>>(
          `/api/dead-letters${queryString({ topic, status, limit: 25, cursor })}`,
        ),
      placeholderData: keepPreviousData,
    }),
};

export const operationsCommands = {
  /** Builds a new version beside the serving one, from position zero. */
  rebuild: (url: string) => post<{ projection: string; generation: number }>(`${url}/rebuild`),
  /** Publishes the letter again to its original topic, once. */
  redrive: (id: string, reason: string) =>
    post(`/api/dead-letters/${encodeURIComponent(id)}/redrive`, reason ? { reason } : {}),
};
