import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Permission } from '@sfp/contracts';
import {
  api,
  currentSession,
  get,
  onSessionChange,
  setSession,
  type TokenResponse,
} from './api/client';
import type { Me } from './api/types';
import { identityQueries } from './contexts/identity/identity.api';

interface AuthContextValue {
  me: Me | null;
  /** True until the stored session (if any) has been checked. */
  checking: boolean;
  can: (permission: Permission) => boolean;
  signIn: (username: string, password: string) => Promise<void>;
  changePassword: (currentPassword: string, newPassword: string) => Promise<void>;
  signOut: () => Promise<void>;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [checking, setChecking] = useState(currentSession() !== null);
  const queryClient = useQueryClient();

  const loadMe = useCallback(async () => {
    setMe(await get<Me>('/api/auth/me'));
  }, []);

  useEffect(() => {
    if (currentSession()) {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- loadMe sets state only after its request answers, never synchronously
      loadMe()
        .catch(() => setSession(null))
        .finally(() => setChecking(false));
    }
    // Signed out, here or elsewhere (refresh refused, token revoked): back to the
    // sign-in page, and nothing of what this user read stays in the cache.
    return onSessionChange(() => {
      if (currentSession()) return;
      setMe(null);
      queryClient.clear();
    });
  }, [loadMe, queryClient]);

  const signIn = useCallback(
    async (username: string, password: string) => {
      const { body } = await api<TokenResponse>('/api/auth/sign-in', {
        method: 'POST',
        body: { username, password },
        anonymous: true,
      });
      setSession(body);
      await loadMe();
    },
    [loadMe],
  );

  const changePassword = useCallback(
    async (currentPassword: string, newPassword: string) => {
      const body = (
        await api<TokenResponse>('/api/auth/me/password', {
          method: 'POST',
          body: { currentPassword, newPassword },
        })
      ).body;
      if (body?.accessToken) setSession(body);
      await loadMe();
    },
    [loadMe],
  );

  const signOut = useCallback(async () => {
    const session = currentSession();
    if (session) {
      await api('/api/auth/sign-out', {
        method: 'POST',
        body: { refreshToken: session.refreshToken },
        anonymous: true,
      }).catch(() => undefined);
    }
    setSession(null);
    setMe(null);
  }, []);

  const value = useMemo<AuthContextValue>(
    () => ({
      me,
      checking,
      can: (permission) => me?.permissions.includes(permission) ?? false,
      signIn,
      changePassword,
      signOut,
    }),
    [me, checking, signIn, changePassword, signOut],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/**
 * Names for the ids events carry as their actor: every user and client for an
 * administrator (who may list them), the signed-in user for everyone.
 */
export function useDirectory(): (kind: string | undefined, id: string | undefined) => string {
  const { me, can } = useAuth();
  const admin = can('platform:admin');
  const users = useQuery({ ...identityQueries.users(), enabled: admin }).data;
  const clients = useQuery({ ...identityQueries.clients(), enabled: admin }).data;
  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const user of users ?? []) map.set(user.id, `${user.displayName} (${user.username})`);
    for (const client of clients ?? []) map.set(client.id, `${client.name} (${client.department})`);
    return map;
  }, [users, clients]);
  return useCallback(
    (kind, id) => {
      if (!id) return kind === 'system' ? 'the platform' : 'unknown';
      if (me && id === me.id) return `${me.displayName ?? me.name} (you)`;
      return names.get(id) ?? (kind === 'integration-client' ? `integration client ${id}` : id);
    },
    [me, names],
  );
}
