/** Request bodies of the e2e specs, valid as they are; `changes` replace or add fields. */

type Json = Record<string, unknown>;

/** A Kenyan microfinance institution in one programme, reported on by the Africa office. */
export function institutionRegistration(changes: Json = {}): Json {
  return {
    name: 'Umoja Microfinance',
    kind: 'microfinance-institution',
    legalType: 'nbfi',
    country: 'KE',
    region: 'africa',
    programmes: ['sfp-youth-employment'],
    reportingDepartment: 'ro-africa',
    ...changes,
  };
}

/** A target on one institution: PAR30 at most 5 %, at risk up to 7 %, due at the end of 2025. */
export function institutionTarget(institutionId: string, changes: Json = {}): Json {
  return {
    scope: 'institution',
    institutionId,
    indicator: 'par30',
    comparator: 'at-most',
    threshold: 0.05,
    tolerance: 0.02,
    dueDate: '2025-12-31',
    ...changes,
  };
}
