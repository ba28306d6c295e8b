import { defineProjection } from '@sfp/projections';
import { publicEventOf } from '../consumption/public-event';
import { storeFieldsOf, type ViewFields } from '../query/domain/view-fields';
import type { DocumentEvolution, ReportingView } from '../registry/reporting-view';

/**
 * A reporting view of one document per `idOf(event data)`, as
 * defineReportingView with an id field, for events whose id is not a
 * top-level field (a milestone's id is in MilestonePlanned's `milestone`, a
 * publication's is its project and version).
 */
export function defineKeyedReportingView<TDoc extends object>(spec: {
  name: string;
  context: string;
  title: string;
  description: string;
  version: number;
  fields: ViewFields;
  idOf: (data: Record<string, unknown>) => string;
  eventTypes: readonly string[];
  evolve: DocumentEvolution<TDoc>;
}): ReportingView<TDoc> {
  const projection = defineProjection<TDoc>({
    name: `reporting-${spec.name}`,
    version: spec.version,
    fields: storeFieldsOf(spec.fields),
    handlers: Object.fromEntries(
      spec.eventTypes.map((type) => [
        type,
        async (recorded, view) => {
          const event = publicEventOf(recorded);
          const data = event.data as Record<string, unknown>;
          await view.update(spec.idOf(data), (current) =>
            spec.evolve(current, { type: event.type, data }),
          );
        },
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
