import { KnowledgeBaseError } from '../../shared/domain/knowledge-base.errors';

export class TargetNotFoundError extends KnowledgeBaseError {
  readonly code = 'TARGET_NOT_FOUND';
  constructor(readonly targetId?: string) {
    super(targetId ? `Target ${targetId} does not exist` : 'The target does not exist');
    this.name = 'TargetNotFoundError';
  }
}

export class TargetAlreadySetError extends KnowledgeBaseError {
  readonly code = 'TARGET_ALREADY_SET';
  constructor(readonly targetId: string) {
    super(`Target ${targetId} was already set`);
    this.name = 'TargetAlreadySetError';
  }
}
