import 'reflect-metadata';
import { validateDto } from '@sfp/messaging';
import { LaunchProgrammeDto } from './launch-programme.request.dto';

const body = (scope: Record<string, unknown>) => ({
  title: 'Social finance capacity for Kenyan trade unions, 2026',
  scope,
  startsOn: '2026-01-01',
  endsOn: '2026-12-31',
});

const fieldsOf = async (scope: Record<string, unknown>) => {
  const result = await validateDto(LaunchProgrammeDto, body(scope));
  return 'errors' in result ? result.errors.map((e) => e.field) : [];
};

/** A scope's fields are required for its kind and checked, as the OpenAPI document says, whenever sent. */
describe('the scope of a programme to launch', () => {
  it('takes a country scope, and a region scope', async () => {
    expect(await fieldsOf({ kind: 'country', country: 'KE' })).toEqual([]);
    expect(await fieldsOf({ kind: 'region', region: 'africa' })).toEqual([]);
  });

  it('requires the field of its kind', async () => {
    expect(await fieldsOf({ kind: 'region' })).toEqual(['scope.region']);
    expect(await fieldsOf({ kind: 'country' })).toEqual(['scope.country']);
  });

  it('refuses a field of another kind that the document refuses (a region outside the list on a country scope)', async () => {
    expect(await fieldsOf({ kind: 'country', country: 'KE', region: '__not_in_enum__' })).toEqual([
      'scope.region',
    ]);
    expect(
      await fieldsOf({ kind: 'region', region: 'africa', country: 'Kenya', constituentGroup: 'x' }),
    ).toEqual(['scope.constituentGroup', 'scope.country']);
  });
});
