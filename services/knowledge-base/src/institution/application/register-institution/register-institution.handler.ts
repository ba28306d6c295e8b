import { CommandHandler } from '@nestjs/cqrs';
import {
  assertInDepartment,
  type CommandResult,
} from '../../../application/knowledge-base-command';
import { KnowledgeBaseCommandHandler } from '../../../application/knowledge-base-command.handler';
import { institutionStream } from '../institution.stream';
import { RegisterInstitutionCommand } from './register-institution.command';

@CommandHandler(RegisterInstitutionCommand)
export class RegisterInstitutionHandler extends KnowledgeBaseCommandHandler<RegisterInstitutionCommand> {
  async execute({ request, context }: RegisterInstitutionCommand): Promise<CommandResult> {
    // An integration client registers only institutions its department reports on.
    assertInDepartment(context.scope, request.reportingDepartment);
    const stream = institutionStream(request.institutionId);
    return this.run(stream, context, (timed) => ({ ...request, ...timed }));
  }
}
