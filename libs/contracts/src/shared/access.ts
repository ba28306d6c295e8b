/**
 * Roles and permissions, as the API names them (what each grants is decided
 * in libs/auth).
 *
 * - administrator: everything, including users, API keys, projection
 *   operations and erasure of personal data;
 * - operator: works in the services' consoles (reads records, files commands,
 *   reads reporting views);
 * - analyst: reads reporting views and exports only;
 * - integration: a department's system: files commands and reads the records
 *   and outcomes of its own department only;
 * - importer: may record past facts (`history:import`), given beside another
 *   role to the people a data import or the demo seed acts as.
 */
export const ROLES = ['administrator', 'operator', 'analyst', 'integration', 'importer'] as const;
export type Role = (typeof ROLES)[number];

/** The roles a person (a user, not an integration client) may hold. */
export const PERSON_ROLES = ['administrator', 'operator', 'analyst', 'importer'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

/**
 * The permissions an endpoint may declare.
 * - `records:read`: a service's records (a request, a queue) — scoped to the
 *   caller's department for integration clients;
 * - `records:write`: commands that change records — idem;
 * - `reports:read`: reporting views, statistics and exports;
 * - `platform:admin`: users, keys, projections, dead letters, erasure;
 * - `history:import`: a command may carry the time a past fact happened
 *   (`X-SFP-Occurred-At`): its events are imported ones (docs/architecture.md).
 */
export const PERMISSIONS = [
  'records:read',
  'records:write',
  'reports:read',
  'platform:admin',
  'history:import',
] as const;
export type Permission = (typeof PERMISSIONS)[number];
