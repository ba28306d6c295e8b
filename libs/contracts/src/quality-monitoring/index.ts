export * from './reference-data';
export * from './review-policy';
export * from './proposal';
export * from './proposal.lifecycle';
export * from './linkage';
export * from './linked-proposal';
export * from './quality-views';
export * from './rules';
