import { SYSTEM_PRINCIPAL } from '../access/principal';
import type { IdentityStore } from '../identity/identity-store.port';
import type { IdentityAdministration } from './identity-administration.service';

/**
 * First start: when no user exists, creates the administrator `admin` with
 * the password given (SFP_ADMIN_PASSWORD) or a generated one-time password to
 * print, which must be changed at the first sign-in. Never a default password.
 */
export async function ensureFirstAdministrator(
  store: IdentityStore,
  administration: IdentityAdministration,
  password: string | undefined,
): Promise<{ created: false } | { created: true; username: string; oneTimePassword?: string }> {
  if ((await store.countUsers()) > 0) return { created: false };
  const { user, oneTimePassword } = await administration.createUser(
    {
      username: 'admin',
      displayName: 'Platform administrator',
      roles: ['administrator'],
      ...(password ? { password } : {}),
    },
    SYSTEM_PRINCIPAL,
  );
  return {
    created: true,
    username: user.username,
    ...(oneTimePassword ? { oneTimePassword } : {}),
  };
}
