import { COUNTRY_CODES } from './iso-codes';
import type { Region } from './regions';

/**
 * The Office's region (REGIONS) of every ISO 3166-1 alpha-2 country code
 * (COUNTRY_CODES), after the ILO's regional structure: North Africa is in
 * Africa; the Arab States are the Gulf, the Mashreq and Yemen; Israel,
 * Türkiye, the Caucasus and Central Asia are in Europe and Central Asia;
 * Iran and Afghanistan in Asia and the Pacific. Territories go with the
 * region they lie in; the uninhabited Antarctic and sub-Antarctic ones go
 * with the nearest (AQ, HM: Asia and the Pacific; BV, TF: Africa; GS: the Americas).
 */
const COUNTRIES_BY_REGION: Readonly<Record<Region, string>> = {
  africa:
    'AO BF BI BJ BV BW CD CF CG CI CM CV DJ DZ EG EH ER ET GA GH GM GN GQ GW KE KM LR LS LY MA MG ML MR MU ' +
    'MW MZ NA NE NG RE RW SC SD SH SL SN SO SS ST SZ TD TF TG TN TZ UG YT ZA ZM ZW',
  americas:
    'AG AI AR AW BB BL BM BO BQ BR BS BZ CA CL CO CR CU CW DM DO EC FK GD GF GL GP GS GT GY HN HT JM KN KY ' +
    'LC MF MQ MS MX NI PA PE PM PR PY SR SV SX TC TT US UY VC VE VG VI',
  'arab-states': 'AE BH IQ JO KW LB OM PS QA SA SY YE',
  'asia-pacific':
    'AF AQ AS AU BD BN BT CC CK CN CX FJ FM GU HK HM ID IN IO IR JP KH KI KP KR LA LK MH MM MN MO MP MV MY ' +
    'NC NF NP NR NU NZ PF PG PH PK PN PW SB SG TH TK TL TO TV TW UM VN VU WF WS',
  'europe-central-asia':
    'AD AL AM AT AX AZ BA BE BG BY CH CY CZ DE DK EE ES FI FO FR GB GE GG GI GR HR HU IE IL IM IS IT JE KG ' +
    'KZ LI LT LU LV MC MD ME MK MT NL NO PL PT RO RS RU SE SI SJ SK SM TJ TM TR UA UZ VA',
};

const REGION_OF_COUNTRY: ReadonlyMap<string, Region> = new Map(
  (Object.entries(COUNTRIES_BY_REGION) as Array<[Region, string]>).flatMap(([region, codes]) =>
    codes.split(' ').map((code) => [code, region] as const),
  ),
);

/** The region of an ISO 3166-1 alpha-2 code (case-insensitive), or undefined for no country code. */
export function regionOfCountry(countryCode: string): Region | undefined {
  const code = countryCode.toUpperCase();
  return COUNTRY_CODES.has(code) ? REGION_OF_COUNTRY.get(code) : undefined;
}

/** The regions of some countries, each once, in the order first met. */
export function regionsOfCountries(countryCodes: readonly string[]): Region[] {
  const regions: Region[] = [];
  for (const code of countryCodes) {
    const region = regionOfCountry(code);
    if (region && !regions.includes(region)) regions.push(region);
  }
  return regions;
}

/** The country codes of a region (for a spec or a picker). */
export function countriesOfRegion(region: Region): string[] {
  return COUNTRIES_BY_REGION[region].split(' ');
}
