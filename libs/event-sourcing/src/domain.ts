// The pure part of the library, for domain code: event types and deciders,
// with no adapter behind them (importing it loads no database driver).
export * from './coded-error';
export * from './envelope/event-envelope';
export * from './model/event-type/event-type.definition';
export * from './model/event-type/event-type.errors';
export type { DataPath } from './model/event-type/data-path';
export * from './model/decider/decider';
