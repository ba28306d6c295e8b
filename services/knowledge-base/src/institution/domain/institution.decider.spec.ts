import { deciderSpec } from '@sfp/event-sourcing/testing';
import {
  IllegalTransitionError,
  KnowledgeBaseRuleError,
} from '../../shared/domain/knowledge-base.errors';
import type { RegisterInstitution } from './institution.commands';
import { institutionDecider } from './institution.decider';
import { InstitutionAlreadyRegisteredError, InstitutionNotFoundError } from './institution.errors';
import {
  InstitutionActivated,
  InstitutionClosed,
  InstitutionLinkedToProgramme,
  InstitutionRegistered,
  InstitutionReinstated,
  InstitutionSuspended,
} from './institution.events';
import { exampleInstitution } from './testing/example-institution';

const spec = deciderSpec(institutionDecider);
const at = '2026-01-10T09:00:00.000Z';
const register: RegisterInstitution = {
  type: 'RegisterInstitution',
  institutionId: 'inst-1',
  ...exampleInstitution,
  at,
  by: 'operator-1',
};
const registered = InstitutionRegistered.of({
  institutionId: 'inst-1',
  ...exampleInstitution,
  registeredBy: 'operator-1',
  registeredAt: at,
});
const change = { institutionId: 'inst-1', by: 'operator-1', at };
const activated = InstitutionActivated.of(change);
const suspended = InstitutionSuspended.of({ ...change, reason: 'Licence under review' });

describe('institution decider', () => {
  it('registers once, with a known country and programmes that do not repeat', () => {
    spec.given().when(register).then([registered]);
    spec.given([registered]).when(register).thenThrows(InstitutionAlreadyRegisteredError);
    spec
      .given()
      .when({ ...register, country: 'XX' })
      .thenThrows(KnowledgeBaseRuleError, (e) => expect(e.field).toBe('country'));
    spec
      .given()
      .when({ ...register, programmes: ['a', 'a'] })
      .thenThrows(KnowledgeBaseRuleError);
  });

  it('registered → active → suspended → active → closed', () => {
    const cmd = { at, by: 'operator-1' };
    spec
      .given([registered])
      .when({ type: 'ActivateInstitution', ...cmd })
      .then([activated]);
    spec
      .given([registered, activated])
      .when({ type: 'SuspendInstitution', reason: 'Licence under review', ...cmd })
      .then([suspended]);
    spec
      .given([registered, activated, suspended])
      .when({ type: 'ReinstateInstitution', ...cmd })
      .then([InstitutionReinstated.of(change)]);
    spec
      .given([registered, activated])
      .when({ type: 'CloseInstitution', reason: 'Merged', ...cmd })
      .then([InstitutionClosed.of({ ...change, reason: 'Merged' })]);
    spec
      .given([registered, activated, suspended])
      .when({ type: 'ReinstateInstitution', ...cmd })
      .thenState({ status: 'active', institutionId: 'inst-1', ...exampleInstitution });
  });

  it('refuses transitions out of order', () => {
    const cmd = { at, by: 'operator-1' };
    spec
      .given([registered])
      .when({ type: 'SuspendInstitution', reason: 'x', ...cmd })
      .thenThrows(IllegalTransitionError);
    spec
      .given([registered, activated])
      .when({ type: 'ActivateInstitution', ...cmd })
      .thenThrows(IllegalTransitionError);
    const closed = InstitutionClosed.of({ ...change, reason: 'Merged' });
    spec
      .given([registered, closed])
      .when({ type: 'ReinstateInstitution', ...cmd })
      .thenThrows(IllegalTransitionError);
    spec
      .given([registered, closed])
      .when({ type: 'LinkInstitutionToProgramme', programme: 'p', ...cmd })
      .thenThrows(IllegalTransitionError);
    spec
      .given()
      .when({ type: 'ActivateInstitution', ...cmd })
      .thenThrows(InstitutionNotFoundError);
  });

  it('links a programme once', () => {
    const cmd = { at, by: 'operator-1' };
    spec
      .given([registered])
      .when({ type: 'LinkInstitutionToProgramme', programme: 'sfp-green', ...cmd })
      .then([InstitutionLinkedToProgramme.of({ ...change, programme: 'sfp-green' })]);
    spec
      .given([registered])
      .when({ type: 'LinkInstitutionToProgramme', programme: 'sfp-youth', ...cmd })
      .thenNothingHappens();
  });
});
