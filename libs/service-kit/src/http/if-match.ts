import { BadRequestException } from '@nestjs/common';

/** An If-Match header the platform accepts: one version, `"3"` or `W/"3"` (also the OpenAPI pattern). */
export const IF_MATCH_PATTERN = /^\s*(?:W\/)?"(\d{1,15})"\s*$/;

/**
 * The expected stream version from an If-Match header: `"3"` or `W/"3"`.
 * Absent → undefined (no check); malformed → 400.
 */
export function expectedVersionFromIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const match = IF_MATCH_PATTERN.exec(header);
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
