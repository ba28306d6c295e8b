import { KnowledgeBaseError } from '../../shared/domain/knowledge-base.errors';

export class InstitutionNotFoundError extends KnowledgeBaseError {
  readonly code = 'INSTITUTION_NOT_FOUND';
  constructor(readonly institutionId?: string) {
    super(
      institutionId
        ? `Institution ${institutionId} does not exist`
        : 'The institution does not exist',
    );
    this.name = 'InstitutionNotFoundError';
  }
}

export class InstitutionAlreadyRegisteredError extends KnowledgeBaseError {
  readonly code = 'INSTITUTION_ALREADY_REGISTERED';
  constructor(readonly institutionId: string) {
    super(`Institution ${institutionId} was already registered`);
    this.name = 'InstitutionAlreadyRegisteredError';
  }
}
