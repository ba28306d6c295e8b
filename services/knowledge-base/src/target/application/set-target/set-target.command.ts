import { KnowledgeBaseCommand, type Untimed } from '../../../application/knowledge-base-command';
import type { SetTarget } from '../../domain/target.commands';

/**
 * Sets a target on an institution, a programme or the portfolio. The target
 * re-evaluation judges it on the reports already there, after the answer.
 */
export class SetTargetCommand extends KnowledgeBaseCommand<Untimed<SetTarget>> {}
