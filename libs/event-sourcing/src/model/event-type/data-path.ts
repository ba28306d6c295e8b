/**
 * Dot-separated paths into plain JSON data, typed against the data's shape
 * (`'requester.email'`), and the two helpers that read and write them.
 * Arrays are not traversed: a path names object keys only.
 */

type Primitive = string | number | boolean | bigint | symbol | null | undefined;
type Depth = [never, 0, 1, 2, 3, 4];

/** Every path into `T` down to five levels of nested objects: `'a' | 'a.b' | ...`. */
export type DataPath<T, D extends number = 5> = [D] extends [never]
  ? never
  : T extends Primitive | readonly unknown[]
    ? never
    : {
        [K in keyof T & string]-?:
          | K
          | (NonNullable<T[K]> extends Primitive | readonly unknown[]
              ? never
              : `${K}.${DataPath<NonNullable<T[K]>, Depth[D]>}`);
      }[keyof T & string];

export function splitPath(path: string): string[] {
  return path.split('.');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at `path`, or undefined when any step is missing or not an object. */
export function getAtPath(data: unknown, path: string): unknown {
  let current: unknown = data;
  for (const key of splitPath(path)) {
    if (!isRecord(current) || !Object.prototype.hasOwnProperty.call(current, key)) return undefined;
    current = current[key];
  }
  return current;
}

/**
 * Replaces the value at `path` in `data` (which the caller owns: mutated in place).
 * Does nothing when a parent of the path is missing.
 */
export function setAtPath(data: unknown, path: string, value: unknown): void {
  const keys = splitPath(path);
  const last = keys.pop() as string;
  let current: unknown = data;
  for (const key of keys) {
    if (!isRecord(current)) return;
    current = current[key];
  }
  if (isRecord(current) && Object.prototype.hasOwnProperty.call(current, last))
    current[last] = value;
}
