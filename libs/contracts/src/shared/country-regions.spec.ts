import { countriesOfRegion, regionOfCountry, regionsOfCountries } from './country-regions';
import { COUNTRY_CODES } from './iso-codes';
import { REGIONS } from './regions';

describe('country → region', () => {
  it('given every ISO country code, when its region is asked, then it is one of REGIONS', () => {
    const missing = [...COUNTRY_CODES].filter((code) => !regionOfCountry(code));
    expect(missing).toEqual([]);
    for (const code of COUNTRY_CODES) expect(REGIONS).toContain(regionOfCountry(code));
  });

  it('given the region lists, then each names only ISO codes, each in one region', () => {
    const listed = REGIONS.flatMap((region) => countriesOfRegion(region));
    expect(listed.filter((code) => !COUNTRY_CODES.has(code))).toEqual([]);
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed.length).toBe(COUNTRY_CODES.size);
  });

  it('places countries as the Office does', () => {
    expect(regionOfCountry('KE')).toBe('africa');
    expect(regionOfCountry('EG')).toBe('africa');
    expect(regionOfCountry('JO')).toBe('arab-states');
    expect(regionOfCountry('PS')).toBe('arab-states');
    expect(regionOfCountry('KZ')).toBe('europe-central-asia');
    expect(regionOfCountry('TR')).toBe('europe-central-asia');
    expect(regionOfCountry('IR')).toBe('asia-pacific');
    expect(regionOfCountry('FJ')).toBe('asia-pacific');
    expect(regionOfCountry('HT')).toBe('americas');
    expect(regionOfCountry('ke')).toBe('africa');
  });

  it('given no country code, then there is no region', () => {
    expect(regionOfCountry('XK')).toBeUndefined();
    expect(regionOfCountry('')).toBeUndefined();
  });

  it('given several countries, then their regions once each, in order', () => {
    expect(regionsOfCountries(['KE', 'UG', 'JO', 'XX', 'TZ'])).toEqual(['africa', 'arab-states']);
  });
});
