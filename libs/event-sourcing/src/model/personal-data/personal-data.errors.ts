/** An event declares personal data but its data has no subject id at the declared path. */
export class PersonalDataSubjectMissingError extends Error {
  readonly code = 'PERSONAL_DATA_SUBJECT_MISSING';
  constructor(
    readonly type: string,
    readonly subjectIdPath: string,
  ) {
    super(
      `Event ${type} carries personal data but no data subject id (a non-empty string) at "${subjectIdPath}"`,
    );
    this.name = 'PersonalDataSubjectMissingError';
  }
}

/**
 * An event with personal data was about to be stored in clear: the store has no
 * key store, or the event is not at its type's current version (whose fields are declared).
 */
export class PersonalDataUnprotectedError extends Error {
  readonly code = 'PERSONAL_DATA_UNPROTECTED';
  constructor(
    readonly type: string,
    reason: string,
  ) {
    super(`Refusing to store personal data of ${type} in clear: ${reason}`);
    this.name = 'PersonalDataUnprotectedError';
  }
}

/** A stored encrypted value does not open with its subject's key: it was altered or corrupted. */
export class PersonalDataDecryptionError extends Error {
  readonly code = 'PERSONAL_DATA_DECRYPTION_FAILED';
  constructor(
    readonly subjectId: string,
    cause: unknown,
  ) {
    super(
      `An encrypted value of data subject ${subjectId} does not decrypt with its key (altered or corrupted)`,
      {
        cause,
      },
    );
    this.name = 'PersonalDataDecryptionError';
  }
}
