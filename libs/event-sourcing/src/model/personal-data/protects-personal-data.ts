import type { EventStore } from '../../store/event-store.port';

/** Set to true on a store that encrypts declared personal fields on append. */
export const PROTECTS_PERSONAL_DATA = Symbol.for('sfp.event-sourcing.protectsPersonalData');

/** True when the store encrypts declared personal fields on append (a TypedEventStore with a key store). */
export function protectsPersonalData(store: EventStore): boolean {
  return (store as unknown as Record<symbol, unknown>)[PROTECTS_PERSONAL_DATA] === true;
}
