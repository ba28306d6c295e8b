import type { IdentityStore, Role, UserRecord } from '@sfp/auth';

/** One of the platform's users as a context may see it (never its credentials). */
export interface PlatformUser {
  id: string;
  /** Unique, lower case: what people type to name a user (a reviewer, an owner). */
  username: string;
  displayName: string;
  roles: readonly Role[];
  department?: string;
  /** False when an administrator disabled the account. */
  active: boolean;
}

/**
 * The platform's users, read-only (the PLATFORM_USERS token): a context that
 * assigns work to people (reviewers of a proposal) checks the names it is
 * given, and names the caller of a command by username.
 */
export interface PlatformUsers {
  byUsername(username: string): Promise<PlatformUser | undefined>;
  byId(id: string): Promise<PlatformUser | undefined>;
  /** Every user, by username (a context offering people to pick, e.g. the help desk's assignees). */
  list(): Promise<PlatformUser[]>;
}

function publicUserOf(user: UserRecord): PlatformUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    ...(user.department ? { department: user.department } : {}),
    active: !user.disabled,
  };
}

/** The users of the platform's identity store (both hosts give the store they authenticate with). */
export function platformUsersOf(
  store: Pick<IdentityStore, 'findUser' | 'findUserByName' | 'listUsers'>,
): PlatformUsers {
  return {
    byUsername: async (username) => {
      const user = await store.findUserByName(username.trim().toLowerCase());
      return user ? publicUserOf(user) : undefined;
    },
    byId: async (id) => {
      const user = await store.findUser(id);
      return user ? publicUserOf(user) : undefined;
    },
    list: async () => (await store.listUsers()).map(publicUserOf),
  };
}

/** A fixed list of users (a test host's, or a host without an identity store). */
export function listedPlatformUsers(users: readonly PlatformUser[]): PlatformUsers {
  return {
    byUsername: async (username) =>
      users.find((user) => user.username === username.trim().toLowerCase()),
    byId: async (id) => users.find((user) => user.id === id),
    list: async () => [...users].sort((a, b) => a.username.localeCompare(b.username)),
  };
}
