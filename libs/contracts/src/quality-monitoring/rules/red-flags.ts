import { LENDING_INSTRUMENTS } from '../reference-data';
import type { PartnerRatios, ProposalDefinition, RaisedRedFlag } from '../proposal';
import type { RedFlagThresholds, ReviewPolicy } from '../review-policy';
import { formatPercent, INSTRUMENT_LABELS } from './labels';

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The red flags a proposal raises, with a sentence each saying why:
 * - direct lending: a lending instrument (LENDING_INSTRUMENTS) delivered
 *   directly by the project rather than by a specialised provider;
 * - pricing that prevents cost recovery: subsidised rates, or a cap below the
 *   minimum cost-recovery rate (a cap the proposal does not state counts too);
 * - no exit strategy: a blank one;
 * - per partner of the proposal with ratios: PAR30 above `par30Max`, or
 *   operational self-sufficiency below `ossMin` (a ratio the report could not
 *   compute raises nothing). Ratios of institutions that are not partners are ignored.
 */
export function redFlagsOf(
  proposal: ProposalDefinition,
  partnerRatios: readonly PartnerRatios[],
  thresholds: RedFlagThresholds,
): RaisedRedFlag[] {
  const flags: RaisedRedFlag[] = [];
  const component = proposal.financialComponent;

  if (
    LENDING_INSTRUMENTS.includes(component.instrument) &&
    component.channel === 'direct-by-project'
  )
    flags.push({
      flag: 'direct-lending',
      detail: `${capitalised(INSTRUMENT_LABELS[component.instrument])} lent directly by the project, not through a specialised financial provider`,
    });

  if (component.pricingPolicy === 'subsidised')
    flags.push({
      flag: 'pricing-prevents-cost-recovery',
      detail: 'Subsidised interest rates: the provider cannot recover its costs',
    });
  if (component.pricingPolicy === 'capped') {
    const cap = component.interestRateCap;
    if (cap === undefined)
      flags.push({
        flag: 'pricing-prevents-cost-recovery',
        detail: `Interest rates capped at a rate the proposal does not state (cost recovery needs at least ${formatPercent(thresholds.minimumCostRecoveryRate)} a year)`,
      });
    else if (cap < thresholds.minimumCostRecoveryRate)
      flags.push({
        flag: 'pricing-prevents-cost-recovery',
        detail: `Interest rates capped at ${formatPercent(cap)} a year, below the ${formatPercent(thresholds.minimumCostRecoveryRate)} needed to recover costs`,
      });
  }

  if (!proposal.exitStrategy.trim())
    flags.push({
      flag: 'no-exit-strategy',
      detail:
        'No exit strategy: nothing says how the funds and the service continue when the project ends',
    });

  const partners = new Set(proposal.partnerInstitutionIds);
  for (const ratios of partnerRatios) {
    if (!partners.has(ratios.institutionId)) continue;
    if (ratios.par30 !== undefined && ratios.par30 > thresholds.par30Max)
      flags.push({
        flag: 'partner-par30-above-threshold',
        detail: `${ratios.name}: PAR30 ${formatPercent(ratios.par30)} above the ${formatPercent(thresholds.par30Max)} threshold (period ending ${ratios.periodEnd})`,
        institutionId: ratios.institutionId,
      });
    const oss = ratios.operationalSelfSufficiency;
    if (oss !== undefined && oss < thresholds.ossMin)
      flags.push({
        flag: 'partner-oss-below-threshold',
        detail: `${ratios.name}: operational self-sufficiency ${formatPercent(oss)} below the ${formatPercent(thresholds.ossMin)} threshold (period ending ${ratios.periodEnd})`,
        institutionId: ratios.institutionId,
      });
  }
  return flags;
}

/** Whether a proposal's budget (in USD) is above the policy's second-reviewer threshold. */
export function secondReviewerRequired(
  proposal: Pick<ProposalDefinition, 'budgetUsd'>,
  policy: Pick<ReviewPolicy, 'secondReviewerAboveUsd'>,
): boolean {
  return proposal.budgetUsd > policy.secondReviewerAboveUsd;
}
