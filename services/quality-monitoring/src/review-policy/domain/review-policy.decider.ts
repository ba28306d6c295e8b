import type { Decider } from '@sfp/event-sourcing/domain';
import type { ReviewPolicyCommand } from './review-policy.commands';
import { ReviewPolicyPublished, type ReviewPolicyEvent } from './review-policy.events';
import { checkPolicy } from './review-policy.rules';
import {
  evolveReviewPolicy,
  initialReviewPolicyState,
  policyInForce,
  type ReviewPolicyState,
} from './review-policy.state';

export { REVIEW_POLICY_BOUNDS } from './review-policy.rules';
export {
  evolveReviewPolicy,
  initialReviewPolicyState,
  policyInForce,
  policyVersion,
  REVIEW_POLICY_VERSION_1,
  type ReviewPolicyState,
} from './review-policy.state';

/** Publishing a version of the review policy: checked, numbered after the latest (version 1 is the default). */
export function decideReviewPolicy(
  state: ReviewPolicyState,
  command: ReviewPolicyCommand,
): ReviewPolicyEvent[] {
  checkPolicy(command.policy);
  const { note, ...draft } = command.policy;
  return [
    ReviewPolicyPublished.of({
      ...draft,
      ...(note?.trim() ? { note } : {}),
      version: policyInForce(state).version + 1,
      publishedAt: command.at,
      publishedBy: command.by,
    }),
  ];
}

/** The decider as the event-sourcing kit takes it. */
export function reviewPolicyDecider(): Decider<
  ReviewPolicyState,
  ReviewPolicyCommand,
  ReviewPolicyEvent
> {
  return {
    initialState: initialReviewPolicyState,
    decide: (command, state) => decideReviewPolicy(state, command),
    evolve: evolveReviewPolicy,
  };
}
