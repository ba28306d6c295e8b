import { evaluateAnalystQuery, median, timeBucket } from './analyst-query.evaluation';
import { validateAnalystQuery } from './analyst-query.validation';
import { fieldsOfTypes } from '../../../test/support/view-fields';

const FIELDS = fieldsOfTypes({
  id: 'string',
  kind: 'string',
  themes: 'string-list',
  hours: 'number',
  submittedAt: 'timestamp',
});
const DOCS = [
  {
    id: 'A',
    kind: 'referral',
    themes: ['youth', 'gender'],
    hours: 48,
    submittedAt: '2026-01-05T09:00:00.000Z',
  },
  {
    id: 'B',
    kind: 'programme-guidance',
    themes: ['poverty', 'youth'],
    hours: 360,
    submittedAt: '2026-02-10T00:00:00.000Z',
  },
  { id: 'C', kind: 'referral', themes: [], hours: 312, submittedAt: '2026-03-20T00:00:00.000Z' },
  {
    id: 'D',
    kind: 'fund-instrument-guidelines',
    themes: ['microinsurance'],
    hours: 312,
    submittedAt: '2025-12-20T00:00:00.000Z',
  },
  {
    id: 'E',
    kind: 'referral',
    themes: ['gender'],
    hours: null,
    submittedAt: '2026-03-30T12:00:00.000Z',
  },
];
const run = (input: unknown) =>
  evaluateAnalystQuery(DOCS, validateAnalystQuery('v', FIELDS, input, new Date('2026-12-31')));

describe('analyst query evaluation (figures worked by hand)', () => {
  it('groups by kind with count, median, mean, sum, min and max', () => {
    const result = run({
      groupBy: ['kind'],
      aggregates: ['count', 'median:hours', 'avg:hours', 'sum:hours', 'min:hours', 'max:hours'],
      sort: ['-count', 'kind'],
    });
    expect(result.columns).toEqual([
      'kind',
      'count',
      'median_hours',
      'avg_hours',
      'sum_hours',
      'min_hours',
      'max_hours',
    ]);
    expect(result.rows).toEqual([
      // referral: A 48, C 312, E none -> median and mean of 48, 312 = 180
      {
        kind: 'referral',
        count: 3,
        median_hours: 180,
        avg_hours: 180,
        sum_hours: 360,
        min_hours: 48,
        max_hours: 312,
      },
      {
        kind: 'fund-instrument-guidelines',
        count: 1,
        median_hours: 312,
        avg_hours: 312,
        sum_hours: 312,
        min_hours: 312,
        max_hours: 312,
      },
      {
        kind: 'programme-guidance',
        count: 1,
        median_hours: 360,
        avg_hours: 360,
        sum_hours: 360,
        min_hours: 360,
        max_hours: 360,
      },
    ]);
    expect(result.total).toBe(3);
  });

  it('counts a row under each of its themes, and rows without a theme under null', () => {
    expect(run({ groupBy: ['themes'] }).rows).toEqual([
      { themes: null, count: 1 },
      { themes: 'gender', count: 2 },
      { themes: 'microinsurance', count: 1 },
      { themes: 'poverty', count: 1 },
      { themes: 'youth', count: 2 },
    ]);
  });

  it('groups timestamps by quarter and month', () => {
    expect(run({ groupBy: ['submittedAt:quarter'] }).rows).toEqual([
      { 'submittedAt:quarter': '2025-Q4', count: 1 },
      { 'submittedAt:quarter': '2026-Q1', count: 4 },
    ]);
    expect(timeBucket('2026-11-30T23:00:00.000Z', 'quarter')).toBe('2026-Q4');
    expect(timeBucket('2026-11-30T23:00:00.000Z', 'month')).toBe('2026-11');
    expect(timeBucket('2026-11-30T23:00:00.000Z', 'day')).toBe('2026-11-30');
  });

  it('filters by ranges, in-lists and list membership, sorts and pages rows', () => {
    const result = run({
      filter: { submittedAt: { gte: '2026-01-01' }, themes: { in: ['youth', 'gender'] } },
      select: ['id', 'hours'],
      sort: ['-hours'],
      limit: 2,
      offset: 1,
    });
    // A, B, E match; by hours desc: B 360, A 48, E null -> page from 1: A, E
    expect(result).toEqual({
      columns: ['id', 'hours'],
      rows: [
        { id: 'A', hours: 48 },
        { id: 'E', hours: null },
      ],
      total: 3,
      offset: 1,
      limit: 2,
    });
    expect(
      run({ filter: { hours: { gt: 100, lte: 312 } }, select: ['id'], sort: ['id'] }).rows,
    ).toEqual([{ id: 'C' }, { id: 'D' }]);
    expect(run({ filter: { hours: null }, select: ['id'] }).rows).toEqual([{ id: 'E' }]);
  });

  it('aggregates without a group give one row, also over nothing', () => {
    expect(run({ aggregates: ['count', 'median:hours'] }).rows).toEqual([
      { count: 5, median_hours: 312 },
    ]);
    expect(
      run({ filter: { kind: 'none' }, aggregates: ['count', 'avg:hours', 'sum:hours'] }).rows,
    ).toEqual([{ count: 0, avg_hours: null, sum_hours: 0 }]);
    expect(run({ filter: { kind: 'none' }, groupBy: ['kind'] })).toMatchObject({
      rows: [],
      total: 0,
    });
  });

  it('medians', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
