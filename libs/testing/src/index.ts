export * from './infrastructure/infrastructure-unavailable.error';
export * from './infrastructure/provide-infrastructure';
export * from './infrastructure/server-probes';
export * from './infrastructure/integration-env';
export * from './infrastructure/test-topics';
export * from './infrastructure/test-database';
export * from './http/http-client';
export * from './kafka/topic-recorder';
