import type { ProposalDefinition } from '@sfp/contracts';
import { foldEvents } from '@sfp/event-sourcing/domain';
import { deciderSpec } from '@sfp/event-sourcing/testing';
import { proposalDecider } from './proposal.decider';
import { ProposalRuleError, UnknownPartnerInstitutionError } from './proposal.errors';
import { ProposalWithdrawn } from './proposal.events';
import {
  at,
  commands,
  definition,
  history,
  KUSCCO,
  proposalId,
  resubmitted,
  STIMA,
  submitCommand,
  submitted,
  SUBMITTER,
} from './testing/proposal.fixtures';

const spec = deciderSpec(proposalDecider());
const submitting = (change: Partial<ProposalDefinition>) => ({
  ...submitCommand,
  proposal: { ...definition, ...change },
});
const component = (change: Partial<ProposalDefinition['financialComponent']>) => ({
  financialComponent: { ...definition.financialComponent, ...change },
});
const refusedOn = (change: Partial<ProposalDefinition>, field: string) =>
  spec
    .given([])
    .when(submitting(change))
    .thenThrows(ProposalRuleError, (e) => expect(e.field).toBe(field));

describe('proposal: submission', () => {
  it('given partners the knowledge base has not published, then refused, each by its field', () => {
    spec
      .given([])
      .when({ ...submitCommand, unknownPartners: [STIMA] })
      .thenThrows(UnknownPartnerInstitutionError, (e) =>
        expect(e.problems).toEqual([
          { field: 'partnerInstitutionIds.1', message: expect.stringContaining(STIMA) },
        ]),
      );
  });

  describe('rules of a well-formed definition', () => {
    it('refuses countries and currencies that are no ISO codes, and no country at all', () => {
      refusedOn({ countries: ['KE', 'XK'] }, 'countries.1');
      refusedOn({ countries: ['KE', 'KE'] }, 'countries.1');
      refusedOn({ countries: [] }, 'countries');
      refusedOn({ currency: 'KSH' }, 'currency');
    });

    it('refuses negative amounts, a duration that is no whole number of months, no start date', () => {
      refusedOn({ budget: -1 }, 'budget');
      refusedOn({ budgetUsd: Number.NaN }, 'budgetUsd');
      refusedOn({ durationMonths: 0 }, 'durationMonths');
      refusedOn({ durationMonths: 2.5 }, 'durationMonths');
      refusedOn({ plannedStart: '2026-02-30' }, 'plannedStart');
    });

    it('refuses a financial component above the budget, co-financing above the component', () => {
      refusedOn(component({ amount: 200_000_000 }), 'financialComponent.amount');
      refusedOn(component({ coFinancing: 160_000_000 }), 'financialComponent.coFinancing');
    });

    it('refuses capped pricing without its cap, and a cap on other pricing', () => {
      refusedOn(component({ pricingPolicy: 'capped' }), 'financialComponent.interestRateCap');
      refusedOn(
        component({ pricingPolicy: 'capped', interestRateCap: 18 }),
        'financialComponent.interestRateCap',
      );
      refusedOn(component({ interestRateCap: 0.3 }), 'financialComponent.interestRateCap');
    });

    it('refuses a partner listed twice, a sector that is no DAC code, an indicator date that is none', () => {
      refusedOn({ partnerInstitutionIds: [KUSCCO, KUSCCO] }, 'partnerInstitutionIds.1');
      refusedOn({ sectors: ['2403'] }, 'sectors.0');
      const [outcome] = definition.logframe;
      if (!outcome?.indicators[0]) throw new Error('fixture without an indicator');
      refusedOn(
        {
          logframe: [
            { ...outcome, indicators: [{ ...outcome.indicators[0], targetDate: '30/06/2029' }] },
          ],
        },
        'logframe.0.indicators.0.targetDate',
      );
    });

    it('accepts a proposal without an exit strategy (a red flag for the review, not a refusal)', () => {
      spec
        .given([])
        .when(submitting({ exitStrategy: '' }))
        .then([
          {
            ...submitted,
            data: { ...submitted.data, proposal: { ...definition, exitStrategy: '' } },
          },
        ]);
    });
  });
});

describe('proposal: resubmission', () => {
  it('given revise-and-resubmit, when resubmitted, then version 2 waits for a new review', () => {
    spec.given(history['revise-and-resubmit']).when(commands.ResubmitProposal).then([resubmitted]);
    const state = foldEvents(proposalDecider(), [...history['revise-and-resubmit'], resubmitted]);
    expect(state).toMatchObject({
      status: 'submitted',
      version: 2,
      definition: resubmitted.data.proposal,
      versionSubmittedAt: at(20),
      reviewNumber: 1,
    });
    expect(state.status !== 'none' && state.review).toBeUndefined();
  });

  it('refuses a resubmission without a change note, or with unknown partners (fields under proposal.)', () => {
    spec
      .given(history['revise-and-resubmit'])
      .when({ ...commands.ResubmitProposal, changeNote: ' ' })
      .thenThrows(ProposalRuleError, (e) => expect(e.field).toBe('changeNote'));
    spec
      .given(history['revise-and-resubmit'])
      .when({ ...commands.ResubmitProposal, unknownPartners: [KUSCCO] })
      .thenThrows(UnknownPartnerInstitutionError, (e) =>
        expect(e.problems[0]?.field).toBe('proposal.partnerInstitutionIds.0'),
      );
    spec
      .given(history['revise-and-resubmit'])
      .when({
        ...commands.ResubmitProposal,
        proposal: { ...definition, currency: 'XXX1' },
      })
      .thenThrows(ProposalRuleError, (e) => expect(e.field).toBe('proposal.currency'));
  });
});

describe('proposal: withdrawal', () => {
  it('given a submitted proposal, when withdrawn with a reason, then withdrawn', () => {
    spec
      .given([submitted])
      .when(commands.WithdrawProposal)
      .then([
        ProposalWithdrawn.of({
          proposalId,
          reason: 'The county government funds the scheme itself',
          withdrawnBy: SUBMITTER,
          withdrawnAt: at(3),
        }),
      ]);
  });

  it('refuses a withdrawal without a reason', () => {
    spec
      .given([submitted])
      .when({ ...commands.WithdrawProposal, reason: '' })
      .thenThrows(ProposalRuleError, (e) => expect(e.field).toBe('reason'));
  });
});
