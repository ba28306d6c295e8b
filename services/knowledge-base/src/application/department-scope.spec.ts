import { randomUUID } from 'node:crypto';
import { InMemoryEventStore } from '@sfp/event-sourcing';
import { ContextCommands, ServiceMetrics } from '@sfp/service-kit';
import { RecordGniCommand } from '../gni/application/record-gni/record-gni.command';
import { RecordGniHandler } from '../gni/application/record-gni/record-gni.handler';
import { ChangeInstitutionStatusCommand } from '../institution/application/change-institution-status/change-institution-status.command';
import { ChangeInstitutionStatusHandler } from '../institution/application/change-institution-status/change-institution-status.handler';
import { RegisterInstitutionCommand } from '../institution/application/register-institution/register-institution.command';
import { RegisterInstitutionHandler } from '../institution/application/register-institution/register-institution.handler';
import { KNOWLEDGE_BASE_CONTEXT, knowledgeBaseEventTypes } from '../knowledge-base.context';
import { SetTargetCommand } from '../target/application/set-target/set-target.command';
import { SetTargetHandler } from '../target/application/set-target/set-target.handler';
import { WithdrawTargetCommand } from '../target/application/withdraw-target/withdraw-target.command';
import { WithdrawTargetHandler } from '../target/application/withdraw-target/withdraw-target.handler';
import type { TargetScope } from '../target/domain/target.events';
import type { CommandContext } from './knowledge-base-command';

/**
 * The department scope of every use case that checks it before deciding: an
 * integration client acts only on its department's institutions and their
 * targets, and never on records of no department (programme and portfolio
 * targets, the GNI table). People (no scope) act on all of them.
 */
describe('department scope of the use cases', () => {
  const commands = new ContextCommands({
    context: KNOWLEDGE_BASE_CONTEXT,
    store: new InMemoryEventStore(),
    eventTypes: knowledgeBaseEventTypes(),
    metrics: new ServiceMetrics(),
  });
  const clock = () => new Date('2026-03-02T09:00:00Z');
  const handlers = {
    register: new RegisterInstitutionHandler(commands, clock),
    status: new ChangeInstitutionStatusHandler(commands, clock),
    setTarget: new SetTargetHandler(commands, clock),
    withdraw: new WithdrawTargetHandler(commands, clock),
    gni: new RecordGniHandler(commands, clock),
  };
  const person: CommandContext = {
    correlationId: 'spec',
    actor: { kind: 'person', id: 'operator-1' },
  };
  const africaClient: CommandContext = {
    correlationId: 'spec',
    actor: { kind: 'integration-client', id: 'ro-africa-system', department: 'ro-africa' },
    scope: 'ro-africa',
  };
  const refused = { code: 'OUT_OF_DEPARTMENT_SCOPE' };

  const register = (reportingDepartment: string, context = person) => {
    const institutionId = randomUUID();
    const registration = {
      type: 'RegisterInstitution' as const,
      institutionId,
      name: `Institution of ${reportingDepartment}`,
      kind: 'microfinance-institution' as const,
      legalType: 'nbfi' as const,
      country: 'KE',
      region: 'africa' as const,
      programmes: [],
      reportingDepartment,
    };
    return handlers.register.execute(new RegisterInstitutionCommand(registration, context));
  };
  const setTarget = (scope: TargetScope, context = person) =>
    handlers.setTarget.execute(
      new SetTargetCommand(
        {
          type: 'SetTarget',
          targetId: randomUUID(),
          scope,
          indicator: 'oss',
          comparator: 'at-least',
          threshold: 1,
          tolerance: 0.1,
          dueDate: '2026-12-31',
        },
        context,
      ),
    );
  const withdraw = (targetId: string, context: CommandContext) =>
    handlers.withdraw.execute(new WithdrawTargetCommand({ targetId, reason: 'spec' }, context));

  it('registers institutions of its own department only', async () => {
    await expect(register('ro-asia-pacific', africaClient)).rejects.toMatchObject(refused);
    await expect(register('ro-africa', africaClient)).resolves.toMatchObject({ changed: true });
  });

  it('changes the status of its own institutions only', async () => {
    const asia = await register('ro-asia-pacific');
    const own = await register('ro-africa');
    const activate = (institutionId: string) =>
      handlers.status.execute(
        new ChangeInstitutionStatusCommand(
          { institutionId, change: { type: 'ActivateInstitution' } },
          africaClient,
        ),
      );
    // Another department's institution is, for the client, one that does not exist.
    const unknown = randomUUID();
    const hidden = (await activate(asia.id).catch((error: Error) => error)) as Error;
    const missing = (await activate(unknown).catch((error: Error) => error)) as Error;
    expect(hidden).toMatchObject({ code: 'INSTITUTION_NOT_FOUND' });
    expect(hidden.message.replace(asia.id, '<id>')).toBe(missing.message.replace(unknown, '<id>'));
    await expect(activate(own.id)).resolves.toMatchObject({ changed: true, streamVersion: 2 });
  });

  it('sets and withdraws targets of its own institutions only; others are unknown to it, and programme and portfolio targets are not its own', async () => {
    const asia = await register('ro-asia-pacific');
    const own = await register('ro-africa');
    const institution = (id: string): TargetScope => ({ kind: 'institution', institutionId: id });
    await expect(setTarget({ kind: 'portfolio' }, africaClient)).rejects.toMatchObject(refused);
    await expect(
      setTarget({ kind: 'programme', programme: 'sfp-youth-employment' }, africaClient),
    ).rejects.toMatchObject(refused);
    await expect(setTarget(institution(asia.id), africaClient)).rejects.toMatchObject({
      code: 'INSTITUTION_NOT_FOUND',
    });
    await expect(setTarget(institution(randomUUID()), africaClient)).rejects.toMatchObject({
      code: 'INSTITUTION_NOT_FOUND',
    });
    const ownTarget = await setTarget(institution(own.id), africaClient);

    const asiaTarget = await setTarget(institution(asia.id));
    const portfolioTarget = await setTarget({ kind: 'portfolio' });
    const notFound = { code: 'TARGET_NOT_FOUND' };
    await expect(withdraw(asiaTarget.id, africaClient)).rejects.toMatchObject(notFound);
    await expect(withdraw(portfolioTarget.id, africaClient)).rejects.toMatchObject(notFound);
    await expect(withdraw(randomUUID(), africaClient)).rejects.toMatchObject({
      code: 'TARGET_NOT_FOUND',
    });
    await expect(withdraw(ownTarget.id, africaClient)).resolves.toMatchObject({ changed: true });
    await expect(withdraw(portfolioTarget.id, person)).resolves.toMatchObject({ changed: true });
  });

  it('leaves the GNI table to people', async () => {
    const gni = (context: CommandContext) =>
      handlers.gni.execute(
        new RecordGniCommand(
          {
            type: 'RecordGniPerCapita',
            entries: [{ country: 'KE', year: 2025, usd: 2_170 }],
            source: 'spec',
          },
          context,
        ),
      );
    await expect(gni(africaClient)).rejects.toMatchObject(refused);
    await expect(gni(person)).resolves.toMatchObject({ changed: true });
  });
});
