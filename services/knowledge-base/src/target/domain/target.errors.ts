import { recordExists, recordNotFound } from '../../shared/domain/knowledge-base.errors';

export class TargetNotFoundError extends recordNotFound('TARGET_NOT_FOUND', 'target') {}

export class TargetAlreadySetError extends recordExists(
  'TARGET_ALREADY_SET',
  (targetId) => `Target ${targetId} was already set`,
) {}
