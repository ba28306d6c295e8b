export * from './labels';
export * from './weighted-score';
export * from './red-flags';
export * from './working-days';
export * from './linkage-suggestions';
export * from './proposal-diff';
