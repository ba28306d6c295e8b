export * from './reference-data';
export * from './training';
export * from './training.lifecycle';
