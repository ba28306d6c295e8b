export * from './envelope/event-envelope';
export * from './envelope/event-id';
export * from './store/event-store.port';
export * from './store/event-store.errors';
export * from './store/adapters';
export * from './model';
export * from './model/decider/event-ids';
export * from './model/decider/execute-command';
