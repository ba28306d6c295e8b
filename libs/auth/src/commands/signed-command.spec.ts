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
