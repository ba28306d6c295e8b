import { CodedError } from '../../coded-error';

/** An event declares personal data but its data has no subject id at the declared path. */
export class PersonalDataSubjectMissingError extends CodedError {
  constructor(
    readonly type: string,
    readonly subjectIdPath: string,
  ) {
    super(
      'PERSONAL_DATA_SUBJECT_MISSING',
      `Event ${type} carries personal data but no data subject id (a non-empty string) at "${subjectIdPath}"`,
    );
  }
}

/**
 * An event with personal data was about to be stored in clear: the store has no
 * key store, or the event is not at its type's current version (whose fields are declared).
 */
export class PersonalDataUnprotectedError extends CodedError {
  constructor(
    readonly type: string,
    reason: string,
  ) {
    super(
      'PERSONAL_DATA_UNPROTECTED',
      `Refusing to store personal data of ${type} in clear: ${reason}`,
    );
  }
}

/** A stored encrypted value does not open with its subject's key: it was altered or corrupted. */
export class PersonalDataDecryptionError extends CodedError {
  constructor(
    readonly subjectId: string,
    cause: unknown,
  ) {
    super(
      'PERSONAL_DATA_DECRYPTION_FAILED',
      `An encrypted value of data subject ${subjectId} does not decrypt with its key (altered or corrupted)`,
      {
        cause,
      },
    );
  }
}
