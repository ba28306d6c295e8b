export * from './escalation';
export * from './reference-data';
export * from './request-list';
export * from './request-statistics';
export * from './service-request';
export * from './service-request.lifecycle';
