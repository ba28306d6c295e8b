// The EventStore adapters and the subscription they share.
export * from './memory/in-memory-event-store';
export * from './sqlite/sqlite-event-store';
export * from './mongodb/mongo-event-store';
export * from './subscription/append-notifier';
export * from './subscription/catch-up.subscription';
export * from './subscription/subscription.errors';
export * from './follow/feed-follower';
