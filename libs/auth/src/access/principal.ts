import type { Role } from './roles';

/**
 * Who is calling, once authenticated: a person signed in with a password or an
 * OpenID Connect token, or a department's integration client with an API key.
 */
export interface Principal {
  kind: 'person' | 'integration-client';
  /** The user's or client's id (stable; goes into every event's envelope). */
  id: string;
  /** A person's login name or a client's name, for display. */
  name: string;
  roles: readonly Role[];
  /** The department or office the principal acts for, when known. */
  department?: string;
}

/** The actor recorded in the envelope of every event the principal causes. */
export function actorOf(principal: Principal): {
  kind: 'person' | 'integration-client';
  id: string;
  department?: string;
} {
  return {
    kind: principal.kind,
    id: principal.id,
    ...(principal.department ? { department: principal.department } : {}),
  };
}

/**
 * The department a principal's reads and writes are confined to, or undefined
 * when it may see every department (people; clients without a department are
 * refused at sign-up).
 */
export function departmentScope(principal: Principal): string | undefined {
  return principal.kind === 'integration-client'
    ? (principal.department ?? '\u0000none')
    : undefined;
}

/** The platform itself (first start, scheduled work). */
export const SYSTEM_PRINCIPAL: Principal = {
  kind: 'person',
  id: 'sfp-platform',
  name: 'sfp-platform',
  roles: [],
};
