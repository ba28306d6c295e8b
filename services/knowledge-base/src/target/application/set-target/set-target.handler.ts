import { CommandHandler } from '@nestjs/cqrs';
import {
  assertInDepartment,
  type CommandResult,
} from '../../../application/knowledge-base-command';
import { KnowledgeBaseCommandHandler } from '../../../application/knowledge-base-command.handler';
import { targetStream } from '../target.stream';
import { SetTargetCommand } from './set-target.command';

@CommandHandler(SetTargetCommand)
export class SetTargetHandler extends KnowledgeBaseCommandHandler<SetTargetCommand> {
  async execute({ request, context }: SetTargetCommand): Promise<CommandResult> {
    const scope = request.scope;
    // An institution's target needs the institution (404); programme and portfolio
    // targets belong to no department, so no integration client sets them.
    // Another department's institution is, for a client, one that does not exist.
    if (scope.kind === 'institution')
      await this.assertInstitutionInScope(scope.institutionId, context);
    else assertInDepartment(context.scope, undefined);
    return this.run(targetStream(request.targetId), context, (timed) => ({ ...request, ...timed }));
  }
}
