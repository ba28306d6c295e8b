import { Type, type Static } from '@sinclair/typebox';
import { REVIEW_CRITERIA, type ReviewPolicy } from '@sfp/contracts';
import { IsoDateTime, sameShape, StringEnum } from '@sfp/service-kit';

/** A version of the review policy as the API answers it. */
export const ReviewPolicySchema = Type.Object(
  {
    version: Type.Integer({ minimum: 1, description: '1 is the default, then +1 per publication' }),
    scale: Type.Object(
      { min: Type.Number(), max: Type.Number() },
      { description: 'The rating scale of each criterion' },
    ),
    criteria: Type.Array(
      Type.Object({
        criterion: StringEnum(REVIEW_CRITERIA),
        weight: Type.Number({ minimum: 0 }),
        guidance: Type.String({ description: 'What the reviewer looks at' }),
      }),
    ),
    thresholds: Type.Object(
      {
        par30Max: Type.Number({
          description: 'A partner’s PAR30 above this fraction is a red flag',
        }),
        ossMin: Type.Number({
          description: 'A partner’s operational self-sufficiency below this fraction is a red flag',
        }),
        minimumCostRecoveryRate: Type.Number({
          description: 'A capped interest rate below this annual fraction prevents cost recovery',
        }),
      },
      { description: 'The red flags’ thresholds' },
    ),
    secondReviewerAboveUsd: Type.Number({
      description: 'Above this budget (USD) a second reviewer is required',
    }),
    reconciliationTolerance: Type.Number({
      description: 'Two ratings of a criterion further apart than this need reconciling',
    }),
    passingScore: Type.Number({ description: 'The weighted score (0–100) an approval needs' }),
    serviceLevelWorkingDays: Type.Integer({
      description: 'Working days within which a review should be decided',
    }),
    publishedAt: IsoDateTime('When it was published'),
    publishedBy: Type.String(),
    note: Type.Optional(Type.String()),
  },
  { title: 'QualityReviewPolicy' },
);
sameShape<Static<typeof ReviewPolicySchema>, ReviewPolicy>(true);

export const PolicyPublishedSchema = Type.Object(
  {
    version: Type.Integer({ minimum: 2, description: 'The version published' }),
    streamVersion: Type.Integer({
      minimum: 1,
      description: 'The policy stream’s version: its ETag',
    }),
    position: Type.Integer({
      minimum: 0,
      description: 'Global position of the publication (read your writes)',
    }),
    changed: Type.Boolean({ description: 'Whether anything was recorded' }),
  },
  { title: 'QualityReviewPolicyPublished' },
);
