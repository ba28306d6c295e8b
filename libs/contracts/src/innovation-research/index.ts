export * from './reference-data';
export * from './research-project.lifecycle';
export * from './research-project';
export * from './cost-benefit';
export * from './publication';
export * from './research-views';
