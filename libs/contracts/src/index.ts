/**
 * The public language of the platform: the reference data and the allowed
 * transitions that the services decide by and the admin console shows, and
 * the shape of a service request as the help desk's API reads and writes it.
 * Pure TypeScript, no framework and no Node.js API: the browser bundle
 * imports it too.
 */
export * from './shared';
export * from './help-desk';
export * from './knowledge-base';
export * from './training';
export * from './innovation-research';
export * from './quality-monitoring';
