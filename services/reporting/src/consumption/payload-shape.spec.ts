import { payloadShapeProblems, type FieldCheck } from './payload-shape';

const messageOf = (check: FieldCheck, value: unknown, timeFields?: RegExp) =>
  payloadShapeProblems({ t: { fieldAt: check } }, 't', { fieldAt: value }, timeFields)[0]
    ?.messages[0];

describe('payloadShapeProblems', () => {
  it.each<[FieldCheck, unknown, string | undefined]>([
    ['string', 'x', undefined],
    ['string', '', 'must be a non-empty string'],
    ['string', 1, 'must be a non-empty string'],
    ['string?', undefined, undefined],
    ['string?', 1, 'must be a string when present'],
    ['time', '2026-01-01T00:00:00.000Z', undefined],
    ['time', 'soon', 'must be an ISO 8601 timestamp'],
    ['time', '', 'must be an ISO 8601 timestamp'],
    ['number', 1.5, undefined],
    ['number', Number.NaN, 'must be a number'],
    ['number', '1', 'must be a number'],
    ['number|null', null, undefined],
    ['number|null', Infinity, 'must be a number or null'],
    ['object', {}, undefined],
    ['object', [], 'must be an object'],
    ['object', null, 'must be an object'],
    ['string[]', ['a'], undefined],
    ['string[]', ['a', 1], 'must be an array of strings'],
  ])('%s, %p: %p', (check, value, message) => {
    expect(messageOf(check, value)).toBe(message);
  });

  it('checks named string fields as timestamps too, after the string check', () => {
    expect(messageOf('string', 'soon', /At$/)).toBe('must be an ISO 8601 timestamp');
    expect(messageOf('string', '', /At$/)).toBe('must be a non-empty string');
    expect(messageOf('string', 'soon', /^other$/)).toBeUndefined();
  });

  it('names each field in order, refuses data that is not an object, skips unknown types', () => {
    const shapes = { t: { a: 'string', b: 'number' } } as const;
    expect(payloadShapeProblems(shapes, 't', {})).toEqual([
      { field: 'data.a', messages: ['must be a non-empty string'] },
      { field: 'data.b', messages: ['must be a number'] },
    ]);
    expect(payloadShapeProblems(shapes, 't', [1])).toEqual([
      { field: 'data', messages: ['must be an object'] },
    ]);
    expect(payloadShapeProblems(shapes, 'other', null)).toEqual([]);
  });
});
