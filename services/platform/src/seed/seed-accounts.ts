import { createHmac } from 'node:crypto';

/**
 * The people the demo data is filed by: created once through the users API
 * (as the administrator), each then signs in and acts as themselves, so the
 * audit trail of the demo records names real accounts. They are operators and
 * importers: the demo history is recorded as past facts (X-SFP-Occurred-At).
 */
export function seedAccounts(options: {
  baseUrl: string;
  admin: { username: string; password: string };
  roles?: string[];
}): (actor: string) => Promise<Record<string, string>> {
  const base = options.baseUrl.replace(/\/$/, '');
  const sessions = new Map<string, Promise<Record<string, string>>>();
  // Derived from the administrator's password: the same on every run (a second
  // seed signs in as the users the first one made), unknown without it.
  const password = (actor: string) =>
    `Sd-${createHmac('sha256', options.admin.password).update(`seed-user:${actor}`).digest('base64url').slice(0, 24)}`;

  const signIn = async (
    username: string,
    secret: string,
    attempt = 1,
  ): Promise<Record<string, string>> => {
    const response = await fetch(`${base}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: secret }),
    });
    // The platform limits sign-ins per minute and address (SFP_SIGN_INS_PER_MINUTE); the seed
    // signs in many people at once, so it waits as the platform asks and tries again.
    if (response.status === 429 && attempt < 12) {
      const seconds = Number(response.headers.get('retry-after'));
      const wait = Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 60) : 10;
      await new Promise((resolve) => setTimeout(resolve, wait * 1000));
      return signIn(username, secret, attempt + 1);
    }
    const body = (await response.json()) as {
      accessToken?: string;
      passwordChangeRequired?: boolean;
      message?: string;
    };
    if (!response.ok || !body.accessToken)
      throw new Error(`Sign-in as ${username} failed: ${response.status} ${body.message ?? ''}`);
    if (body.passwordChangeRequired) {
      throw new Error(
        `${username} must first change the one-time password (sign in once in the console or POST /api/auth/me/password)`,
      );
    }
    return { authorization: `Bearer ${body.accessToken}` };
  };
  const admin = () => {
    let session = sessions.get('\u0000admin');
    if (!session) {
      session = signIn(options.admin.username, options.admin.password);
      sessions.set('\u0000admin', session);
    }
    return session;
  };

  return (actor) => {
    let session = sessions.get(actor);
    if (!session) {
      session = (async () => {
        const created = await fetch(`${base}/api/auth/users`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(await admin()) },
          body: JSON.stringify({
            username: actor,
            displayName: actor,
            roles: options.roles ?? ['operator', 'importer'],
            department: 'SFP',
            password: password(actor),
          }),
        });
        if (!created.ok && created.status !== 409) {
          throw new Error(
            `Creating the demo user ${actor} failed: ${created.status} ${await created.text()}`,
          );
        }
        return signIn(actor, password(actor));
      })();
      sessions.set(actor, session);
    }
    return session;
  };
}
