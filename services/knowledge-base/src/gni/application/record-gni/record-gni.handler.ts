import { CommandHandler } from '@nestjs/cqrs';
import {
  assertInDepartment,
  type CommandResult,
} from '../../../application/knowledge-base-command';
import { KnowledgeBaseCommandHandler } from '../../../application/knowledge-base-command.handler';
import { gniReferenceStream } from '../gni-reference.stream';
import { RecordGniCommand } from './record-gni.command';

@CommandHandler(RecordGniCommand)
export class RecordGniHandler extends KnowledgeBaseCommandHandler<RecordGniCommand> {
  async execute({ request, context }: RecordGniCommand): Promise<CommandResult> {
    // The reference table belongs to no department: no integration client changes it.
    assertInDepartment(context.scope, undefined);
    return this.run(gniReferenceStream(), context, (timed) => ({ ...request, ...timed }));
  }
}
