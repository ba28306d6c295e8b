import { KnowledgeBaseError, RecordNotFoundError } from '../../shared/domain/knowledge-base.errors';

export class TargetNotFoundError extends RecordNotFoundError {
  readonly code = 'TARGET_NOT_FOUND';
  constructor(readonly targetId?: string) {
    super('target', targetId);
  }
}

export class TargetAlreadySetError extends KnowledgeBaseError {
  readonly code = 'TARGET_ALREADY_SET';
  constructor(readonly targetId: string) {
    super(`Target ${targetId} was already set`);
  }
}
