import { DEFINITION_RULES, projectDefinitionOf } from '../project-definition.dto';
import { researchCommand } from '../research-project.command-routes';
import { ReviseResearchProjectDto } from './revise-project.request.dto';

/** The project as edited; its hypotheses and design only until the baseline survey starts. POST /projects/:id/revise */
export const reviseResearchProject = researchCommand({
  path: 'revise',
  commandType: 'ReviseProject',
  operationId: 'reviseResearchProject',
  summary:
    'Revise the project (all of it); its hypotheses and design are fixed once the baseline survey starts.',
  done: 'Revised',
  dto: ReviseResearchProjectDto,
  rules: `${DEFINITION_RULES}, or a change of the hypotheses or the design after the baseline survey started (code RULE_VIOLATED)`,
  command: (dto, _params, projects) => {
    const project = projectDefinitionOf(dto.project);
    return async () => ({
      type: 'ReviseProject',
      project,
      reason: dto.reason,
      unknownPartners: await projects.unknownPartners(project.partnerInstitutionIds),
    });
  },
});
