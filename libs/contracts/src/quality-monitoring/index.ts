export * from './reference-data';
export * from './review-policy';
export * from './proposal';
export * from './proposal.lifecycle';
export * from './linkage';
