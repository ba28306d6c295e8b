import { Type, type Static } from '@sinclair/typebox';
import { commandResultFields, type MutuallyAssignable } from '@sfp/service-kit';
import type { ProposalCommandResult } from './proposals';

export const proposalResultFields = commandResultFields('proposalId', {
  id: 'The proposal’s id',
  version: 'The proposal’s stream version after the command: its new ETag',
});

/** What every proposal command answers. */
export const ProposalCommandResultSchema = Type.Object(proposalResultFields, {
  title: 'QualityProposalCommandResult',
});

/** A proposal submitted or resubmitted: the version of the proposal it recorded. */
export const ProposalVersionAnswerSchema = Type.Object(
  {
    ...proposalResultFields,
    version: Type.Integer({
      minimum: 1,
      description: 'The proposal’s version: 1 when submitted, +1 per resubmission',
    }),
  },
  { title: 'QualityProposalVersionRecorded' },
);

/** A proposal command's result with the proposal's version. */
export interface ProposalVersionAnswer extends ProposalCommandResult {
  version: number;
}

const resultMatches: MutuallyAssignable<
  Static<typeof ProposalCommandResultSchema>,
  ProposalCommandResult
> = true;
const versionMatches: MutuallyAssignable<
  Static<typeof ProposalVersionAnswerSchema>,
  ProposalVersionAnswer
> = true;
void resultMatches;
void versionMatches;
