/**
 * Roles and what each may do. Pure data: no framework, no I/O.
 *
 * - administrator: everything, including users, API keys, projection
 *   operations and erasure of personal data;
 * - operator: works in the services' consoles (reads records, files commands,
 *   reads reporting views);
 * - analyst: reads reporting views and exports only;
 * - integration: a department's system: files commands and reads the records
 *   and outcomes of its own department only.
 */
export const ROLES = ['administrator', 'operator', 'analyst', 'integration'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The permissions an endpoint may declare.
 * - `records:read`: a service's records (a request, a queue) — scoped to the
 *   caller's department for integration clients;
 * - `records:write`: commands that change records — idem;
 * - `reports:read`: reporting views, statistics and exports;
 * - `platform:admin`: users, keys, projections, dead letters, erasure.
 */
export const PERMISSIONS = [
  'records:read',
  'records:write',
  'reports:read',
  'platform:admin',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, readonly Permission[]> = {
  administrator: PERMISSIONS,
  operator: ['records:read', 'records:write', 'reports:read'],
  analyst: ['reports:read'],
  integration: ['records:read', 'records:write'],
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((role) => GRANTS[role]));
}

export function grants(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((role) => GRANTS[role].includes(permission));
}
