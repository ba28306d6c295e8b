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
 * The handler of a view with one document per value of the events' `idField`:
 * the document becomes `evolve(current, event)` (unchanged when undefined).
 */
export function updateDocumentById<TDoc extends object>(
  idField: string,
  evolve: (
    current: TDoc | undefined,
    event: { type: string; data: Record<string, unknown> },
  ) => TDoc | undefined,
): PublicEventHandler<TDoc> {
  return async (event, view) => {
    const data = event.data as Record<string, unknown>;
    await view.update(String(data[idField]), (current) =>
      evolve(current, { type: event.type, data }),
    );
  };
}

/** The same handler for each of `types`. */
export function handlersFor<TDoc extends object>(
  types: readonly string[],
  handler: PublicEventHandler<TDoc>,
): Record<string, PublicEventHandler<TDoc>> {
  return Object.fromEntries(types.map((type) => [type, handler]));
}

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
 * Declares a view: its projection reads public events (the source envelope
 * and data) from reporting's log; its declared scalar fields are indexed by
 * the read-model store, list fields are filtered in memory.
 */
export function defineReportingView<TDoc extends object>(spec: {
  name: string;
  context: string;
  title: string;
  description: string;
  projectionName: string;
  version: number;
  fields: ViewFields;
  handlers: Record<string, PublicEventHandler<TDoc>>;
}): ReportingView<TDoc> {
  const projection = defineProjection<TDoc>({
    name: spec.projectionName,
    version: spec.version,
    fields: storeFieldsOf(spec.fields),
    handlers: Object.fromEntries(
      Object.entries(spec.handlers).map(([type, handler]) => [
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
