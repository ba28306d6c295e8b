// @sfp/event-sourcing/testing: test helpers, for this library's tests and for services'.
export * from './store/event-store.contract';
export * from './store/event-store.fixtures';
export * from './model/testing';
export * from './contract-fixture';
