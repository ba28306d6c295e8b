import { randomUUID } from 'node:crypto';
import type { Principal } from '../access/principal';
import { isRole, type Role } from '../access/roles';
import type {
  ApiKeyRecord,
  ClientRecord,
  SignInFailureSummary,
  UserRecord,
} from '../identity/identity-records';
import type { IdentityStore } from '../identity/identity-store.port';
import {
  generatePassword,
  hashPassword,
  passwordProblem,
  verifyPassword,
} from '../identity/password-hash';
import { issueSecret } from '../identity/secret-token';
import { AuthError, notFound } from './auth-errors';
import type { AuthSettings } from './auth-settings';
import { SignInBackOff } from './sign-in-back-off';

/**
 * A user as administrators see it: never the hash. `failedSignIns`: failed
 * sign-ins of the user name within the window, from every address; `locked`:
 * sign-in is in back-off from at least one address (the account itself is
 * never locked; `POST /api/auth/users/:id/unlock` forgets those failures).
 */
export type UserView = Omit<
  UserRecord,
  'passwordHash' | 'tokenGeneration' | 'sessionRevocationMark'
> & {
  failedSignIns: number;
  locked: boolean;
};
/** An API key as administrators see it: never the hash. */
export type ApiKeyView = Omit<ApiKeyRecord, 'secretHash'> & {
  status: 'active' | 'expired' | 'revoked';
};

export interface NewUser {
  username: string;
  displayName: string;
  roles: Role[];
  department?: string;
  /** Without one, a one-time password is generated and must be changed at first sign-in. */
  password?: string;
}

export interface UserChanges {
  displayName?: string;
  roles?: Role[];
  department?: string | null;
  disabled?: boolean;
}

/**
 * Administration of identities: users and their roles, integration clients
 * and their API keys (shown once, stored hashed, revocable, expiring).
 */
export class IdentityAdministration {
  private readonly backOff: SignInBackOff;

  constructor(
    private readonly store: IdentityStore,
    private readonly settings: AuthSettings,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.backOff = new SignInBackOff(settings);
  }

  /** The view of a user, given the failed sign-ins of its name (by address). */
  userView(user: UserRecord, failures: readonly SignInFailureSummary[] = []): UserView {
    // Records written before the back-off carried failedSignIns and lockedUntil: not shown.
    const legacy = user as UserRecord & { failedSignIns?: number; lockedUntil?: string };
    const {
      passwordHash: _h,
      tokenGeneration: _g,
      sessionRevocationMark: _m,
      failedSignIns: _f,
      lockedUntil: _l,
      ...rest
    } = legacy;
    const now = this.now();
    return {
      ...rest,
      failedSignIns: failures.reduce((sum, f) => sum + f.failures, 0),
      locked: failures.some((f) => this.backOff.retryAfterSeconds(f, now) !== undefined),
    };
  }

  private async view(user: UserRecord): Promise<UserView> {
    return this.userView(
      user,
      await this.store.listSignInFailures(this.backOff.since(this.now()), user.username),
    );
  }

  keyView(key: ApiKeyRecord): ApiKeyView {
    const { secretHash: _, ...rest } = key;
    const status = key.revokedAt
      ? 'revoked'
      : new Date(key.expiresAt) <= this.now()
        ? 'expired'
        : 'active';
    return { ...rest, status };
  }

  async listUsers(): Promise<UserView[]> {
    const failures = await this.store.listSignInFailures(this.backOff.since(this.now()));
    return (await this.store.listUsers()).map((u) =>
      this.userView(
        u,
        failures.filter((f) => f.username === u.username),
      ),
    );
  }

  async getUser(id: string): Promise<UserView> {
    return this.view(await this.user(id));
  }

  async createUser(
    input: NewUser,
    by: Principal,
  ): Promise<{ user: UserView; oneTimePassword?: string }> {
    const username = input.username.trim().toLowerCase();
    this.checkRoles(input.roles);
    const oneTimePassword = input.password === undefined ? generatePassword() : undefined;
    const password = input.password ?? oneTimePassword ?? '';
    const problem = passwordProblem(password, username);
    if (problem)
      throw new AuthError('WEAK_PASSWORD', `The password ${problem}`, { field: 'password' });
    const now = this.now().toISOString();
    const user: UserRecord = {
      id: `user-${randomUUID()}`,
      username,
      displayName: input.displayName.trim(),
      passwordHash: await hashPassword(password),
      roles: [...new Set(input.roles)],
      ...(input.department ? { department: input.department } : {}),
      disabled: false,
      passwordChangeRequired: oneTimePassword !== undefined,
      tokenGeneration: 0,
      createdAt: now,
      createdBy: by.id,
      updatedAt: now,
    };
    await this.store.createUser(user);
    return { user: this.userView(user), ...(oneTimePassword ? { oneTimePassword } : {}) };
  }

  async updateUser(id: string, changes: UserChanges, by: Principal): Promise<UserView> {
    const user = await this.user(id);
    if (changes.roles) this.checkRoles(changes.roles);
    const next: UserRecord = { ...user, updatedAt: this.now().toISOString() };
    if (changes.displayName !== undefined) next.displayName = changes.displayName.trim();
    if (changes.roles) next.roles = [...new Set(changes.roles)];
    if (changes.department === null) delete next.department;
    else if (changes.department !== undefined) next.department = changes.department;
    if (changes.disabled !== undefined) next.disabled = changes.disabled;
    const losesAdmin =
      user.roles.includes('administrator') &&
      !user.disabled &&
      (next.disabled || !next.roles.includes('administrator'));
    if (losesAdmin && (await this.activeAdministrators()) <= 1) {
      throw new AuthError(
        'LAST_ADMINISTRATOR',
        'The last active administrator cannot be disabled or lose the role',
      );
    }
    if (id === by.id && next.disabled)
      throw new AuthError('FORBIDDEN', 'You cannot disable your own account');
    const rolesChanged = changes.roles !== undefined && changes.roles.join() !== user.roles.join();
    if (rolesChanged || (next.disabled && !user.disabled) || next.department !== user.department) {
      next.tokenGeneration = user.tokenGeneration + 1;
      await this.store.revokeUserRefreshTokens(id, next.updatedAt);
    }
    await this.store.saveUser(next);
    return this.view(next);
  }

  /** A new one-time password; the user must change it at the next sign-in. */
  async resetPassword(id: string): Promise<{ user: UserView; oneTimePassword: string }> {
    const user = await this.user(id);
    const oneTimePassword = generatePassword();
    const next = await this.replacePassword(user, oneTimePassword, true);
    await this.store.clearSignInFailures(user.username);
    return { user: this.userView(next), oneTimePassword };
  }

  /**
   * Forgets the failed sign-ins of the user's name from every address, so no
   * back-off applies any more (the account itself is never locked).
   */
  async unlock(id: string): Promise<UserView> {
    const user = await this.user(id);
    await this.store.clearSignInFailures(user.username);
    return this.userView(user);
  }

  /** A user changes their own password; every other session ends. Returns the updated record. */
  async changeOwnPassword(userId: string, current: string, next: string): Promise<UserRecord> {
    const user = await this.user(userId);
    if (!(await verifyPassword(current, user.passwordHash))) {
      throw new AuthError('INVALID_CREDENTIALS', 'The current password is wrong', {
        field: 'currentPassword',
      });
    }
    const problem =
      passwordProblem(next, user.username) ??
      (current === next ? 'must differ from the current one' : undefined);
    if (problem)
      throw new AuthError('WEAK_PASSWORD', `The new password ${problem}`, { field: 'newPassword' });
    return this.replacePassword(user, next, false);
  }

  /**
   * Saves the user with a new password (`changeRequired`: to be changed at the
   * next sign-in) and ends every session: a new token generation, the refresh
   * tokens revoked. Returns the saved record.
   */
  private async replacePassword(
    user: UserRecord,
    password: string,
    changeRequired: boolean,
  ): Promise<UserRecord> {
    const now = this.now().toISOString();
    const updated: UserRecord = {
      ...user,
      passwordHash: await hashPassword(password),
      passwordChangeRequired: changeRequired,
      tokenGeneration: user.tokenGeneration + 1,
      updatedAt: now,
    };
    await this.store.saveUser(updated);
    await this.store.revokeUserRefreshTokens(user.id, now);
    return updated;
  }

  async listClients(): Promise<ClientRecord[]> {
    return this.store.listClients();
  }

  async createClient(
    input: { name: string; department: string },
    by: Principal,
  ): Promise<ClientRecord> {
    const client: ClientRecord = {
      id: `client-${randomUUID()}`,
      name: input.name.trim(),
      department: input.department.trim(),
      disabled: false,
      createdAt: this.now().toISOString(),
      createdBy: by.id,
    };
    await this.store.createClient(client);
    return client;
  }

  async setClientDisabled(id: string, disabled: boolean): Promise<ClientRecord> {
    const client = await this.client(id);
    const next = { ...client, disabled };
    await this.store.saveClient(next);
    return next;
  }

  async listKeys(clientId: string): Promise<ApiKeyView[]> {
    await this.client(clientId);
    return (await this.store.listApiKeys(clientId)).map((k) => this.keyView(k));
  }

  /** A new API key; the key itself is in this answer only. */
  async issueKey(
    clientId: string,
    input: { label: string; expiresInDays: number },
    by: Principal,
  ): Promise<{ key: ApiKeyView; apiKey: string }> {
    await this.client(clientId);
    if (input.expiresInDays > this.settings.maxApiKeyDays) {
      throw new AuthError(
        'INVALID_INPUT',
        `An API key lives at most ${this.settings.maxApiKeyDays} days`,
        {
          field: 'expiresInDays',
        },
      );
    }
    const secret = issueSecret('sfpk');
    const now = this.now();
    const key: ApiKeyRecord = {
      id: secret.id,
      clientId,
      label: input.label.trim(),
      secretHash: secret.secretHash,
      createdAt: now.toISOString(),
      createdBy: by.id,
      expiresAt: new Date(now.getTime() + input.expiresInDays * 86_400_000).toISOString(),
    };
    await this.store.createApiKey(key);
    return { key: this.keyView(key), apiKey: secret.token };
  }

  async revokeKey(clientId: string, keyId: string, by: Principal): Promise<ApiKeyView> {
    const key = await this.store.findApiKey(keyId);
    if (!key || key.clientId !== clientId) throw notFound('key', keyId);
    if (key.revokedAt) return this.keyView(key);
    const next = { ...key, revokedAt: this.now().toISOString(), revokedBy: by.id };
    await this.store.saveApiKey(next);
    return this.keyView(next);
  }

  private checkRoles(roles: readonly unknown[]): void {
    const wrong = roles.filter((r) => !isRole(r) || r === 'integration');
    if (roles.length === 0 || wrong.length) {
      throw new AuthError(
        'INVALID_ROLES',
        'A person needs one or more of: administrator, operator, analyst, importer',
        {
          field: 'roles',
        },
      );
    }
  }

  private async activeAdministrators(): Promise<number> {
    return (await this.store.listUsers()).filter(
      (u) => !u.disabled && u.roles.includes('administrator'),
    ).length;
  }

  private async user(id: string): Promise<UserRecord> {
    const user = await this.store.findUser(id);
    if (!user) throw notFound('user', id);
    return user;
  }

  private async client(id: string): Promise<ClientRecord> {
    const client = await this.store.findClient(id);
    if (!client) throw notFound('client', id);
    return client;
  }
}
