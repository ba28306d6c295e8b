import { KnowledgeBaseError, RecordNotFoundError } from '../../shared/domain/knowledge-base.errors';

export class LibraryEntryNotFoundError extends RecordNotFoundError {
  readonly code = 'LIBRARY_ENTRY_NOT_FOUND';
  constructor(readonly kind: string) {
    super(kind, undefined);
  }
}

export class LibraryEntryAlreadyRecordedError extends KnowledgeBaseError {
  readonly code = 'LIBRARY_ENTRY_ALREADY_RECORDED';
  constructor(readonly kind: string) {
    super(`The ${kind} was already recorded; revise it instead`);
  }
}
