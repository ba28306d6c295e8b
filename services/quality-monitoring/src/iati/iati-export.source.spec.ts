import type { ProposalDefinition } from '@sfp/contracts';
import {
  ProposalDecided,
  ProposalResubmitted,
  ProposalSubmitted,
  ProposalWithdrawn,
} from '../proposal/domain/proposal.events';
import { parseIatiActivity } from './iati-activity.parser';
import { exportSourceOf } from './iati-export.source';
import { completedGuaranteeFund, WOMEN_SME_GUARANTEE_FUND_XML } from './testing/iati-fixtures';

const first: ProposalDefinition = completedGuaranteeFund(
  parseIatiActivity(WOMEN_SME_GUARANTEE_FUND_XML).proposal,
);
const second: ProposalDefinition = {
  ...first,
  exitStrategy: 'A revised exit strategy',
  budget: 3_200_000,
};

const submitted = { type: ProposalSubmitted.type, data: { version: 1, proposal: first } };
const resubmitted = { type: ProposalResubmitted.type, data: { version: 2, proposal: second } };
const decided = (version: number, decision: string, conditions: string[] = []) => ({
  type: ProposalDecided.type,
  data: { version, decision, conditions, decidedAt: `2026-0${version + 2}-10T12:00:00.000Z` },
});

describe('exportSourceOf: which proposals the IATI export writes', () => {
  it('knows no proposal without a submission', () => {
    expect(exportSourceOf([])).toEqual({ kind: 'unknown' });
  });

  it('writes the current version once approved, with its decision and conditions', () => {
    const events = [
      submitted,
      decided(1, 'revise-and-resubmit'),
      resubmitted,
      decided(2, 'approved-with-conditions', ['Quarterly reports to the steering committee']),
    ];
    expect(exportSourceOf(events)).toEqual({
      kind: 'approved',
      version: 2,
      proposal: second,
      decision: 'approved-with-conditions',
      conditions: ['Quarterly reports to the steering committee'],
      decidedAt: '2026-04-10T12:00:00.000Z',
    });
  });

  it('does not write a proposal undecided, sent back, rejected, resubmitted since, or withdrawn', () => {
    expect(exportSourceOf([submitted])).toEqual({
      kind: 'not-approved',
      why: 'version 1 has no decision yet',
    });
    expect(exportSourceOf([submitted, decided(1, 'rejected')])).toEqual({
      kind: 'not-approved',
      why: 'version 1 was decided rejected',
    });
    expect(exportSourceOf([submitted, decided(1, 'revise-and-resubmit'), resubmitted])).toEqual({
      kind: 'not-approved',
      why: 'version 2 has no decision yet',
    });
    expect(
      exportSourceOf([
        submitted,
        decided(1, 'approved'),
        { type: ProposalWithdrawn.type, data: { reason: 'Funding withdrawn' } },
      ]),
    ).toEqual({ kind: 'not-approved', why: 'it was withdrawn' });
  });
});
