import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { PlatformProjection, ProjectionStatus } from '@sfp/contracts';
import { useHasPath, useProjectionContexts } from '../../api/capabilities';
import { Empty, Loading, QueryState } from '../../components/feedback';
import { label } from '../../components/format';
import { ListTable } from '../../components/table';
import { operationsQueries, projectionUrl } from './operations.api';
import { ProjectionRow } from './projection-row';

/**
 * Projections of the whole platform: position, lag, state; rebuild with
 * progress (platform:admin). The reporting context's platform-wide operations
 * (/api/reporting/projections) when mounted, else each context's own.
 */
export function ProjectionsPage() {
  const platformWide = useHasPath()('/api/reporting/projections');
  const contexts = useProjectionContexts();
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
  const list = useQuery(operationsQueries.platformProjections());
  const byContext = new Map<string, PlatformProjection[]>();
  for (const projection of list.data?.projections ?? [])
    byContext.set(projection.context, [...(byContext.get(projection.context) ?? []), projection]);
  return (
    <>
      <QueryState query={list} what="Loading projections" />
      {list.data && byContext.size === 0 ? <Empty>No projection.</Empty> : null}
      {[...byContext.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([context, projections]) => (
          <ContextSection key={context} context={context}>
            <ProjectionTable context={context} projections={projections} platformWide />
          </ContextSection>
        ))}
      {list.data ? (
        <button type="button" onClick={() => void list.refetch()}>
          Refresh
        </button>
      ) : null}
    </>
  );
}

function ContextProjections({ context }: { context: string }) {
  const list = useQuery(operationsQueries.contextProjections(context));
  const projections = Array.isArray(list.data) ? list.data : undefined;
  return (
    <ContextSection context={context}>
      <QueryState query={list} what="Loading" />
      {projections?.length === 0 ? <Empty>No projection.</Empty> : null}
      {projections?.length ? (
        <ProjectionTable context={context} projections={projections} platformWide={false} />
      ) : null}
      <button type="button" onClick={() => void list.refetch()}>
        Refresh {label(context)}
      </button>
    </ContextSection>
  );
}

function ContextSection({ context, children }: { context: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`projections-${context}`}>
      <h2 id={`projections-${context}`}>{label(context)}</h2>
      {children}
    </section>
  );
}

const COLUMNS = [
  'Projection',
  'State',
  'Position / head',
  'Lag',
  'Serving version',
  'Last error',
  'Rebuild',
];

function ProjectionTable(props: {
  context: string;
  projections: ProjectionStatus[];
  platformWide: boolean;
}) {
  return (
    <ListTable label={`Projections of ${label(props.context)}`} columns={COLUMNS}>
      {props.projections.map((projection) => (
        <ProjectionRow
          key={projection.name}
          url={projectionUrl(props.context, projection.name, props.platformWide)}
          listed={projection}
        />
      ))}
    </ListTable>
  );
}
