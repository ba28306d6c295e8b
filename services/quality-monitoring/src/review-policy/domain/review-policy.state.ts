import { DEFAULT_REVIEW_POLICY, type ReviewPolicy } from '@sfp/contracts';
import type { ReviewPolicyEvent } from './review-policy.events';

/** Version 1, in force until an administrator publishes another: DEFAULT_REVIEW_POLICY, dated at the platform's start. */
export const REVIEW_POLICY_VERSION_1: ReviewPolicy = {
  ...DEFAULT_REVIEW_POLICY,
  version: 1,
  publishedAt: '2025-01-01T00:00:00.000Z',
  publishedBy: 'system',
  note: 'The review checklist, weights and thresholds the platform starts with',
};

/** The published versions, oldest first (version 1 is always there). */
export interface ReviewPolicyState {
  versions: ReviewPolicy[];
}

export const initialReviewPolicyState = (): ReviewPolicyState => ({
  versions: [REVIEW_POLICY_VERSION_1],
});

export function evolveReviewPolicy(
  state: ReviewPolicyState,
  event: ReviewPolicyEvent,
): ReviewPolicyState {
  switch (event.type) {
    case 'quality-monitoring.ReviewPolicyPublished':
      return { versions: [...state.versions, event.data] };
  }
}

/** The policy in force: the latest version. */
export function policyInForce(state: ReviewPolicyState): ReviewPolicy {
  return state.versions[state.versions.length - 1] ?? REVIEW_POLICY_VERSION_1;
}

/** A version by number, or undefined. */
export function policyVersion(state: ReviewPolicyState, version: number): ReviewPolicy | undefined {
  return state.versions.find((p) => p.version === version);
}
