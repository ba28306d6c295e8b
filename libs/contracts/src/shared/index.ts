export * from './access';
export * from './regions';
