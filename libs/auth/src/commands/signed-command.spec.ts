import { createHash, createHmac } from 'node:crypto';
import type { IncomingMessage } from '@sfp/messaging';
import { DeadLetterError } from '@sfp/messaging';
import { SYSTEM_PRINCIPAL } from '../access/principal';
import { SqliteIdentityStore } from '../identity/sqlite/sqlite-identity-store';
import { DEFAULT_AUTH_SETTINGS } from '../service/auth-settings';
import { IdentityAdministration } from '../service/identity-administration.service';
import { signCommand, signedCommandAttribution } from './signed-command';

describe('signed command attribution', () => {
  let clock = new Date('2026-11-29T10:00:00.000Z');
  const store = new SqliteIdentityStore({ filename: ':memory:' });
  const admin = new IdentityAdministration(store, DEFAULT_AUTH_SETTINGS, () => clock);
  const attribute = signedCommandAttribution(store, () => clock);
  let apiKey: string;
  let keyId: string;
  let clientId: string;
  afterAll(() => store.close());

  beforeAll(async () => {
    clientId = (
      await admin.createClient({ name: 'finance-erp', department: 'FINANCE' }, SYSTEM_PRINCIPAL)
    ).id;
    ({
      apiKey,
      key: { id: keyId },
    } = await admin.issueKey(clientId, { label: 'prod', expiresInDays: 10 }, SYSTEM_PRINCIPAL));
  });

  const message = (
    value: string,
    headers: Record<string, string>,
    topic = 'sfp.help-desk.commands',
  ): IncomingMessage => ({
    topic,
    partition: 0,
    offset: '0',
    key: 'm-1',
    value,
    timestamp: clock.toISOString(),
    headers: { 'message-id': 'm-1', 'command-type': 'SubmitServiceRequest', ...headers },
  });
  const signed = (value: string, topic = 'sfp.help-desk.commands') =>
    signCommand({ apiKey, topic, messageId: 'm-1', commandType: 'SubmitServiceRequest', value });

  it('attributes a signed command to the client and its department', async () => {
    expect(await attribute(message('{"a":1}', signed('{"a":1}')))).toEqual({
      kind: 'integration-client',
      id: clientId,
      department: 'FINANCE',
    });
  });

  it('refuses unsigned, altered, re-targeted and wrongly keyed messages', async () => {
    const reasons = async (m: IncomingMessage) => {
      const result = await attribute(m);
      expect(result).toBeInstanceOf(DeadLetterError);
      expect((result as DeadLetterError).reason).toBe('unauthorised');
      return (result as DeadLetterError).message;
    };
    expect(await reasons(message('{"a":1}', {}))).toMatch(/not signed/);
    expect(await reasons(message('{"a":2}', signed('{"a":1}')))).toMatch(/does not match/);
    expect(
      await reasons(
        message(
          '{"a":1}',
          signed('{"a":1}', 'sfp.help-desk.commands'),
          'sfp.knowledge-base.commands',
        ),
      ),
    ).toMatch(/does not match/);
    expect(
      await reasons(
        message('{"a":1}', { ...signed('{"a":1}'), 'command-type': 'CancelServiceRequest' }),
      ),
    ).toMatch(/does not match/);
    expect(
      await reasons(message('{"a":1}', { ...signed('{"a":1}'), 'sfp-key-id': '0123456789abcdef' })),
    ).toMatch(/unknown/);
  });

  it('signs and checks the exact bytes of the value, UTF-8 or not', async () => {
    const value = Buffer.from([0xff, 0xfe, 0x7b, 0x7d, 0x80]);
    const headers = {
      'message-id': 'm-1',
      'command-type': 'SubmitServiceRequest',
      ...signCommand({
        apiKey,
        topic: 'sfp.help-desk.commands',
        messageId: 'm-1',
        commandType: 'SubmitServiceRequest',
        value,
      }),
    };
    const bytes = (v: Buffer): IncomingMessage => ({
      ...message(v.toString('utf8'), headers),
      raw: {
        key: Buffer.from('m-1'),
        value: v,
        headers: Object.fromEntries(
          Object.entries(headers).map(([name, text]) => [name, [Buffer.from(text)]]),
        ),
      },
    });
    expect(await attribute(bytes(value))).toMatchObject({ id: clientId });
    // Its UTF-8 decoding (ff fe → ef bf bd ef bf bd) is another message.
    const decoded = Buffer.from(value.toString('utf8'), 'utf8');
    expect(((await attribute(bytes(decoded))) as DeadLetterError).message).toMatch(
      /does not match/,
    );
  });

  it('computes the documented signature (docs/security.md, "Signing a command on Kafka")', () => {
    // The same steps as the Python example: the HMAC key is the ASCII text of
    // base64url(SHA-256(secret)); the signature base64url without padding.
    const secret = apiKey.slice('sfpk_'.length + 16 + 1);
    const hmacKey = createHash('sha256').update(secret, 'utf8').digest('base64url');
    const valueHash = createHash('sha256').update('{"a":1}').digest('base64url');
    const expected = createHmac('sha256', Buffer.from(hmacKey, 'ascii'))
      .update(`sfp.help-desk.commands\nm-1\nSubmitServiceRequest\n${valueHash}`, 'utf8')
      .digest('base64url');
    expect(signed('{"a":1}')).toEqual({ 'sfp-key-id': keyId, 'sfp-signature': expected });
    expect(expected).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('refuses a revoked or expired key, and a disabled client', async () => {
    const headers = signed('{}');
    clock = new Date('2026-12-10T10:00:00.000Z');
    expect(((await attribute(message('{}', headers))) as DeadLetterError).message).toMatch(
      /expired/,
    );
    clock = new Date('2026-11-29T10:00:00.000Z');
    await admin.setClientDisabled(clientId, true);
    expect(((await attribute(message('{}', headers))) as DeadLetterError).message).toMatch(
      /disabled/,
    );
    await admin.setClientDisabled(clientId, false);
    await admin.revokeKey(clientId, keyId, SYSTEM_PRINCIPAL);
    expect(((await attribute(message('{}', headers))) as DeadLetterError).message).toMatch(
      /revoked/,
    );
  });
});
