// Event types, deciders, snapshots, personal-data protection.
// Test helpers (deciderSpec) are in ./testing, exported by @sfp/event-sourcing/testing.
export type { DataPath } from './event-type/data-path';
export * from './event-type/event-type.definition';
export * from './event-type/event-type.errors';
export * from './event-type/event-type.registry';
export * from './decider/decider';
export * from './decider/load-state';
export * from './decider/handle-command';
export * from './snapshot/snapshot-store.port';
export * from './snapshot/snapshot.policy';
export * from './snapshot/memory.snapshot-store';
export * from './snapshot/sqlite.snapshot-store';
export * from './snapshot/mongodb.snapshot-store';
export * from './personal-data/key-store.port';
export * from './personal-data/encrypted-value';
export * from './personal-data/personal-data.errors';
export * from './personal-data/personal-data.codec';
export * from './personal-data/protects-personal-data';
export * from './personal-data/memory.key-store';
export * from './personal-data/sqlite.key-store';
export * from './personal-data/mongodb.key-store';
export * from './typed-store/typed-event-store';
