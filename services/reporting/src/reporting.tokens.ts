/** DI token of the ReportingReader (queries and the progress report). */
export const REPORTING_READER = Symbol('REPORTING_READER');
/** DI token of PlatformProjections (the operations API). */
export const PLATFORM_PROJECTIONS = Symbol('PLATFORM_PROJECTIONS');
