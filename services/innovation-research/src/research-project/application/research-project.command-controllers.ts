import { abandonResearchProject } from './abandon-project/abandon-project.use-case';
import { advanceResearchPhase } from './advance-phase/advance-phase.use-case';
import { approveInnovationDesign } from './approve-innovation-design/approve-innovation-design.use-case';
import { approveResearchProject } from './approve-project/approve-project.use-case';
import { closeResearchProject } from './close-project/close-project.use-case';
import { completeResearchMilestone } from './complete-milestone/complete-milestone.use-case';
import { planResearchMilestone } from './plan-milestone/plan-milestone.use-case';
import { ProposeResearchProjectController } from './propose-project/propose-project.http.controller';
import { publishResearchFindings } from './publish-findings/publish-findings.use-case';
import { recordResearchCostBenefit } from './record-cost-benefit/record-cost-benefit.use-case';
import { recordResearchFinding } from './record-finding/record-finding.use-case';
import { recordResearchRecommendations } from './record-recommendations/record-recommendations.use-case';
import { recordResearchSurveyRound } from './record-survey-round/record-survey-round.use-case';
import { rescheduleResearchMilestone } from './reschedule-milestone/reschedule-milestone.use-case';
import { researchCommandController } from './research-project.command-routes';
import { resumeResearchProject } from './resume-project/resume-project.use-case';
import { reviseResearchProject } from './revise-project/revise-project.use-case';
import { suspendResearchProject } from './suspend-project/suspend-project.use-case';

/** One controller per command of a research project: proposing it, then each use case's route. */
export const RESEARCH_PROJECT_COMMAND_CONTROLLERS = [
  ProposeResearchProjectController,
  researchCommandController(reviseResearchProject),
  researchCommandController(approveResearchProject),
  researchCommandController(advanceResearchPhase),
  researchCommandController(approveInnovationDesign),
  researchCommandController(recordResearchSurveyRound),
  researchCommandController(planResearchMilestone),
  researchCommandController(rescheduleResearchMilestone),
  researchCommandController(completeResearchMilestone),
  researchCommandController(recordResearchFinding),
  researchCommandController(recordResearchCostBenefit),
  researchCommandController(recordResearchRecommendations),
  researchCommandController(publishResearchFindings),
  researchCommandController(suspendResearchProject),
  researchCommandController(resumeResearchProject),
  researchCommandController(abandonResearchProject),
  researchCommandController(closeResearchProject),
];
