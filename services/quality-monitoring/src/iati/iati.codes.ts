/**
 * The IATI 2.03 codes the import reads and the export writes (codelists of
 * the published standard, iatistandard.org/en/iati-standard/203/codelists/).
 */

/** The namespace of the activity file's root and of nothing else: IATI elements are unqualified. */
export const IATI_ACTIVITIES = 'iati-activities';

/**
 * The namespace of the platform's IATI extension: what a proposal carries that
 * IATI has no element for (the financial component, themes, exit strategy,
 * constituents, gender and decent-work outcomes, the budget in US dollars, the
 * partner institutions, indicator units, the department). IATI allows elements
 * of another namespace at the end of `iati-activity` (`xsd:any namespace="##other"`);
 * the export writes them under the prefix `sfp`, the import reads them by this
 * URI (whatever prefix the file gives it). Version 1 of the extension: a change
 * that old files cannot read gets a new URI.
 */
export const SFP_IATI_NAMESPACE = 'https://sfp.example.org/iati-extension/1';
export const SFP_IATI_PREFIX = 'sfp';

/** OrganisationRole: 1 Funding, 2 Accountable, 3 Extending, 4 Implementing. */
export const ORGANISATION_ROLES = ['1', '2', '3', '4'] as const;

/** OrganisationType 40: Multilateral (the reporting organisation by default). */
export const ORGANISATION_TYPE_MULTILATERAL = '40';

/** ActivityStatus: 1 Pipeline/identification, 2 Implementation. */
export const ACTIVITY_STATUS = { pipeline: '1', implementation: '2' } as const;

/** ActivityDateType: 1 Planned start, 2 Actual start, 3 Planned end, 4 Actual end. */
export const ACTIVITY_DATE_TYPE = {
  plannedStart: '1',
  actualStart: '2',
  plannedEnd: '3',
  actualEnd: '4',
} as const;

/** BudgetType: 1 Original, 2 Revised (a revised budget replaces the original of its period). */
export const BUDGET_TYPE = { original: '1', revised: '2' } as const;

/** BudgetStatus: 1 Indicative, 2 Committed (an approved proposal's budget is committed). */
export const BUDGET_STATUS = { indicative: '1', committed: '2' } as const;

/** SectorVocabulary 1: OECD DAC CRS purpose codes, 5 digits (the default when absent). */
export const SECTOR_VOCABULARY_DAC_5 = '1';

/** ResultType: 1 Output, 2 Outcome, 3 Impact, 9 Other. The logical framework's outcomes are type 2. */
export const RESULT_TYPE_OUTCOME = '2';
export const RESULT_TYPES = ['1', '2', '3', '9'] as const;

/** IndicatorMeasure: 1 Unit, 2 Percentage, 3 Nominal, 4 Ordinal, 5 Qualitative. */
export const INDICATOR_MEASURE = {
  unit: '1',
  percentage: '2',
  nominal: '3',
  ordinal: '4',
  qualitative: '5',
} as const;

/** ConditionType 2: Performance (the conditions of an approval). */
export const CONDITION_TYPE_PERFORMANCE = '2';

/** DocumentCategory A08: Results, outcomes and outputs (a means of verification linked to an indicator). */
export const DOCUMENT_CATEGORY_RESULTS = 'A08';

/** The indicator units read as a percentage (IndicatorMeasure 2). */
export const PERCENT_UNITS = ['%', 'percent', 'percentage'];
