import type { RecordedEvent } from '@sfp/event-sourcing';
import { InvalidReadModelError } from '../read-model/read-model.errors';
import {
  assertProjectionName,
  assertValidFields,
  type ReadModelFields,
} from '../read-model/read-model.types';
import type { ViewWriter } from './view-writer';

/**
 * Applies one event to the read model. Handlers must be deterministic (the
 * same event and view give the same writes): a replay after a crash, or a
 * rebuild, runs them again, and the position guard relies on that.
 */
export type ProjectionHandler<TDoc extends object> = (
  event: RecordedEvent,
  view: ViewWriter<TDoc>,
) => Promise<void> | void;

/**
 * A projection: a name, a version, the fields its queries filter and sort on,
 * and a handler per event type. Event types without a handler are skipped (the
 * checkpoint still moves past them).
 *
 * Bump `version` whenever the handlers or fields change the documents: a
 * runner meeting a newer version than the one that built the read model
 * rebuilds it from zero beside the old one and swaps when caught up.
 */
export interface ProjectionDefinition<TDoc extends object = Record<string, unknown>> {
  readonly name: string;
  readonly version: number;
  readonly fields: ReadModelFields;
  readonly handlers: Readonly<Record<string, ProjectionHandler<TDoc>>>;
}

/** Checks and freezes a projection definition (a mistake here is found at start-up, not at the first event). */
export function defineProjection<TDoc extends object = Record<string, unknown>>(definition: {
  name: string;
  version: number;
  fields?: ReadModelFields;
  handlers: Record<string, ProjectionHandler<TDoc>>;
}): ProjectionDefinition<TDoc> {
  assertProjectionName(definition.name);
  if (!Number.isSafeInteger(definition.version) || definition.version < 1) {
    throw new InvalidReadModelError(
      `Projection ${definition.name}: version must be a positive integer`,
    );
  }
  const fields = definition.fields ?? {};
  assertValidFields(fields, definition.name);
  for (const [type, handler] of Object.entries(definition.handlers)) {
    if (typeof handler !== 'function') {
      throw new InvalidReadModelError(
        `Projection ${definition.name}: the handler of ${type} is not a function`,
      );
    }
  }
  return Object.freeze({
    name: definition.name,
    version: definition.version,
    fields: Object.freeze({ ...fields }),
    handlers: Object.freeze({ ...definition.handlers }),
  });
}

/** The handler of an event type, if the projection has one (own properties only). */
export function handlerFor<TDoc extends object>(
  definition: ProjectionDefinition<TDoc>,
  type: string,
): ProjectionHandler<TDoc> | undefined {
  return Object.prototype.hasOwnProperty.call(definition.handlers, type)
    ? definition.handlers[type]
    : undefined;
}
