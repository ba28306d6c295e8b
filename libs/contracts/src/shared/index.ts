export * from './access';
export * from './history';
export * from './regions';
export * from './country-regions';
export * from './operations';
export * from './iso-codes';
