import { KnowledgeBaseError } from '../../shared/domain/knowledge-base.errors';

export class LibraryEntryNotFoundError extends KnowledgeBaseError {
  readonly code = 'LIBRARY_ENTRY_NOT_FOUND';
  constructor(readonly kind: string) {
    super(`The ${kind} does not exist`);
    this.name = 'LibraryEntryNotFoundError';
  }
}

export class LibraryEntryAlreadyRecordedError extends KnowledgeBaseError {
  readonly code = 'LIBRARY_ENTRY_ALREADY_RECORDED';
  constructor(readonly kind: string) {
    super(`The ${kind} was already recorded; revise it instead`);
    this.name = 'LibraryEntryAlreadyRecordedError';
  }
}
