export * from './indicators';
export * from './institution';
export * from './library';
export * from './performance-inputs';
export * from './targets';
export * from './gni';
