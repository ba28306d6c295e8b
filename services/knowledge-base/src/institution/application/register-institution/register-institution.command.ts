import { KnowledgeBaseCommand, type Untimed } from '../../../application/knowledge-base-command';
import type { RegisterInstitution } from '../../domain/institution.commands';

/** Registers an institution under a new id (random over HTTP, derived from the message id by message). */
export class RegisterInstitutionCommand extends KnowledgeBaseCommand<
  Untimed<RegisterInstitution>
> {}
