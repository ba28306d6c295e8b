import { CommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '../../../application/knowledge-base-command';
import { KnowledgeBaseCommandHandler } from '../../../application/knowledge-base-command.handler';
import { institutionStream } from '../institution.stream';
import { ChangeInstitutionStatusCommand } from './change-institution-status.command';

@CommandHandler(ChangeInstitutionStatusCommand)
export class ChangeInstitutionStatusHandler extends KnowledgeBaseCommandHandler<ChangeInstitutionStatusCommand> {
  async execute({ request, context }: ChangeInstitutionStatusCommand): Promise<CommandResult> {
    const { institutionId, change } = request;
    await this.assertInstitutionInScope(institutionId, context);
    return this.run(institutionStream(institutionId), context, (timed) => ({
      ...change,
      ...timed,
    }));
  }
}
