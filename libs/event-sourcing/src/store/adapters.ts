// The EventStore adapters and the subscription they share.
export * from './memory/in-memory-event-store';
export * from './sqlite/sqlite-event-store';
export * from './mongodb/mongo-event-store';
export { isFerretDb } from './mongodb/mongo-server';
export { isStoreUnavailable } from './store-unavailable';
// The MongoDB store's commit document (its storage format), for tools that write the same documents.
export {
  commitDocument as mongoCommitDocument,
  type CommitDocument as MongoCommitDocument,
} from './mongodb/mongo-event-store.documents';
export * from './subscription/append-notifier';
export * from './subscription/catch-up.subscription';
export * from './subscription/subscription.errors';
export * from './follow/feed-follower';
