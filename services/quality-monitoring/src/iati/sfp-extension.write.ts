import { SFP_IATI_NAMESPACE, SFP_IATI_PREFIX } from './iati.codes';
import type { IatiExportInput } from './iati-activity.writer';
import { element, type XmlNode } from './xml-writer';

/** The declaration of the extension's prefix, on the file's root element. */
export const SFP_NAMESPACE_DECLARATION = { [`xmlns:${SFP_IATI_PREFIX}`]: SFP_IATI_NAMESPACE };

const sfp = (name: string): string => `${SFP_IATI_PREFIX}:${name}`;

/** The platform's extension element of an exported proposal (its shape: `sfp-extension.ts`). */
export function sfpExtensionElement(input: IatiExportInput): XmlNode {
  const { proposal } = input;
  const component = proposal.financialComponent;
  return element(
    sfp('proposal'),
    {},
    element(sfp('department'), {}, proposal.department),
    element(sfp('themes'), {}, ...proposal.themes.map((code) => element(sfp('theme'), { code }))),
    element(sfp('budget-usd'), {}, String(proposal.budgetUsd)),
    element(
      sfp('financial-component'),
      {
        instrument: component.instrument,
        channel: component.channel,
        'pricing-policy': component.pricingPolicy,
        'interest-rate-cap': component.interestRateCap,
        amount: component.amount,
        'co-financing': component.coFinancing,
      },
      element(sfp('description'), {}, component.description),
    ),
    element(
      sfp('partner-institutions'),
      {},
      ...proposal.partnerInstitutionIds.map((id) => element(sfp('partner-institution'), { id })),
    ),
    element(sfp('exit-strategy'), {}, proposal.exitStrategy),
    element(
      sfp('constituents'),
      {},
      ...proposal.constituents.map((code) => element(sfp('constituent'), { code })),
    ),
    element(sfp('gender-outcomes'), {}, proposal.genderOutcomes),
    element(sfp('decent-work-outcomes'), {}, proposal.decentWorkOutcomes),
    element(
      sfp('indicator-units'),
      {},
      ...proposal.logframe.flatMap((outcome, r) =>
        outcome.indicators.map((indicator, i) =>
          element(sfp('indicator-unit'), { result: r + 1, indicator: i + 1, unit: indicator.unit }),
        ),
      ),
    ),
    element(sfp('decision'), {
      'proposal-id': input.proposalId,
      version: input.version,
      decision: input.decision,
      'decided-at': input.decidedAt,
    }),
  );
}
