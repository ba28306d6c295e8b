import { BadRequestException } from '@nestjs/common';

/**
 * An If-Match header the platform accepts (also its OpenAPI pattern): one
 * version, as the ETag sent it (`"3"`, or weak `W/"3"`), its quotes optional
 * because some clients and tools drop them (`3`).
 */
export const IF_MATCH_PATTERN = /^(?:W\/)?"?([0-9]{1,15})"?$/;

/**
 * The expected stream version from an If-Match header: `"3"` or `W/"3"`.
 * Absent → undefined (no check); malformed or empty → 400.
 */
export function expectedVersionFromIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const match = IF_MATCH_PATTERN.exec(header.trim());
  if (!match) {
    throw new BadRequestException({
      statusCode: 400,
      code: 'INVALID_IF_MATCH',
      message: 'If-Match must be the ETag of the record, e.g. "3"',
      fieldErrors: [
        { field: 'headers.if-match', messages: ['must be a quoted version number, e.g. "3"'] },
      ],
    });
  }
  return Number(match[1]);
}

export function etagOf(version: number): string {
  return `"${version}"`;
}
