import { CommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '../../../application/knowledge-base-command';
import { KnowledgeBaseCommandHandler } from '../../../application/knowledge-base-command.handler';
import { TargetNotFoundError } from '../../domain/target.errors';
import { targetStream } from '../target.stream';
import { WithdrawTargetCommand } from './withdraw-target.command';

@CommandHandler(WithdrawTargetCommand)
export class WithdrawTargetHandler extends KnowledgeBaseCommandHandler<WithdrawTargetCommand> {
  async execute({ request, context }: WithdrawTargetCommand): Promise<CommandResult> {
    const stream = targetStream(request.targetId);
    if (context.scope !== undefined) {
      await this.assertInScope(stream, request.targetId, context.scope);
    }
    return this.run(stream, context, (timed) => ({
      type: 'WithdrawTarget' as const,
      reason: request.reason,
      ...timed,
    }));
  }

  /**
   * An integration client withdraws only the targets of its department's
   * institutions; any other target is, for it, one that does not exist.
   */
  private async assertInScope(
    { streamId, decider }: ReturnType<typeof targetStream>,
    targetId: string,
    scope: string,
  ): Promise<void> {
    const { state } = await this.commands.load(streamId, decider);
    if (state.status === 'none') return; // the decider answers 404
    const target = state.target.scope;
    const department =
      target.kind === 'institution'
        ? (await this.institution(target.institutionId)).reportingDepartment
        : undefined;
    if (department !== scope) throw new TargetNotFoundError(targetId);
  }
}
