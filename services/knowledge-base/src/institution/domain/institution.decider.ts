import {
  INSTITUTION_COMMAND_ALLOWED_FROM,
  type InstitutionCommandType,
  type InstitutionStatus,
} from '@sfp/contracts';
import type { Decider } from '@sfp/event-sourcing/domain';
import {
  assertNever,
  IllegalTransitionError,
  KnowledgeBaseRuleError,
} from '../../shared/domain/knowledge-base.errors';
import { isCountryCode } from '../../shared/domain/reference-data';
import type { InstitutionCommand } from './institution.commands';
import { institutionDetailsOf, type InstitutionDetails } from './institution-details';
import { InstitutionAlreadyRegisteredError, InstitutionNotFoundError } from './institution.errors';
import {
  InstitutionActivated,
  InstitutionClosed,
  InstitutionLinkedToProgramme,
  InstitutionRegistered,
  InstitutionReinstated,
  InstitutionSuspended,
  type InstitutionEvent,
} from './institution.events';

/**
 * registered → active → suspended ⇄ active → closed (closed from any status):
 * the statuses and the allowed transitions are the platform's contracts
 * (libs/contracts), which the console shows.
 */
export type { InstitutionStatus };

export interface KnownInstitution extends InstitutionDetails {
  status: InstitutionStatus;
  institutionId: string;
}

export type InstitutionState = { status: 'none' } | KnownInstitution;

export const institutionDecider: Decider<InstitutionState, InstitutionCommand, InstitutionEvent> = {
  initialState: () => ({ status: 'none' }),
  decide,
  evolve,
};

function decide(command: InstitutionCommand, state: InstitutionState): InstitutionEvent[] {
  if (command.type === 'RegisterInstitution') {
    if (state.status !== 'none') throw new InstitutionAlreadyRegisteredError(state.institutionId);
    if (!isCountryCode(command.country)) {
      throw new KnowledgeBaseRuleError(
        `${command.country} is not an ISO 3166-1 alpha-2 country code`,
        'country',
      );
    }
    checkProgrammes(command.programmes);
    return [
      InstitutionRegistered.of({
        institutionId: command.institutionId,
        ...institutionDetailsOf(command),
        registeredBy: command.by,
        registeredAt: command.at,
      }),
    ];
  }
  if (state.status === 'none') throw new InstitutionNotFoundError();
  allowedFrom(command.type, state);
  const change = { institutionId: state.institutionId, by: command.by, at: command.at };
  switch (command.type) {
    case 'ActivateInstitution':
      return [InstitutionActivated.of(change)];
    case 'SuspendInstitution':
      return [InstitutionSuspended.of({ ...change, reason: command.reason })];
    case 'ReinstateInstitution':
      return [InstitutionReinstated.of(change)];
    case 'CloseInstitution':
      return [InstitutionClosed.of({ ...change, reason: command.reason })];
    case 'LinkInstitutionToProgramme':
      if (state.programmes.includes(command.programme)) return [];
      return [InstitutionLinkedToProgramme.of({ ...change, programme: command.programme })];
    default:
      return assertNever(command);
  }
}

export function evolve(state: InstitutionState, event: InstitutionEvent): InstitutionState {
  if (event.type === 'knowledge-base.InstitutionRegistered') {
    const d = event.data;
    return { status: 'registered', institutionId: d.institutionId, ...institutionDetailsOf(d) };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'knowledge-base.InstitutionActivated':
    case 'knowledge-base.InstitutionReinstated':
      return { ...state, status: 'active' };
    case 'knowledge-base.InstitutionSuspended':
      return { ...state, status: 'suspended' };
    case 'knowledge-base.InstitutionClosed':
      return { ...state, status: 'closed' };
    case 'knowledge-base.InstitutionLinkedToProgramme':
      return { ...state, programmes: [...state.programmes, event.data.programme] };
    default:
      return assertNever(event);
  }
}

/** Refuses a command its status does not allow, by the contracts' table. */
function allowedFrom(command: InstitutionCommandType, state: KnownInstitution): void {
  const statuses = INSTITUTION_COMMAND_ALLOWED_FROM[command];
  if (!statuses.includes(state.status))
    throw new IllegalTransitionError(command, state.status, statuses);
}

function checkProgrammes(programmes: readonly string[]): void {
  if (new Set(programmes).size !== programmes.length) {
    throw new KnowledgeBaseRuleError('Programmes must not repeat', 'programmes');
  }
}
