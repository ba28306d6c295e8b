import { InvalidReadModelError } from '../read-model/read-model.errors';
import { defineProjection, handlerFor } from './projection.definition';

describe('defineProjection', () => {
  const handlers = { 'test.Thing': async () => undefined };

  it('accepts a kebab-case name, a positive version, declared fields', () => {
    const definition = defineProjection({
      name: 'request-queue',
      version: 2,
      fields: { status: 'string' },
      handlers,
    });
    expect(definition).toMatchObject({
      name: 'request-queue',
      version: 2,
      fields: { status: 'string' },
    });
    expect(Object.isFrozen(definition)).toBe(true);
    expect(handlerFor(definition, 'test.Thing')).toBe(handlers['test.Thing']);
    expect(handlerFor(definition, 'test.Other')).toBeUndefined();
    expect(handlerFor(definition, 'constructor')).toBeUndefined();
    expect(handlerFor(definition, '__proto__')).toBeUndefined();
  });

  it.each([
    [{ name: 'Request_Queue', version: 1 }],
    [{ name: 'a--b', version: 1 }],
    [{ name: 'ok', version: 0 }],
    [{ name: 'ok', version: 1.5 }],
    [{ name: 'ok', version: 1, fields: { 'a.b': 'string' } }],
    [{ name: 'ok', version: 1, fields: { $where: 'string' } }],
    [{ name: 'ok', version: 1, fields: { id: 'string' } }],
    [{ name: 'ok', version: 1, fields: { status: 'date' } }],
  ])('refuses %j', (definition) => {
    expect(() => defineProjection({ handlers, ...definition } as never)).toThrow(
      InvalidReadModelError,
    );
  });

  it('refuses a handler that is not a function', () => {
    expect(() =>
      defineProjection({ name: 'ok', version: 1, handlers: { 'test.Thing': 'nope' as never } }),
    ).toThrow(InvalidReadModelError);
  });
});
