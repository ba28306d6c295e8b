import { jsonShapeProblem } from './json-shape';

const nested = (depth: number) => JSON.parse('['.repeat(depth) + ']'.repeat(depth)) as unknown;

describe('jsonShapeProblem', () => {
  it('counts the nesting of objects and arrays, not scalars', () => {
    expect(jsonShapeProblem('text', 0)).toBeUndefined();
    expect(jsonShapeProblem({ a: [1] }, 2)).toBeUndefined();
    expect(jsonShapeProblem({ a: [1] }, 1)).toMatchObject({ code: 'BODY_TOO_DEEP', maxDepth: 1 });
    expect(jsonShapeProblem({ a: 1, b: { c: { d: [] } } }, 3)).toMatchObject({
      code: 'BODY_TOO_DEEP',
    });
  });

  it('walks 100,000 levels without recursion', () => {
    expect(jsonShapeProblem(nested(32), 32)).toBeUndefined();
    expect(jsonShapeProblem(nested(33), 32)).toMatchObject({ code: 'BODY_TOO_DEEP' });
    expect(jsonShapeProblem(nested(100_000), 32)).toMatchObject({
      code: 'BODY_TOO_DEEP',
      message: 'The body is nested deeper than 32 levels of objects and arrays',
    });
  });

  it.each(['__proto__', 'constructor', 'prototype'])(
    'finds the reserved name %s at any depth, with its pointer',
    (name) => {
      const body = JSON.parse(`{"a":[{"b":{"${name}":{"polluted":true}}}]}`) as unknown;
      expect(jsonShapeProblem(body)).toEqual({
        code: 'RESERVED_PROPERTY_NAME',
        message: `The body uses the reserved property name "${name}" (at /a/0/b/${name})`,
        pointer: `/a/0/b/${name}`,
        field: `a.0.b.${name}`,
      });
    },
  );

  it('lets ordinary bodies through, reserved words as values included', () => {
    expect(
      jsonShapeProblem({
        title: 'constructor',
        tags: ['__proto__', 'prototype'],
        n: [1, 2, { x: null }],
      }),
    ).toBeUndefined();
  });
});
