import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Actor } from '@sfp/event-sourcing';
import { bytesOf, COMMAND_HEADERS, DeadLetterError, type IncomingMessage } from '@sfp/messaging';
import type { IdentityStore } from '../identity/identity-store.port';
import { parseSecret, sha256 } from '../identity/secret-token';

/**
 * Commands from departments on `sfp.<context>.commands` are attributed by a
 * signed header, not by the Kafka (SASL) identity: Kafka does not stamp the
 * producing principal on a record, so a consumer cannot learn it. SASL/SCRAM
 * with ACLs per department (docker-compose.yml) decides who may write to the
 * topic at all; the signature decides which client sent each message.
 *
 * The sender signs with its API key (docs/security.md, "Signing a command on Kafka"):
 *   sfp-key-id    the key's id (the 16 hex digits after `sfpk_`)
 *   sfp-signature base64url (no padding) HMAC-SHA256 over the bytes
 *                 topic \n message-id \n command-type \n base64url(SHA-256(value bytes))
 *                 keyed with the ASCII text base64url(SHA-256(secret part of the key)).
 * The platform stores only that SHA-256, so it can check the signature but a
 * leaked key table does not give the key itself for HTTP.
 */
export const SIGNATURE_HEADERS = { keyId: 'sfp-key-id', signature: 'sfp-signature' } as const;

type Bytes = string | Uint8Array;

/**
 * What is signed, as bytes: topic, message-id, command-type (UTF-8, or the
 * header's bytes as received) and base64url(SHA-256(the value's exact bytes)),
 * joined by "\n". A string value is hashed as its UTF-8 bytes; a Buffer as it is.
 */
export function canonicalCommandBytes(
  topic: Bytes,
  messageId: Bytes,
  commandType: Bytes,
  value: Bytes | null,
): Buffer {
  const bytes = (b: Bytes) => (typeof b === 'string' ? Buffer.from(b, 'utf8') : Buffer.from(b));
  const newline = Buffer.from('\n');
  const valueHash = createHash('sha256')
    .update(value === null ? Buffer.alloc(0) : bytes(value))
    .digest('base64url');
  return Buffer.concat([
    bytes(topic),
    newline,
    bytes(messageId),
    newline,
    bytes(commandType),
    newline,
    Buffer.from(valueHash, 'ascii'),
  ]);
}

/** The headers a department's system adds to a command message (a client library would do this). */
export function signCommand(input: {
  apiKey: string;
  topic: string;
  messageId: string;
  commandType: string;
  /** The exact bytes of the Kafka value (a string is sent as UTF-8). */
  value: string | Uint8Array;
}): Record<string, string> {
  const parsed = parseSecret('sfpk', input.apiKey);
  if (!parsed) throw new Error('Not an SFP API key');
  const signature = createHmac('sha256', sha256(parsed.secret))
    .update(canonicalCommandBytes(input.topic, input.messageId, input.commandType, input.value))
    .digest('base64url');
  return { [SIGNATURE_HEADERS.keyId]: parsed.id, [SIGNATURE_HEADERS.signature]: signature };
}

const refused = (message: string, field: string) =>
  new DeadLetterError('unauthorised', message, [
    { field: `headers.${field}`, messages: [message] },
  ]);

/**
 * The inbound command gateway's `actorOf`: the integration client whose live
 * API key signed the message, with its department; otherwise a dead letter
 * with the reason (`unauthorised`).
 */
export function signedCommandAttribution(
  store: IdentityStore,
  now: () => Date = () => new Date(),
): (message: IncomingMessage) => Promise<Actor | DeadLetterError> {
  return async (message) => {
    const keyId = message.headers[SIGNATURE_HEADERS.keyId];
    const signature = message.headers[SIGNATURE_HEADERS.signature];
    if (!keyId || !signature) {
      return refused(
        'The command is not signed: sfp-key-id and sfp-signature are required',
        SIGNATURE_HEADERS.signature,
      );
    }
    const key = await store.findApiKey(keyId);
    if (!key) return refused('The signing key is unknown', SIGNATURE_HEADERS.keyId);
    // Over the bytes as they came (never a decoding of them): a value that is
    // not UTF-8 is still checked exactly as its sender signed it.
    const bytes = bytesOf(message);
    const header = (name: string) => bytes.headers[name]?.[0] ?? Buffer.alloc(0);
    const expected = createHmac('sha256', key.secretHash)
      .update(
        canonicalCommandBytes(
          message.topic,
          header(COMMAND_HEADERS.messageId),
          header(COMMAND_HEADERS.commandType),
          bytes.value,
        ),
      )
      .digest();
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return refused('The signature does not match the message', SIGNATURE_HEADERS.signature);
    }
    if (key.revokedAt) return refused('The signing key was revoked', SIGNATURE_HEADERS.keyId);
    if (new Date(key.expiresAt) <= now())
      return refused('The signing key has expired', SIGNATURE_HEADERS.keyId);
    const client = await store.findClient(key.clientId);
    if (!client || client.disabled)
      return refused('The integration client is disabled', SIGNATURE_HEADERS.keyId);
    return { kind: 'integration-client', id: client.id, department: client.department };
  };
}
