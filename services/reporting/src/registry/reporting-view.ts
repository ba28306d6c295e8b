import { defineProjection, type ProjectionDefinition, type ViewWriter } from '@sfp/projections';
import { publicEventOf, type PublicEvent } from '../consumption/public-event';
import { storeFieldsOf, type ViewFields } from '../query/domain/view-fields';

export type Row = Record<string, unknown>;

/** Applies one public event to a reporting view (deterministic: replays and rebuilds run it again). */
export type PublicEventHandler<TDoc extends object> = (
  event: PublicEvent,
  view: ViewWriter<TDoc>,
) => Promise<void> | void;

/**
 * A reporting view: a projection over public events, the fields analysts may
 * query, and a name and description for the catalogue.
 */
export interface ReportingView<TDoc extends object = Row> {
  /** The name in the API: /views/<name>. */
  name: string;
  /** The context whose public events build it. */
  context: string;
  title: string;
  description: string;
  fields: ViewFields;
  /** Runs over reporting's log of consumed events (see ReportingWorkers). */
  projection: ProjectionDefinition<TDoc>;
}

/**
 * Declares a view of one document per value of the events' `idField`: its
 * projection (`reporting-<name>`) reads public events (the source envelope and
 * data) from reporting's log and makes each document `evolve(current, event)`
 * for each of `eventTypes`; its declared scalar fields are indexed by the
 * read-model store, list fields are filtered in memory.
 */
export function defineReportingView<TDoc extends object>(spec: {
  name: string;
  context: string;
  title: string;
  description: string;
  /** The projection's version: a change of the documents bumps it, and the view is rebuilt. */
  version: number;
  fields: ViewFields;
  idField: string;
  eventTypes: readonly string[];
  evolve: DocumentEvolution<TDoc>;
}): ReportingView<TDoc> {
  const handler = updateDocumentById(spec.idField, spec.evolve);
  const projection = defineProjection<TDoc>({
    name: `reporting-${spec.name}`,
    version: spec.version,
    fields: storeFieldsOf(spec.fields),
    handlers: Object.fromEntries(
      spec.eventTypes.map((type) => [
        type,
        (recorded, view) => handler(publicEventOf(recorded), view),
      ]),
    ),
  });
  return {
    name: spec.name,
    context: spec.context,
    title: spec.title,
    description: spec.description,
    fields: spec.fields,
    projection,
  };
}

/** The next state of a document after an event (undefined: unchanged). */
export type DocumentEvolution<TDoc extends object> = (
  current: TDoc | undefined,
  event: { type: string; data: Record<string, unknown> },
) => TDoc | undefined;

/**
 * The handler of a view with one document per value of the events' `idField`:
 * the document becomes `evolve(current, event)` (unchanged when undefined).
 */
function updateDocumentById<TDoc extends object>(
  idField: string,
  evolve: DocumentEvolution<TDoc>,
): PublicEventHandler<TDoc> {
  return async (event, view) => {
    const data = event.data as Record<string, unknown>;
    await view.update(String(data[idField]), (current) =>
      evolve(current, { type: event.type, data }),
    );
  };
}
