export * from './reference-data';
export * from './training';
export * from './training.lifecycle';
export * from './course-views';
export * from './offering-views';
export * from './certificate-check';
export * from './training-statistics';
export * from './programme-views';
