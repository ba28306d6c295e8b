import { CommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '../../../application/knowledge-base-command';
import { KnowledgeBaseCommandHandler } from '../../../application/knowledge-base-command.handler';
import { institutionStream } from '../institution.stream';
import { LinkInstitutionToProgrammeCommand } from './link-institution-to-programme.command';

@CommandHandler(LinkInstitutionToProgrammeCommand)
export class LinkInstitutionToProgrammeHandler extends KnowledgeBaseCommandHandler<LinkInstitutionToProgrammeCommand> {
  async execute({ request, context }: LinkInstitutionToProgrammeCommand): Promise<CommandResult> {
    await this.assertInstitutionInScope(request.institutionId, context);
    return this.run(institutionStream(request.institutionId), context, (timed) => ({
      type: 'LinkInstitutionToProgramme' as const,
      programme: request.programme,
      ...timed,
    }));
  }
}
