import { KnowledgeBaseCommand } from '../../../application/knowledge-base-command';

/** Adds a programme the institution takes part in. */
export class LinkInstitutionToProgrammeCommand extends KnowledgeBaseCommand<{
  institutionId: string;
  programme: string;
}> {}
