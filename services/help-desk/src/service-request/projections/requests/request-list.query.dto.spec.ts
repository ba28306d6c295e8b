import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { RequestListQueryDto, RequestStatisticsQueryDto } from './request-list.query.dto';

/** The properties a query string fails on, as the validation pipe checks it. */
function refusedOf(type: new () => object, query: Record<string, unknown>): string[] {
  const dto = plainToInstance(type, query);
  return validateSync(dto, { whitelist: true, forbidNonWhitelisted: true }).map((e) => e.property);
}

describe('the request list and statistics queries', () => {
  it.each([
    ['an empty region', { region: '' }, 'region'],
    ['a region not in the list', { region: 'antarctica' }, 'region'],
    ['an empty item among regions', { region: 'africa,' }, 'region'],
    ['an empty minPosition', { minPosition: '' }, 'minPosition'],
    ['a minPosition that is not a whole number', { minPosition: '1.5' }, 'minPosition'],
    ['a hexadecimal minPosition', { minPosition: '0x10' }, 'minPosition'],
    ['a time without minutes', { from: '2026-01-01T9Z' }, 'from'],
    ['a month that does not exist', { to: '2026-13-01' }, 'to'],
    ['an hour that does not exist', { from: '2026-01-01T24:00Z' }, 'from'],
  ])('statistics refuse %s', (_case, query, property) => {
    expect(refusedOf(RequestStatisticsQueryDto, query)).toEqual([property]);
  });

  it.each([
    ['nothing', {}],
    ['regions, repeated', { region: ['africa', 'americas'] }],
    ['regions, comma-separated', { region: 'africa,europe-central-asia' }],
    ['dates and times', { from: '2026-03-01', to: '2026-03-31T23:59:59.999Z', minPosition: '0' }],
  ])('statistics accept %s', (_case, query) => {
    expect(refusedOf(RequestStatisticsQueryDto, query)).toEqual([]);
  });

  it('the list reads limit and minPosition as numbers, and refuses an empty status or limit', () => {
    const dto = plainToInstance(RequestListQueryDto, { limit: '20', minPosition: '7' });
    expect(dto).toMatchObject({ limit: 20, minPosition: 7 });
    expect(refusedOf(RequestListQueryDto, { status: '', limit: '' })).toEqual(['status', 'limit']);
  });
});
