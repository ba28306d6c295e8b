export * from './config/env-config';
export * from './config/host.config';
export * from './config/settings-check';
export * from './http/problem';
export * from './http/request-context';
export * from './http/past-fact';
export * from './http/correlation-id.middleware';
export * from './http/validation.pipe';
export * from './http/if-match';
export * from './http/error-response.filter';
export * from './http/read-position';
export * from './http/command-route';
export * from './http/command-result.schema';
export * from './http/paged-list';
export * from './http/csv-response';
export * from './logging/logger';
export * from './metrics/service-metrics';
export * from './csv/csv';
export * from './app/configure-http-app';
export * from './app/operations.controller';
export * from './app/operations.module';
export * from './app/dead-letters.controller';
export * from './runtime/pseudonyms';
export * from './runtime/platform-users';
export * from './runtime/context-stores';
export * from './runtime/kafka-readiness';
export * from './app/projections.controller';
export * from './app/personal-data-erasure.controller';
export * from './runtime/standalone-connections';
export * from './runtime/standalone-resources';
export * from './service/context.tokens';
export * from './service/context-commands';
export * from './service/context-dependencies';
export * from './service/service-definition';
export * from './service/context.workers';
export * from './leadership/context-leadership';
export * from './service/interval-rounds';
export * from './service/embedded-context';
export * from './standalone/standalone.config';
export * from './standalone/standalone-host';
export * from './standalone/start-standalone-service';
export * from './standalone/run-standalone-main';
export * from './http/command-context.decorator';
export * from './linked-proposals/linked-proposals.subscription';
export * from './linked-proposals/linked-proposals.view';
export {
  Operation,
  Answers,
  Refuses,
  SchemaRules,
  IsCalendarDate,
  type AnswerSpec,
  type JsonSchema,
  StringEnum,
  IsoDateTime,
  IsoDateString,
  PageOf,
  CsvFile,
  csvHeadersOf,
  sameShape,
  type SameType,
  type MutuallyAssignable,
} from '@sfp/auth';
