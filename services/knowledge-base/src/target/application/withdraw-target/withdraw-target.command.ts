import { KnowledgeBaseCommand } from '../../../application/knowledge-base-command';

/** Withdraws a target: it keeps its history and is judged no more. */
export class WithdrawTargetCommand extends KnowledgeBaseCommand<{
  targetId: string;
  reason: string;
}> {}
