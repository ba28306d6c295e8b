import {
  IATI_VERSION,
  type LogframeIndicator,
  type LogframeOutcome,
  type ProposalDefinition,
  type ReviewDecision,
} from '@sfp/contracts';
import {
  ACTIVITY_DATE_TYPE,
  ACTIVITY_STATUS,
  BUDGET_STATUS,
  BUDGET_TYPE,
  CONDITION_TYPE_PERFORMANCE,
  IATI_ACTIVITIES,
  INDICATOR_MEASURE,
  PERCENT_UNITS,
  RESULT_TYPE_OUTCOME,
  SECTOR_VOCABULARY_DAC_5,
} from './iati.codes';
import { periodEnd, yearlyPeriods } from './iati-dates';
import { sfpExtensionElement, SFP_NAMESPACE_DECLARATION } from './sfp-extension.write';
import { element, xmlDocument, type XmlNode } from './xml-writer';

/** The organisation that reports the activity (`reporting-org`): its IATI identifier, name and type. */
export interface IatiReportingOrg {
  ref: string;
  name: string;
  /** OrganisationType code, e.g. 40 Multilateral. */
  type: string;
}

/** What the export writes: an approved version of a proposal and its decision. */
export interface IatiExportInput {
  proposalId: string;
  version: number;
  proposal: ProposalDefinition;
  decision: ReviewDecision;
  conditions: string[];
  /** ISO date-time of the decision: the activity's last update. */
  decidedAt: string;
  /** ISO date-time the file is written (the clock's now). */
  generatedAt: string;
  reportingOrg: IatiReportingOrg;
}

/**
 * A proposal as an IATI 2.03 activity file, its elements in the schema's
 * order: identifier (the proposal's, else the reporting organisation's prefix
 * and the proposal id), reporting and participating organisations, status
 * (pipeline before the planned start, implementation from it), planned start
 * and end, recipient countries and DAC sectors with percentages summing to
 * 100, the committed budget by yearly period, the approval's conditions, the
 * logical framework as outcome results, and the platform's extension
 * (`sfp-extension.ts`) for what IATI has no element for.
 */
export function writeIatiActivity(input: IatiExportInput): string {
  const { proposal } = input;
  const plannedEnd = periodEnd(proposal.plannedStart, proposal.durationMonths);
  const today = input.generatedAt.slice(0, 10);
  const narrative = (text: string): XmlNode => element('narrative', {}, text);
  const activity = element(
    'iati-activity',
    {
      'xml:lang': 'en',
      'default-currency': proposal.currency,
      'last-updated-datetime': input.decidedAt,
      hierarchy: '1',
    },
    element(
      'iati-identifier',
      {},
      proposal.iatiIdentifier ?? `${input.reportingOrg.ref}-QM-${input.proposalId}`,
    ),
    element(
      'reporting-org',
      { ref: input.reportingOrg.ref, type: input.reportingOrg.type },
      narrative(input.reportingOrg.name),
    ),
    element('title', {}, narrative(proposal.title)),
    element('description', { type: '1' }, narrative(proposal.description)),
    ...proposal.participatingOrganisations.map((org) =>
      element('participating-org', { ref: org.ref, role: org.role }, narrative(org.name)),
    ),
    element('activity-status', {
      code:
        today < proposal.plannedStart ? ACTIVITY_STATUS.pipeline : ACTIVITY_STATUS.implementation,
    }),
    element('activity-date', {
      type: ACTIVITY_DATE_TYPE.plannedStart,
      'iso-date': proposal.plannedStart,
    }),
    element('activity-date', { type: ACTIVITY_DATE_TYPE.plannedEnd, 'iso-date': plannedEnd }),
    ...withPercentages(proposal.countries).map(([code, percentage]) =>
      element('recipient-country', { code, percentage }),
    ),
    ...withPercentages(proposal.sectors).map(([code, percentage]) =>
      element('sector', { vocabulary: SECTOR_VOCABULARY_DAC_5, code, percentage }),
    ),
    ...budgets(proposal),
    input.conditions.length > 0 &&
      element(
        'conditions',
        { attached: '1' },
        ...input.conditions.map((c) =>
          element('condition', { type: CONDITION_TYPE_PERFORMANCE }, narrative(c)),
        ),
      ),
    ...proposal.logframe.map((outcome) => result(outcome, proposal.plannedStart, plannedEnd)),
    sfpExtensionElement(input),
  );
  return xmlDocument(
    element(
      IATI_ACTIVITIES,
      {
        version: IATI_VERSION,
        'generated-datetime': input.generatedAt,
        ...SFP_NAMESPACE_DECLARATION,
      },
      activity,
    ),
  );
}

/** Each code with its share, in hundredths that sum to exactly 100 (the last takes the remainder). */
export function withPercentages(codes: string[]): Array<[string, string]> {
  if (!codes.length) return [];
  const each = Math.floor(10_000 / codes.length);
  return codes.map((code, i) => {
    const hundredths = i === codes.length - 1 ? 10_000 - each * (codes.length - 1) : each;
    return [code, String(hundredths / 100)];
  });
}

/** The budget by yearly period (IATI advises none longer than a year), pro rata by months, to the cent. */
function budgets(proposal: ProposalDefinition): XmlNode[] {
  const periods = yearlyPeriods(proposal.plannedStart, proposal.durationMonths);
  const totalCents = Math.round(proposal.budget * 100);
  let allotted = 0;
  return periods.map((period, i) => {
    const cents =
      i === periods.length - 1
        ? totalCents - allotted
        : Math.round((totalCents * period.months) / proposal.durationMonths);
    allotted += cents;
    return element(
      'budget',
      { type: BUDGET_TYPE.original, status: BUDGET_STATUS.committed },
      element('period-start', { 'iso-date': period.start }),
      element('period-end', { 'iso-date': period.end }),
      element(
        'value',
        { currency: proposal.currency, 'value-date': proposal.plannedStart },
        String(cents / 100),
      ),
    );
  });
}

function result(outcome: LogframeOutcome, plannedStart: string, plannedEnd: string): XmlNode {
  return element(
    'result',
    { type: RESULT_TYPE_OUTCOME },
    element('title', {}, element('narrative', {}, outcome.outcome)),
    ...outcome.indicators.map((indicator) => indicatorElement(indicator, plannedStart, plannedEnd)),
  );
}

/**
 * An indicator: its measure (a percentage for `%`, else units), baseline
 * (year, date when known, value), one period to its target date (the
 * activity's planned end when it has none) with the target, and its means of
 * verification as its description.
 */
function indicatorElement(
  indicator: LogframeIndicator,
  plannedStart: string,
  plannedEnd: string,
): XmlNode {
  const percentage = PERCENT_UNITS.includes(indicator.unit.trim().toLowerCase());
  const targetDate = indicator.targetDate ?? plannedEnd;
  const periodStart = targetDate < plannedStart ? targetDate : plannedStart;
  return element(
    'indicator',
    {
      measure: percentage ? INDICATOR_MEASURE.percentage : INDICATOR_MEASURE.unit,
      ascending: indicator.target >= indicator.baseline ? '1' : '0',
    },
    element('title', {}, element('narrative', {}, indicator.indicator)),
    element('description', {}, element('narrative', {}, indicator.meansOfVerification)),
    element('baseline', {
      year: (indicator.baselineDate ?? plannedStart).slice(0, 4),
      'iso-date': indicator.baselineDate,
      value: String(indicator.baseline),
    }),
    element(
      'period',
      {},
      element('period-start', { 'iso-date': periodStart }),
      element('period-end', { 'iso-date': targetDate }),
      element('target', { value: String(indicator.target) }),
    ),
  );
}
