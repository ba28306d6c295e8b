import { researchCommand } from '../research-project.command-routes';
import { RecordResearchRecommendationsDto } from './record-recommendations.request.dto';

/** The project's recommendations for policy and practice, all of them. POST /projects/:id/recommendations */
export const recordResearchRecommendations = researchCommand({
  path: 'recommendations',
  commandType: 'RecordRecommendations',
  operationId: 'recordResearchRecommendations',
  summary:
    'Record the project’s recommendations for policy and practice (replacing the earlier ones).',
  done: 'Recorded',
  dto: RecordResearchRecommendationsDto,
  command: (dto) => ({
    type: 'RecordRecommendations',
    recommendations: dto.recommendations.map((r) => ({ audience: r.audience, text: r.text })),
  }),
});
