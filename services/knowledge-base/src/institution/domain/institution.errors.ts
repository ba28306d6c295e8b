import { KnowledgeBaseError, RecordNotFoundError } from '../../shared/domain/knowledge-base.errors';

export class InstitutionNotFoundError extends RecordNotFoundError {
  readonly code = 'INSTITUTION_NOT_FOUND';
  constructor(readonly institutionId?: string) {
    super('institution', institutionId);
  }
}

export class InstitutionAlreadyRegisteredError extends KnowledgeBaseError {
  readonly code = 'INSTITUTION_ALREADY_REGISTERED';
  constructor(readonly institutionId: string) {
    super(`Institution ${institutionId} was already registered`);
  }
}
