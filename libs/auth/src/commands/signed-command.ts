import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Actor } from '@sfp/event-sourcing';
import { COMMAND_HEADERS, DeadLetterError, type IncomingMessage } from '@sfp/messaging';
import type { IdentityStore } from '../identity/identity-store.port';
import { parseSecret, sha256 } from '../identity/secret-token';

/**
 * Commands from departments on `sfp.<context>.commands` are attributed by a
 * signed header, not by the Kafka (SASL) identity: Kafka does not stamp the
 * producing principal on a record, so a consumer cannot learn it. SASL/SCRAM
 * with ACLs per department (docker-compose.yml) decides who may write to the
 * topic at all; the signature decides which client sent each message.
 *
 * The sender signs with its API key:
 *   sfp-key-id    the key's id (the part after `sfpk_`)
 *   sfp-signature base64url HMAC-SHA256 over
 *                 topic \n message-id \n command-type \n base64url(SHA-256(value))
 *                 keyed with base64url(SHA-256(secret part of the key)).
 * The platform stores only that SHA-256, so it can check the signature but a
 * leaked key table does not give the key itself for HTTP.
 */
export const SIGNATURE_HEADERS = { keyId: 'sfp-key-id', signature: 'sfp-signature' } as const;

function canonical(topic: string, messageId: string, commandType: string, value: string): string {
  return [
    topic,
    messageId,
    commandType,
    createHash('sha256').update(value).digest('base64url'),
  ].join('\n');
}

/** The headers a department's system adds to a command message (a client library would do this). */
export function signCommand(input: {
  apiKey: string;
  topic: string;
  messageId: string;
  commandType: string;
  value: string;
}): Record<string, string> {
  const parsed = parseSecret('sfpk', input.apiKey);
  if (!parsed) throw new Error('Not an SFP API key');
  const signature = createHmac('sha256', sha256(parsed.secret))
    .update(canonical(input.topic, input.messageId, input.commandType, input.value))
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
    const expected = createHmac('sha256', key.secretHash)
      .update(
        canonical(
          message.topic,
          message.headers[COMMAND_HEADERS.messageId] ?? '',
          message.headers[COMMAND_HEADERS.commandType] ?? '',
          message.value ?? '',
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
