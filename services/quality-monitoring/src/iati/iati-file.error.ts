/**
 * An IATI file the import refuses (400): not XML, another version of the
 * standard, not one activity, or without an element IATI requires. Each
 * problem names the element or attribute as a path from the root
 * (`iati-activities/@version`, `iati-activities/iati-activity/title/narrative`),
 * or the line and column of the XML that does not parse.
 */
export class IatiFileError extends Error {
  constructor(
    readonly code: 'MALFORMED_XML' | 'IATI_VERSION_UNSUPPORTED' | 'IATI_ACTIVITY_INVALID',
    message: string,
    readonly problems: Array<{ field: string; message: string }>,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'IatiFileError';
  }
}

/** The path of an element of the one activity, as the refusals and warnings name it. */
export const ACTIVITY_PATH = 'iati-activities/iati-activity';
