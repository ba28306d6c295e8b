export {
  CsvFile,
  csvHeadersOf,
  IsoDateString,
  IsoDateTime,
  PageOf,
  sameShape,
  StringEnum,
  type SameType,
} from '@sfp/service-kit';

/**
 * Helpers for the TypeBox schemas of the knowledge base's answers (OpenAPI
 * 3.1 / JSON Schema 2020-12), the one description of what a route sends.
 */

/** The ETag header: the record's stream version, for If-Match. */
export const ETAG_HEADER = {
  ETag: { description: 'The record’s version ("3"), for If-Match on its next command' },
} as const;
