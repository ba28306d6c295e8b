/** A plain JSON copy of a validated DTO (no class instances, no undefined properties) for the domain. */
export function plain<T>(dto: T): T {
  return JSON.parse(JSON.stringify(dto)) as T;
}
