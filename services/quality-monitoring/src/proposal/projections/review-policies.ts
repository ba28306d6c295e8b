import { DEFAULT_REVIEW_POLICY, type ReviewPolicy } from '@sfp/contracts';
import type { RecordedEvent } from '@sfp/event-sourcing';
import type { ViewWriter } from '@sfp/projections';
import { ReviewPolicyPublished } from '../../review-policy/domain/review-policy.events';

/** Version 1 of the review policy: DEFAULT_REVIEW_POLICY until an operator publishes another. */
export const FIRST_REVIEW_POLICY: ReviewPolicy = {
  ...DEFAULT_REVIEW_POLICY,
  version: 1,
  publishedAt: '2025-01-01T00:00:00.000Z',
  publishedBy: 'system',
};

/** A published version of the review policy, kept by the views that score ratings with it. */
export interface PolicyDoc {
  docType: 'policy';
  policy: ReviewPolicy;
}

export const policyKey = (version: number | 'latest') => `policy:${version}`;

/** Keeps the published version, and the latest as the one in force. */
export async function notePolicy<TDoc extends object>(
  recorded: RecordedEvent,
  view: ViewWriter<TDoc>,
): Promise<void> {
  const policy = recorded.data as ReviewPolicy;
  const doc = { docType: 'policy', policy } as PolicyDoc as unknown as TDoc;
  await view.upsert(policyKey(policy.version), doc);
  await view.update(policyKey('latest'), (current) => {
    const known = (current as unknown as PolicyDoc | undefined)?.policy.version ?? 0;
    return known < policy.version ? doc : undefined;
  });
}

/** The policy of `version` (the latest in force without one); version 1 is the default. */
export async function policyOf<TDoc extends object>(
  view: { get(id: string): Promise<TDoc | undefined> },
  version: number | undefined,
): Promise<ReviewPolicy> {
  const doc = (await view.get(policyKey(version ?? 'latest'))) as unknown as PolicyDoc | undefined;
  return doc?.policy ?? FIRST_REVIEW_POLICY;
}

/** The handler of ReviewPolicyPublished for a view that keeps the policies. */
export const POLICY_HANDLERS = { [ReviewPolicyPublished.type]: notePolicy } as const;
