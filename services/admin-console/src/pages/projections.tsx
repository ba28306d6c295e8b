import { useEffect, useRef, useState } from 'react';
import { get, post } from '../api/client';
import { useHasPath, useProjectionContexts } from '../api/capabilities';
import { label, type ProjectionStatus } from '../api/types';
import {
  Badge,
  Empty,
  ErrorMessage,
  formatDateTime,
  Loading,
  Notice,
  useLoad,
} from '../components/ui';

interface PlatformProjection extends ProjectionStatus {
  context: string;
}

/**
 * Projections of the whole platform: position, lag, state; rebuild with
 * progress (platform:admin). The reporting context's platform-wide operations
 * (/api/reporting/projections) when mounted, else each context's own.
 */
export function ProjectionsPage() {
  const hasPath = useHasPath();
  const contexts = useProjectionContexts();
  const platformWide = hasPath('/api/reporting/projections');
  return (
    <main id="main">
      <h1>Projections</h1>
      <p>
        Each read model is built from the events. A rebuild builds a new version beside the serving
        one from position zero and swaps it in when it has caught up; queries are served all along.
      </p>
      {platformWide === undefined || contexts === undefined ? (
        <Loading what="Looking up the contexts" />
      ) : null}
      {platformWide ? <PlatformProjections /> : null}
      {platformWide === false && contexts?.length === 0 ? (
        <Empty>No context publishes projection operations.</Empty>
      ) : null}
      {platformWide === false
        ? contexts?.map((context) => <ContextProjections key={context} context={context} />)
        : null}
    </main>
  );
}

function PlatformProjections() {
  const list = useLoad(
    () => get<{ projections: PlatformProjection[] }>('/api/reporting/projections'),
    'platform',
  );
  const byContext = new Map<string, PlatformProjection[]>();
  for (const projection of list.data?.projections ?? [])
    byContext.set(projection.context, [...(byContext.get(projection.context) ?? []), projection]);
  return (
    <>
      <ErrorMessage error={list.error} />
      {!list.data && list.loading ? <Loading what="Loading projections" /> : null}
      {list.data && byContext.size === 0 ? <Empty>No projection.</Empty> : null}
      {[...byContext.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([context, projections]) => (
          <section key={context} aria-labelledby={`projections-${context}`}>
            <h2 id={`projections-${context}`}>{label(context)}</h2>
            <ProjectionTable
              context={context}
              projections={projections}
              urlOf={(name) =>
                `/api/reporting/projections/${encodeURIComponent(context)}/${encodeURIComponent(name)}`
              }
            />
          </section>
        ))}
      {list.data ? (
        <button type="button" onClick={list.reload}>
          Refresh
        </button>
      ) : null}
    </>
  );
}

function ContextProjections({ context }: { context: string }) {
  const list = useLoad(() => get<ProjectionStatus[]>(`/api/${context}/projections`), context);
  return (
    <section aria-labelledby={`projections-${context}`}>
      <h2 id={`projections-${context}`}>{label(context)}</h2>
      <ErrorMessage error={list.error} />
      {!list.data && list.loading ? <Loading /> : null}
      {list.data && Array.isArray(list.data) && list.data.length === 0 ? (
        <Empty>No projection.</Empty>
      ) : null}
      {list.data && Array.isArray(list.data) && list.data.length ? (
        <ProjectionTable
          context={context}
          projections={list.data}
          urlOf={(name) => `/api/${context}/projections/${encodeURIComponent(name)}`}
        />
      ) : null}
      <button type="button" onClick={list.reload}>
        Refresh {label(context)}
      </button>
    </section>
  );
}

function ProjectionTable({
  context,
  projections,
  urlOf,
}: {
  context: string;
  projections: ProjectionStatus[];
  urlOf: (name: string) => string;
}) {
  return (
    <table className="list" aria-label={`Projections of ${label(context)}`}>
      <thead>
        <tr>
          <th scope="col">Projection</th>
          <th scope="col">State</th>
          <th scope="col">Position / head</th>
          <th scope="col">Lag</th>
          <th scope="col">Serving version</th>
          <th scope="col">Last error</th>
          <th scope="col">Rebuild</th>
        </tr>
      </thead>
      <tbody>
        {projections.map((projection) => (
          <ProjectionRow key={projection.name} url={urlOf(projection.name)} initial={projection} />
        ))}
      </tbody>
    </table>
  );
}

function ProjectionRow({ url, initial }: { url: string; initial: ProjectionStatus }) {
  const [status, setStatus] = useState(initial);
  const [rebuilding, setRebuilding] = useState<{ generation: number } | null>(null);
  const [finished, setFinished] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [confirming, setConfirming] = useState(false);
  const timer = useRef<number | undefined>(undefined);
  // eslint-disable-next-line react-hooks/set-state-in-effect -- a reloaded list replaces the row's polled status; kept as an effect so the row updates when it did before
  useEffect(() => setStatus(initial), [initial]);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const follow = (generation: number) => {
    const poll = async () => {
      try {
        const next = await get<ProjectionStatus>(url);
        setStatus(next);
        if (next.generation >= generation && next.rebuild === null) {
          setRebuilding(null);
          setFinished(next.generation);
          return;
        }
      } catch (e) {
        setError(e);
      }
      timer.current = window.setTimeout(() => void poll(), 750);
    };
    void poll();
  };

  const rebuild = async () => {
    setConfirming(false);
    setError(null);
    setFinished(null);
    try {
      const started = await post<{ projection: string; generation: number }>(`${url}/rebuild`);
      setRebuilding({ generation: started.generation });
      follow(started.generation);
    } catch (e) {
      setError(e);
    }
  };

  const progress =
    status.rebuild && status.headPosition > 0
      ? Math.min(100, Math.round((status.rebuild.position / status.headPosition) * 100))
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
        {status.lagEvents} events, {status.lagSeconds} s
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
          '—'
        )}
      </td>
      <td className="rebuild-cell">
        {rebuilding ? (
          <div role="status" aria-live="polite">
            Rebuilding generation {rebuilding.generation}…
            {progress !== null ? (
              <>
                <progress max={100} value={progress} aria-label={`Rebuild of ${status.name}`} />{' '}
                {progress} %
              </>
            ) : null}
          </div>
        ) : confirming ? (
          <div className="confirm">
            <span>Rebuild {status.name} from zero?</span>
            <button type="button" className="primary" onClick={() => void rebuild()}>
              Yes, rebuild
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              No
            </button>
          </div>
        ) : (
          <button
            type="button"
            onClick={() => setConfirming(true)}
            aria-label={`Rebuild ${status.name}`}
          >
            Rebuild
          </button>
        )}
        {finished !== null ? (
          <Notice>Rebuild finished: generation {finished} serves.</Notice>
        ) : null}
        <ErrorMessage error={error} />
      </td>
    </tr>
  );
}
