import { jsonPointer } from './field-errors';

/** How deep a request body or message payload may nest by default (objects and arrays). */
export const DEFAULT_MAX_JSON_DEPTH = 32;

/**
 * Property names no body may use: class-transformer reads `constructor` to
 * pick a class (an object there crashes it), and `__proto__` / `prototype`
 * are how prototype pollution gets in.
 */
export const RESERVED_PROPERTY_NAMES: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

export type JsonShapeProblem =
  | { code: 'BODY_TOO_DEEP'; message: string; maxDepth: number }
  | { code: 'RESERVED_PROPERTY_NAME'; message: string; pointer: string; field: string };

/**
 * What makes a parsed JSON body unsafe to hand to class-transformer and
 * class-validator, found without recursion (a hostile body thousands of
 * levels deep must not overflow the stack here either): nesting deeper than
 * `maxDepth` (a scalar is depth 0, `{}` and `[]` are 1, `{"a":[1]}` is 2), or
 * a reserved property name anywhere.
 */
export function jsonShapeProblem(
  value: unknown,
  maxDepth = DEFAULT_MAX_JSON_DEPTH,
): JsonShapeProblem | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const stack: Array<{ node: object; depth: number; path: string[] }> = [
    { node: value, depth: 1, path: [] },
  ];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { node, depth, path } = next;
    if (depth > maxDepth)
      return { code: 'BODY_TOO_DEEP', message: tooDeepMessage(maxDepth), maxDepth };
    const entries: Array<[string, unknown]> = Array.isArray(node)
      ? node.map((child, index) => [String(index), child])
      : Object.entries(node);
    for (const [key, child] of entries) {
      if (!Array.isArray(node) && RESERVED_PROPERTY_NAMES.has(key)) {
        return {
          code: 'RESERVED_PROPERTY_NAME',
          message: `The body uses the reserved property name "${key}" (at ${jsonPointer([...path, key])})`,
          pointer: jsonPointer([...path, key]),
          field: [...path, key].join('.'),
        };
      }
      if (child !== null && typeof child === 'object')
        stack.push({ node: child as object, depth: depth + 1, path: [...path, key] });
    }
  }
  return undefined;
}

/** The message a client gets for a body or payload nested too deep. */
export function tooDeepMessage(limit: number): string {
  return `The body is nested deeper than ${limit} levels of objects and arrays`;
}
