/** No version of the review policy with that number (404). */
export class ReviewPolicyNotFoundError extends Error {
  readonly code = 'REVIEW_POLICY_NOT_FOUND';
  constructor(readonly version: number) {
    super(`No version ${version} of the review policy`);
    this.name = 'ReviewPolicyNotFoundError';
  }
}

export const REVIEW_POLICY_APPLICATION_STATUSES: Record<string, number> = {
  REVIEW_POLICY_NOT_FOUND: 404,
};
