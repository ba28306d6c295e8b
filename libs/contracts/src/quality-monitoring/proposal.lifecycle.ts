/**
 * The life of a proposal. A review starts when its reviewers are assigned;
 * a decision ends it. `revise-and-resubmit` waits for a new version, which
 * starts a new review. Withdrawn, approved and rejected proposals are final
 * (an approved one can still be exported to IATI and linked to tools).
 */
export const PROPOSAL_STATUSES = [
  'submitted',
  'under-review',
  'approved',
  'approved-with-conditions',
  'revise-and-resubmit',
  'rejected',
  'withdrawn',
] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export const PROPOSAL_COMMANDS = [
  'AssignReviewers',
  'RateCriteria',
  'SubmitReview',
  'ReconcileReviews',
  'DecideProposal',
  'ResubmitProposal',
  'WithdrawProposal',
  'AcceptLinkage',
  'DismissLinkage',
] as const;
export type ProposalCommandType = (typeof PROPOSAL_COMMANDS)[number];

/** The statuses each command is allowed from: the decider refuses by it, the console offers by it. */
export const PROPOSAL_COMMAND_ALLOWED_FROM: Readonly<
  Record<ProposalCommandType, readonly ProposalStatus[]>
> = {
  AssignReviewers: ['submitted', 'under-review'],
  RateCriteria: ['under-review'],
  SubmitReview: ['under-review'],
  ReconcileReviews: ['under-review'],
  DecideProposal: ['under-review'],
  ResubmitProposal: ['revise-and-resubmit'],
  WithdrawProposal: ['submitted', 'under-review', 'revise-and-resubmit'],
  AcceptLinkage: [
    'submitted',
    'under-review',
    'approved',
    'approved-with-conditions',
    'revise-and-resubmit',
  ],
  DismissLinkage: [
    'submitted',
    'under-review',
    'approved',
    'approved-with-conditions',
    'revise-and-resubmit',
  ],
};
