import { DEFAULT_REVIEW_POLICY } from '@sfp/contracts';
import {
  decisionBody,
  proposalBody,
  ratingsBody,
  resubmissionBody,
  reviewBody,
} from '@sfp/quality-monitoring/testing';
import type { callerOf } from './known-records';

const API = '/api/quality-monitoring';

/** A proposal the domain accepts with no partner institution, so a standalone service takes it too; it raises no red flag. */
const PROPOSAL = proposalBody({ partnerInstitutionIds: [] });

/** Every criterion of the default policy rated 4 of 5: a score of 75, above the passing score. */
const RATINGS = ratingsBody(DEFAULT_REVIEW_POLICY, 4);

/** Bodies of the quality-monitoring commands the domain accepts (in a proposal's right status). */
export const QUALITY_ACCEPTED_BODIES: Record<string, unknown> = {
  [`POST ${API}/proposals`]: PROPOSAL,
  [`POST ${API}/proposals/{id}/resubmit`]: resubmissionBody(
    PROPOSAL,
    'An exit strategy agreed with the partner',
  ),
  [`POST ${API}/proposals/{id}/reviewers`]: { reviewers: ['admin'] },
  [`POST ${API}/proposals/{id}/ratings`]: { ratings: RATINGS.slice(0, 3) },
  [`POST ${API}/proposals/{id}/review`]: reviewBody(DEFAULT_REVIEW_POLICY, 4),
  [`POST ${API}/proposals/{id}/reconciliation`]: {
    ratings: RATINGS,
    note: 'Agreed after a call between the reviewers',
  },
  [`POST ${API}/proposals/{id}/decision`]: decisionBody('approved', [
    'Through a regulated provider at market rates',
  ]),
  [`POST ${API}/proposals/{id}/withdraw`]: { reason: 'The donor moved the funds' },
  [`POST ${API}/review-policy`]: { ...DEFAULT_REVIEW_POLICY, note: 'As version 1' },
};

/**
 * Four proposals, as far as the routes need them: one submitted; one under
 * review by the administrator with a draft; one approved (IATI export,
 * linkages); one sent back to revise and resubmit. The administrator is the
 * reviewer (a user of every host). No policy version is named: versions
 * are integers, and the known records are strings ("1" only ever reached
 * the negative cases).
 */
export async function seedQualityMonitoring(
  call: ReturnType<typeof callerOf>,
  admin: Record<string, string>,
  remember: (prefix: string, ...ids: unknown[]) => void,
  acceptedBodies: Record<string, unknown>,
): Promise<void> {
  Object.assign(acceptedBodies, QUALITY_ACCEPTED_BODIES);
  const body = (path: string) => QUALITY_ACCEPTED_BODIES[`POST ${API}/proposals/{id}/${path}`];
  const submit = async () => {
    const answer = await call('POST', `${API}/proposals`, PROPOSAL);
    if (answer.status !== 201)
      throw new Error(`Submitting a proposal: ${answer.status} ${JSON.stringify(answer.body)}`);
    remember(`${API}/proposals/`, answer.body?.proposalId);
    return {
      id: answer.body?.proposalId as string,
      version: answer.body?.streamVersion as number,
    };
  };
  const stepsOn = (proposal: { id: string; version: number }) => {
    let version = proposal.version;
    return async (path: string) => {
      const answer = await call('POST', `${API}/proposals/${proposal.id}/${path}`, body(path), {
        ...admin,
        'if-match': `"${version}"`,
      });
      if (answer.status !== 200)
        throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
      version = answer.body?.streamVersion as number;
    };
  };

  await submit();
  const underReview = stepsOn(await submit());
  await underReview('reviewers');
  await underReview('ratings');
  const approved = stepsOn(await submit());
  await approved('reviewers');
  await approved('review');
  await approved('decision');
  const sentBack = await submit();
  const steps = stepsOn(sentBack);
  await steps('reviewers');
  await steps('review');
  const decided = await call(
    'POST',
    `${API}/proposals/${sentBack.id}/decision`,
    decisionBody('revise-and-resubmit', ['The exit strategy is not costed']),
    admin,
  );
  if (decided.status !== 200)
    throw new Error(`revise-and-resubmit: ${decided.status} ${JSON.stringify(decided.body)}`);
}
