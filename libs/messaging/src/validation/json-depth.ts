/** How deep a request body or message payload may nest by default (objects and arrays). */
export const DEFAULT_MAX_JSON_DEPTH = 32;

/**
 * The nesting depth of a parsed JSON value, counted without recursion (a
 * hostile body thousands of levels deep must not overflow the stack here
 * either), and stopping as soon as it passes `limit`. A scalar is depth 0, `{}`
 * and `[]` are 1, `{"a":[1]}` is 2.
 */
export function jsonDepthExceeds(value: unknown, limit: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  const stack: Array<{ node: object; depth: number }> = [{ node: value, depth: 1 }];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    if (depth > limit) return true;
    const children = Array.isArray(node) ? node : Object.values(node);
    for (const child of children) {
      if (child !== null && typeof child === 'object')
        stack.push({ node: child as object, depth: depth + 1 });
    }
  }
  return false;
}

/** The message a client gets for a body or payload nested too deep. */
export function tooDeepMessage(limit: number): string {
  return `The body is nested deeper than ${limit} levels of objects and arrays`;
}
