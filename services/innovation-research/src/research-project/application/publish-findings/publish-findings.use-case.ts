import { PublicationAnswerSchema } from '../research-project.answers';
import { researchCommand } from '../research-project.command-routes';
import type { PublicationAnswer } from './publish-findings.result';
import { PublishResearchFindingsDto } from './publish-findings.request.dto';

/** The findings published as a public event (a correction: the next version). POST /projects/:id/publish */
export const publishResearchFindings = researchCommand({
  path: 'publish',
  commandType: 'PublishFindings',
  operationId: 'publishResearchFindings',
  summary:
    'Publish the findings (a public event the knowledge base turns into impact assessments and a practice note); again later: a correction, with its reason.',
  done: 'Published: the publication’s version',
  dto: PublishResearchFindingsDto,
  schema: PublicationAnswerSchema,
  rules: 'A correction without its reason (code RULE_VIOLATED)',
  guard:
    'the first publication needs a finding on every hypothesis and a cost-benefit analysis; an abandoned project, a finding or a recommendation',
  command: (dto) => ({
    type: 'PublishFindings',
    summary: dto.summary,
    ...(dto.correctionReason ? { correctionReason: dto.correctionReason } : {}),
  }),
  run: async (projects, { id }, context, command): Promise<PublicationAnswer> => {
    const { result, events } = await projects.decide(id, command, context);
    const published = events.find(
      (event) => event.type === 'innovation-research.FindingsPublished',
    );
    if (published?.type !== 'innovation-research.FindingsPublished')
      throw new Error(`The findings of research project ${id} were not published`);
    return { ...result, publicationVersion: published.data.publication.version };
  },
});
