import { CommandHandler } from '@nestjs/cqrs';
import {
  assertInDepartment,
  type CommandResult,
} from '../../../application/knowledge-base-command';
import { KnowledgeBaseCommandHandler } from '../../../application/knowledge-base-command.handler';
import { targetStream } from '../target.stream';
import { WithdrawTargetCommand } from './withdraw-target.command';

@CommandHandler(WithdrawTargetCommand)
export class WithdrawTargetHandler extends KnowledgeBaseCommandHandler<WithdrawTargetCommand> {
  async execute({ request, context }: WithdrawTargetCommand): Promise<CommandResult> {
    const stream = targetStream(request.targetId);
    if (context.scope !== undefined) await this.assertInScope(stream, context.scope);
    return this.run(stream, context, (timed) => ({
      type: 'WithdrawTarget' as const,
      reason: request.reason,
      ...timed,
    }));
  }

  /** An integration client withdraws only the targets of its department's institutions. */
  private async assertInScope(
    { streamId, decider }: ReturnType<typeof targetStream>,
    scope: string,
  ): Promise<void> {
    const { state } = await this.commands.load(streamId, decider);
    if (state.status === 'none') return; // the decider answers 404
    const target = state.target.scope;
    if (target.kind !== 'institution') return assertInDepartment(scope, undefined);
    assertInDepartment(scope, (await this.institution(target.institutionId)).reportingDepartment);
  }
}
