import type { InstitutionDetails } from '../institution-details';

/** The institution of the domain specs: a Kenyan NBFI in one programme, reported on by the Africa office. */
export const exampleInstitution: InstitutionDetails = {
  name: 'Umoja Microfinance',
  kind: 'microfinance-institution',
  legalType: 'nbfi',
  country: 'KE',
  region: 'africa',
  programmes: ['sfp-youth'],
  reportingDepartment: 'ro-africa',
};
