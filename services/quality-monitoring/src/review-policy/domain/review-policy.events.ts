import type { ReviewPolicy } from '@sfp/contracts';
import { defineEventType, type EventOf } from '@sfp/event-sourcing/domain';

/** A version of the review policy published (one stream, `review-policy`; version 1 is DEFAULT_REVIEW_POLICY until then). */
export type ReviewPolicyPublishedData = ReviewPolicy;
export class ReviewPolicyPublished extends defineEventType<ReviewPolicyPublishedData>()({
  type: 'quality-monitoring.ReviewPolicyPublished',
  schemaVersion: 1,
}) {}

export const REVIEW_POLICY_EVENT_CLASSES = [ReviewPolicyPublished] as const;
export type ReviewPolicyEvent = EventOf<typeof ReviewPolicyPublished>;
