import { KnowledgeBaseCommand, type Untimed } from '../../../application/knowledge-base-command';
import type {
  ActivateInstitution,
  CloseInstitution,
  ReinstateInstitution,
  SuspendInstitution,
} from '../../domain/institution.commands';

/** A status change (the decider checks it against the contracts' transition table). */
export type StatusChange = Untimed<
  ActivateInstitution | SuspendInstitution | ReinstateInstitution | CloseInstitution
>;

/** Activates, suspends, reinstates or closes an institution. */
export class ChangeInstitutionStatusCommand extends KnowledgeBaseCommand<{
  institutionId: string;
  change: StatusChange;
}> {}
