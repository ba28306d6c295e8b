/**
 * Reference lists of the knowledge base. Regions, institution kinds and legal
 * types are defined in the platform's contracts (libs/contracts), which the
 * console shows; a value added there is accepted everywhere (HTTP, inbound
 * commands, queries). The ISO code lists are the platform's (libs/contracts).
 */

export { INSTITUTION_KINDS, LEGAL_TYPES, REGIONS } from '@sfp/contracts';
export type { InstitutionKind, LegalType, Region } from '@sfp/contracts';

export { COUNTRY_CODES, CURRENCY_CODES, isCountryCode, isCurrencyCode } from '@sfp/contracts';
