export { IsoDateTime, StringEnum, type MutuallyAssignable } from '@sfp/service-kit';

/** The ETag header of a command's answer: the record's version, for If-Match. */
export const ETAG_HEADER = {
  ETag: {
    description: 'The record’s version (e.g. "3"), to send as If-Match with its next command',
  },
} as const;
