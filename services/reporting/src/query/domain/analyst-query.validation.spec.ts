import { InvalidAnalystQueryError, validateAnalystQuery } from './analyst-query.validation';
import { fieldsOfTypes } from '../../../test/support/view-fields';

const FIELDS = fieldsOfTypes({
  kind: 'string',
  themes: 'string-list',
  open: 'boolean',
  hours: 'number',
  submittedAt: 'timestamp',
});
const NOW = new Date('2026-06-01T00:00:00.000Z');

function problemsOf(input: unknown): Record<string, string> {
  try {
    validateAnalystQuery('requests', FIELDS, input, NOW);
  } catch (error) {
    if (!(error instanceof InvalidAnalystQueryError)) throw error;
    expect(error.code).toBe('INVALID_QUERY');
    return Object.fromEntries(error.problems.map((p) => [p.field, p.message]));
  }
  throw new Error('the query was accepted');
}

describe('analyst query validation', () => {
  it('accepts a full query and normalises timestamps', () => {
    const query = validateAnalystQuery(
      'requests',
      FIELDS,
      {
        filter: {
          kind: { in: ['referral', 'advocacy-internal'] },
          submittedAt: { gte: '2026-01-01', lt: '2026-04-01T00:00:00+02:00' },
          open: true,
          themes: 'youth',
        },
        groupBy: ['kind', 'submittedAt:quarter'],
        aggregates: ['count', 'median:hours', 'avg:hours'],
        sort: ['-count'],
        limit: 10,
        offset: 5,
        asOf: '2026-05-01',
      },
      NOW,
    );
    expect(query.conditions).toEqual([
      { field: 'kind', op: 'in', values: ['referral', 'advocacy-internal'] },
      { field: 'submittedAt', op: 'gte', value: '2026-01-01T00:00:00.000Z' },
      { field: 'submittedAt', op: 'lt', value: '2026-03-31T22:00:00.000Z' },
      { field: 'open', op: 'eq', value: true },
      { field: 'themes', op: 'eq', value: 'youth' },
    ]);
    expect(query.groupBy.map((g) => g.name)).toEqual(['kind', 'submittedAt:quarter']);
    expect(query.aggregates.map((a) => a.name)).toEqual(['count', 'median_hours', 'avg_hours']);
    expect(query).toMatchObject({
      sort: [{ column: 'count', direction: 'desc' }],
      limit: 10,
      offset: 5,
      asOf: '2026-05-01T00:00:00.000Z',
    });
  });

  it('defaults: every field, 100 rows; a group-by counts', () => {
    expect(validateAnalystQuery('requests', FIELDS, undefined, NOW)).toMatchObject({
      select: Object.keys(FIELDS),
      limit: 100,
      offset: 0,
      aggregates: [],
    });
    expect(validateAnalystQuery('requests', FIELDS, { groupBy: ['kind'] }, NOW).aggregates).toEqual(
      [{ name: 'count', fn: 'count' }],
    );
  });

  it('refuses MongoDB operator injection with a message per field', () => {
    expect(problemsOf({ filter: { kind: { $gt: '' } } })).toEqual({
      'filter.kind.$gt': expect.stringContaining('unknown operator "$gt"'),
    });
    expect(problemsOf({ filter: { $where: 'sleep(1000)' } })).toEqual({
      'filter.$where': expect.stringContaining('not a queryable field'),
    });
    expect(problemsOf({ filter: { 'kind.$ne': 'x', 'a.b': 1 } })).toEqual({
      'filter.kind.$ne': expect.stringContaining('not a queryable field'),
      'filter.a.b': expect.stringContaining('not a queryable field'),
    });
    expect(problemsOf({ filter: { kind: { eq: { $ne: null } } } })).toEqual({
      'filter.kind.eq': expect.stringContaining('needs a string'),
    });
    expect(problemsOf({ filter: { kind: { in: [{ $regex: '.*' }] } } })).toEqual({
      'filter.kind.in[0]': expect.stringContaining('needs a string'),
    });
    expect(problemsOf({ filter: { hours: { gt: '1' } }, $where: '1' })).toEqual({
      'filter.hours.gt': 'gt needs a finite number',
      $where: expect.stringContaining('unknown query option'),
    });
    // As JSON.parse reads it from a body: __proto__ is an own key, not the prototype.
    expect(
      problemsOf(JSON.parse('{"filter": {"__proto__": {"x": 1}, "constructor": "x"}}')),
    ).toEqual({
      'filter.__proto__': expect.stringContaining('not a queryable field'),
      'filter.constructor': expect.stringContaining('not a queryable field'),
    });
    expect(
      problemsOf({
        groupBy: ['$kind'],
        aggregates: ['sum:$hours', { $sum: 1 }],
        sort: ['$natural'],
      }),
    ).toEqual({
      'groupBy[0]': expect.stringContaining('not a queryable field'),
      'aggregates[0]': expect.stringContaining('not a queryable field'),
      'aggregates[1]': expect.stringContaining('must be count'),
      'sort[0]': expect.stringContaining('cannot sort on "$natural"'),
    });
    expect(
      problemsOf({ groupBy: 'kind', aggregates: [7, 'count'], sort: ['a', 'b', 'c', 'd'] }),
    ).toEqual({
      groupBy: 'must be an array of at most 3 field names',
      'aggregates[0]': 'must be count or <function>:<number field>',
      sort: 'must be an array of at most 3 columns, - in front for descending',
    });
    expect(problemsOf({ select: ['kind', 'json', '_id'] })).toEqual({
      'select[1]': expect.stringContaining('not a queryable field'),
      'select[2]': expect.stringContaining('not a queryable field'),
    });
  });

  it('refuses values of the wrong type, ranges on lists and booleans, and out-of-bounds paging', () => {
    expect(
      problemsOf({
        filter: {
          open: 'yes',
          submittedAt: { gte: 'last week' },
          themes: { gt: 'a' },
          hours: { in: [] },
        },
        limit: 5000,
        offset: -1,
        asOf: '2099-01-01',
      }),
    ).toEqual({
      'filter.open': 'eq needs true or false',
      'filter.submittedAt.gte': expect.stringContaining('ISO 8601'),
      'filter.themes.gt': expect.stringContaining('not ranges'),
      'filter.hours.in': expect.stringContaining('array of 1 to 100'),
      limit: 'must be an integer from 1 to 1000',
      offset: 'must be an integer from 0 to 100000',
      asOf: 'must not be in the future',
    });
    expect(problemsOf({ filter: { kind: 'x'.repeat(201) } })).toEqual({
      'filter.kind': expect.stringContaining('at most 200'),
    });
    expect(
      problemsOf({
        groupBy: ['hours', 'submittedAt', 'kind:month'],
        aggregates: ['avg:kind', 'count:kind', 'p99:hours'],
      }),
    ).toEqual({
      'groupBy[0]': expect.stringContaining('cannot group by the number field'),
      'groupBy[1]': expect.stringContaining('submittedAt:year'),
      'groupBy[2]': expect.stringContaining('only timestamp fields take a bucket'),
      'aggregates[0]': expect.stringContaining('needs a number field'),
      'aggregates[1]': 'count takes no field',
      'aggregates[2]': expect.stringContaining('unknown aggregate'),
    });
    expect(problemsOf({ groupBy: ['kind'], sort: ['themes'], select: ['kind'] })).toEqual({
      'sort[0]': expect.stringContaining('cannot sort on "themes"'),
      select: expect.stringContaining('leave select out'),
    });
    expect(problemsOf('drop table')).toEqual({ query: 'must be a JSON object' });
    expect(problemsOf([{ filter: {} }])).toEqual({ query: 'must be a JSON object' });
  });
});
