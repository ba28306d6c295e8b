import { Type, type Static } from '@sinclair/typebox';
import { COST_BENEFIT_PARTIES } from '@sfp/contracts';
import { commandResultFields, type MutuallyAssignable } from '@sfp/service-kit';
import type { CostBenefitAnswer } from './record-cost-benefit/record-cost-benefit.result';
import type { MilestonePlannedAnswer } from './plan-milestone/plan-milestone.result';
import type { PublicationAnswer } from './publish-findings/publish-findings.result';
import type { ResearchCommandResult } from './research-projects';

const resultFields = commandResultFields('projectId', {
  id: 'The research project’s id',
  version: 'The project’s version after the command: its new ETag',
});

/** What every research project command answers. */
export const ResearchCommandResultSchema = Type.Object(resultFields, {
  title: 'ResearchCommandResult',
});

/** A milestone planned: its new id. */
export const MilestonePlannedAnswerSchema = Type.Object(
  {
    ...resultFields,
    milestoneId: Type.String({
      format: 'uuid',
      description: 'The new milestone’s id (to reschedule or complete it)',
    }),
  },
  { title: 'ResearchMilestonePlanned' },
);

const byParty = (what: string) =>
  Type.Object(
    Object.fromEntries(
      COST_BENEFIT_PARTIES.map((party) => [
        party,
        Type.Number({ description: `${what} ${party}` }),
      ]),
    ) as Record<(typeof COST_BENEFIT_PARTIES)[number], ReturnType<typeof Type.Number>>,
    { description: `Present values by party: ${what.toLowerCase()} each` },
  );

/** What a cost-benefit analysis comes to (computed from the flows entered, never typed in). */
export const CostBenefitResultSchema = Type.Object(
  {
    presentValueOfCosts: Type.Number({ description: 'Present value of the costs' }),
    presentValueOfBenefits: Type.Number({ description: 'Present value of the benefits' }),
    netPresentValue: Type.Number({
      description: 'Present value of the benefits less that of the costs',
    }),
    benefitCostRatio: Type.Union([Type.Number(), Type.Null()], {
      description:
        'Present value of the benefits over that of the costs; null when there is no cost',
    }),
    costsByParty: byParty('Costs borne by'),
    benefitsByParty: byParty('Benefits gained by'),
  },
  { title: 'ResearchCostBenefitResult' },
);

/** A cost-benefit analysis recorded: what it comes to. */
export const CostBenefitAnswerSchema = Type.Object(
  { ...resultFields, result: CostBenefitResultSchema },
  { title: 'ResearchCostBenefitRecorded' },
);

/** Findings published: the version of the publication. */
export const PublicationAnswerSchema = Type.Object(
  {
    ...resultFields,
    publicationVersion: Type.Integer({
      minimum: 1,
      description: '1 for the first publication, then 2, 3, … for each correction',
    }),
  },
  { title: 'ResearchFindingsPublished' },
);

const resultMatches: MutuallyAssignable<
  Static<typeof ResearchCommandResultSchema>,
  ResearchCommandResult
> = true;
const milestoneMatches: MutuallyAssignable<
  Static<typeof MilestonePlannedAnswerSchema>,
  MilestonePlannedAnswer
> = true;
const costBenefitMatches: MutuallyAssignable<
  Static<typeof CostBenefitAnswerSchema>,
  CostBenefitAnswer
> = true;
const publicationMatches: MutuallyAssignable<
  Static<typeof PublicationAnswerSchema>,
  PublicationAnswer
> = true;
void resultMatches;
void milestoneMatches;
void costBenefitMatches;
void publicationMatches;
