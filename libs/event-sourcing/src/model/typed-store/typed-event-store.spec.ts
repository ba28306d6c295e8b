import {
  describeTypedEventStore,
  inMemoryTypedStoreFixture,
  sqliteTypedStoreFixture,
} from './typed-event-store.contract';

describeTypedEventStore('InMemoryEventStore', inMemoryTypedStoreFixture);

describeTypedEventStore('SqliteEventStore, keys in the same file', sqliteTypedStoreFixture);
