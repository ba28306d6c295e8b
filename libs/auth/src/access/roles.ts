import { PERMISSIONS, ROLES, type Permission, type Role } from '@sfp/contracts';

/**
 * What each role may do. Pure data: no framework, no I/O. The roles and the
 * permissions themselves are the platform's contracts (libs/contracts), which
 * the console shows; see there what each means.
 */
export { PERMISSIONS, PERSON_ROLES, ROLES } from '@sfp/contracts';
export type { Permission, PersonRole, Role } from '@sfp/contracts';

const GRANTS: Record<Role, readonly Permission[]> = {
  administrator: PERMISSIONS,
  operator: ['records:read', 'records:write', 'reports:read'],
  analyst: ['reports:read'],
  integration: ['records:read', 'records:write'],
  importer: ['history:import'],
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
