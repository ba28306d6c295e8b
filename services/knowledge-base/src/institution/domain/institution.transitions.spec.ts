import {
  INSTITUTION_COMMANDS,
  INSTITUTION_STATUSES,
  isInstitutionCommandAllowed,
  type InstitutionCommandType,
  type InstitutionStatus,
} from '@sfp/contracts';
import { IllegalTransitionError } from '../../shared/domain/knowledge-base.errors';
import type { InstitutionCommand } from './institution.commands';
import { institutionDecider, type KnownInstitution } from './institution.decider';

/**
 * The decider refuses exactly what the contracts' transition table forbids
 * (libs/contracts), for every status and every command given on a registered
 * institution: the status changes the console offers are the ones the
 * knowledge base accepts.
 */
const base = { at: '2026-03-02T09:00:00.000Z', by: 'staff-jkamau' };

/** A well-formed command of each type. Fails to compile if the contracts name a command the knowledge base has not. */
const commands: { [C in InstitutionCommandType]: Extract<InstitutionCommand, { type: C }> } = {
  ActivateInstitution: { type: 'ActivateInstitution', ...base },
  SuspendInstitution: { type: 'SuspendInstitution', reason: 'Licence under review', ...base },
  ReinstateInstitution: { type: 'ReinstateInstitution', ...base },
  CloseInstitution: { type: 'CloseInstitution', reason: 'Merged', ...base },
  LinkInstitutionToProgramme: {
    type: 'LinkInstitutionToProgramme',
    programme: 'sfp-green-jobs',
    ...base,
  },
};

function institutionIn(status: InstitutionStatus): KnownInstitution {
  return {
    status,
    institutionId: '0b6c3f0e-8a55-4d5e-9c1b-5f6a7e8d9c0a',
    name: 'Sahel Youth Finance',
    kind: 'microfinance-institution',
    legalType: 'nbfi',
    country: 'SN',
    region: 'africa',
    programmes: ['sfp-youth-employment'],
  };
}

const pairs = INSTITUTION_STATUSES.flatMap((status) =>
  INSTITUTION_COMMANDS.map((command) => [status, command] as const),
);

describe('institution transitions', () => {
  it.each(pairs)(
    'in status %s, %s is refused exactly when the contracts forbid it',
    (status, type) => {
      const decide = () => institutionDecider.decide(commands[type], institutionIn(status));
      if (isInstitutionCommandAllowed(type, status)) {
        expect(decide).not.toThrow();
      } else {
        expect(decide).toThrow(IllegalTransitionError);
      }
    },
  );
});
