import { recordExists, recordNotFound } from '../../shared/domain/knowledge-base.errors';

export class InstitutionNotFoundError extends recordNotFound(
  'INSTITUTION_NOT_FOUND',
  'institution',
) {}

export class InstitutionAlreadyRegisteredError extends recordExists(
  'INSTITUTION_ALREADY_REGISTERED',
  (institutionId) => `Institution ${institutionId} was already registered`,
) {}
