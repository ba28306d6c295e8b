import type { ReviewPolicyDraft } from '@sfp/contracts';

/** An administrator publishes a new version of the review policy (numbered by the decider). */
export interface PublishReviewPolicy {
  type: 'PublishReviewPolicy';
  policy: ReviewPolicyDraft;
  at: string;
  by: string;
}

export type ReviewPolicyCommand = PublishReviewPolicy;
