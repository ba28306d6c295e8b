// One projection: where it stands, and its rebuild, followed until the new
// generation serves.
import { useState } from 'react';
import type { ProjectionStatus } from '@sfp/contracts';
import { useQuery } from '@tanstack/react-query';
import { useCommand } from '../../api/query';
import { ConfirmButton } from '../../components/confirm';
import { Badge, ErrorMessage, Notice } from '../../components/feedback';
import {
  formatDateTime,
  formatNumber,
  formatPercent,
  formatSeconds,
  NONE,
} from '../../components/format';
import { operationsCommands, operationsQueries } from './operations.api';

/** A rebuild has finished when the generation it started serves and no other is building. */
const finished = (status: ProjectionStatus | undefined, generation: number | null) =>
  generation !== null &&
  status !== undefined &&
  status.generation >= generation &&
  status.rebuild === null;

export function ProjectionRow({ url, listed }: { url: string; listed: ProjectionStatus }) {
  /** The generation being rebuilt, once a rebuild has started here. */
  const [generation, setGeneration] = useState<number | null>(null);
  const polled = useQuery({
    ...operationsQueries.projection(url),
    enabled: generation !== null,
    refetchInterval: (query) => (finished(query.state.data, generation) ? false : 750),
  });
  const rebuild = useCommand(() => operationsCommands.rebuild(url), {
    invalidates: [],
    onSuccess: (started) => setGeneration(started.generation),
  });
  const status = generation !== null && polled.data ? polled.data : listed;
  const done = finished(polled.data, generation);
  const progress =
    status.rebuild && status.headPosition > 0
      ? Math.min(1, status.rebuild.position / status.headPosition)
      : null;
  return (
    <tr data-projection={status.name}>
      <th scope="row">{status.name}</th>
      <td>
        <Badge kind={`state-${status.state}`}>{status.state}</Badge>
        {status.stalledSince ? (
          <div className="sub">stalled since {formatDateTime(status.stalledSince)}</div>
        ) : null}
      </td>
      <td>
        {status.position} / {status.headPosition}
      </td>
      <td>
        {formatNumber(status.lagEvents, 0)} events, {formatSeconds(status.lagSeconds)}
      </td>
      <td>
        generation {status.generation} (v{status.version})
        <div className="sub">updated {formatDateTime(status.updatedAt)}</div>
      </td>
      <td>
        {status.lastError ? (
          <span className="error-text">
            {status.lastError.message ?? JSON.stringify(status.lastError)}
          </span>
        ) : (
          NONE
        )}
      </td>
      <td className="rebuild-cell">
        {generation !== null && !done ? (
          <div role="status" aria-live="polite">
            Rebuilding generation {generation}…
            {progress !== null ? (
              <>
                <progress
                  max={100}
                  value={Math.round(progress * 100)}
                  aria-label={`Rebuild of ${status.name}`}
                />{' '}
                {formatPercent(progress, 0)}
              </>
            ) : null}
          </div>
        ) : (
          <ConfirmButton
            label={`Rebuild ${status.name}`}
            question={`Rebuild ${status.name} from zero?`}
            confirm="Yes, rebuild"
            disabled={rebuild.busy}
            onConfirm={() => {
              setGeneration(null);
              rebuild.run();
            }}
          >
            Rebuild
          </ConfirmButton>
        )}
        {done ? <Notice>Rebuild finished: generation {generation} serves.</Notice> : null}
        <ErrorMessage error={rebuild.error ?? polled.error} />
      </td>
    </tr>
  );
}
