import Database from 'better-sqlite3';
import { STORAGE_RETRY_AFTER_SECONDS, storageErrorBody } from './storage-errors';
import { filterAnswer } from './filter-answer.testing';

/** What the filter answers for `error` thrown by a command. */
const answer = (error: unknown) => filterAnswer(error, '/api/help-desk/service-requests');

const failure = (code: string) => Object.assign(new Error('database or disk is full'), { code });

describe('storage failures over HTTP', () => {
  it('answers a full disk 507 STORAGE_FULL with Retry-After, naming what to do', () => {
    const { status, headers, body } = answer(failure('SQLITE_FULL'));
    expect(status).toBe(507);
    expect(headers['Retry-After']).toBe(String(STORAGE_RETRY_AFTER_SECONDS));
    expect(body).toMatchObject({
      type: 'urn:sfp:problem:storage-full',
      status: 507,
      code: 'STORAGE_FULL',
      details: { retryAfterSeconds: STORAGE_RETRY_AFTER_SECONDS },
    });
    expect(body?.['detail']).toMatch(/disk .* is full.*free space.*SFP_DATA_DIR/);
  });

  it('answers a full disk met by a plain file write (ENOSPC, EDQUOT) the same way', () => {
    expect(storageErrorBody(failure('ENOSPC'))?.code).toBe('STORAGE_FULL');
    expect(storageErrorBody(failure('EDQUOT'))?.code).toBe('STORAGE_FULL');
  });

  it('answers a read-only data directory 507 STORAGE_READ_ONLY', () => {
    for (const code of ['SQLITE_READONLY', 'SQLITE_READONLY_DBMOVED', 'EROFS']) {
      expect(storageErrorBody(failure(code))).toMatchObject({
        statusCode: 507,
        code: 'STORAGE_READ_ONLY',
        details: { retryAfterSeconds: STORAGE_RETRY_AFTER_SECONDS },
      });
    }
  });

  it('answers an I/O error or a file that cannot be opened 503 STORAGE_UNAVAILABLE', () => {
    for (const code of [
      'SQLITE_IOERR',
      'SQLITE_IOERR_WRITE',
      'SQLITE_IOERR_FSYNC',
      'SQLITE_CANTOPEN',
    ]) {
      const body = storageErrorBody(failure(code));
      expect(body).toMatchObject({ statusCode: 503, code: 'STORAGE_UNAVAILABLE' });
      expect(body?.message).toContain(code);
    }
  });

  it('leaves other errors to the rest of the filter', () => {
    for (const code of [
      'SQLITE_CONSTRAINT_UNIQUE',
      'SQLITE_BUSY',
      'SQLITE_CORRUPT',
      'SQLITE_IOERRX',
      'EIO',
    ]) {
      expect(storageErrorBody(failure(code))).toBeUndefined();
    }
    expect(storageErrorBody(new Error('no code'))).toBeUndefined();
    expect(storageErrorBody(null)).toBeUndefined();
    expect(answer(failure('SQLITE_CONSTRAINT_UNIQUE')).status).toBe(500);
  });

  it('recognises what better-sqlite3 throws on a read-only database', () => {
    const readOnly = new Database(':memory:');
    readOnly.pragma('query_only = ON');
    let thrown: unknown;
    try {
      readOnly.exec('CREATE TABLE t (x)');
    } catch (error) {
      thrown = error;
    }
    readOnly.close();
    expect((thrown as { code?: string }).code).toBe('SQLITE_READONLY');
    expect(answer(thrown).status).toBe(507);
  });
});
