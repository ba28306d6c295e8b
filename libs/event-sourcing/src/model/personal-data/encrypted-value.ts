import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SubjectKey } from './key-store.port';
import { PersonalDataDecryptionError } from './personal-data.errors';

/**
 * How an encrypted personal field is stored: the field's value is replaced by an
 * object with this one key. Self-describing, so a reader needs no event definition
 * (and old schema versions decrypt too):
 *
 * ```json
 * { "sfp:personal-data": { "v": 1, "subjectId": "person-42", "keyId": "<uuid>",
 *                          "iv": "<base64, 12 bytes>", "tag": "<base64, 16 bytes>",
 *                          "ciphertext": "<base64 of AES-256-GCM(JSON.stringify(value))>" } }
 * ```
 * The additional authenticated data binds the ciphertext to its subject and key id.
 */
export const ENCRYPTED_VALUE_KEY = 'sfp:personal-data';

/**
 * What an erased personal field reads as: the string `"[erased]"`, in place of the
 * value (whatever its type was), once the subject's key is erased.
 */
export const ERASED = '[erased]';

export interface EncryptedValue {
  [ENCRYPTED_VALUE_KEY]: {
    v: 1;
    subjectId: string;
    keyId: string;
    iv: string;
    tag: string;
    ciphertext: string;
  };
}

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;

export function isErased(value: unknown): boolean {
  return value === ERASED;
}

export function isEncryptedValue(value: unknown): value is EncryptedValue {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  if (keys.length !== 1 || keys[0] !== ENCRYPTED_VALUE_KEY) return false;
  const inner = (value as Record<string, unknown>)[ENCRYPTED_VALUE_KEY];
  return typeof inner === 'object' && inner !== null && (inner as { v?: unknown }).v === 1;
}

/** Encrypts any JSON value with the subject's key and a fresh random IV. */
export function encryptValue(value: unknown, key: SubjectKey): EncryptedValue {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key.key, iv);
  cipher.setAAD(aad(key.subjectId, key.keyId));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return {
    [ENCRYPTED_VALUE_KEY]: {
      v: 1,
      subjectId: key.subjectId,
      keyId: key.keyId,
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      ciphertext: ciphertext.toString('base64'),
    },
  };
}

/**
 * The clear value, or `ERASED` when the subject's key is gone (undefined, or a later
 * key with another id). A key that matches but does not open the value means the
 * stored value was altered: PersonalDataDecryptionError.
 */
export function decryptValue(encrypted: EncryptedValue, key: SubjectKey | undefined): unknown {
  const sealed = encrypted[ENCRYPTED_VALUE_KEY];
  if (!key || key.keyId !== sealed.keyId || key.subjectId !== sealed.subjectId) return ERASED;
  try {
    const decipher = createDecipheriv(ALGORITHM, key.key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(aad(sealed.subjectId, sealed.keyId));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    const clear = Buffer.concat([
      decipher.update(Buffer.from(sealed.ciphertext, 'base64')),
      decipher.final(),
    ]);
    return JSON.parse(clear.toString('utf8'));
  } catch (error) {
    throw new PersonalDataDecryptionError(sealed.subjectId, error);
  }
}

function aad(subjectId: string, keyId: string): Buffer {
  return Buffer.from(`sfp-personal-data:v1:${subjectId}:${keyId}`, 'utf8');
}
