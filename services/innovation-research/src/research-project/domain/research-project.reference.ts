/** The ISO code lists a definition is checked against: the platform's, in @sfp/contracts. */
export { isCountryCode, isCurrencyCode } from '@sfp/contracts';
