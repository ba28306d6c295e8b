import type { ReviewPolicy } from '@sfp/contracts';
import type { RecordedEvent } from '@sfp/event-sourcing';
import type { ViewWriter } from '@sfp/projections';
import { ReviewPolicyPublished } from '../../review-policy/domain/review-policy.events';
import { REVIEW_POLICY_VERSION_1 } from '../../review-policy/domain/review-policy.state';

/** A published version of the review policy, kept for the service level of a version not yet in review. */
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
  return doc?.policy ?? REVIEW_POLICY_VERSION_1;
}

/** The handler of ReviewPolicyPublished for a view that keeps the policies. */
export const POLICY_HANDLERS = { [ReviewPolicyPublished.type]: notePolicy } as const;
