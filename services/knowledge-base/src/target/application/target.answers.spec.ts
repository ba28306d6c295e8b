import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { CommandBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import { InMemoryEventStore } from '@sfp/event-sourcing';
import { ProjectionEngine, SqliteReadModelStore } from '@sfp/projections';
import { ContextCommands, ServiceMetrics } from '@sfp/service-kit';
import { runCommand } from '../../application/command-runner';
import type {
  CommandContext,
  KnowledgeBaseCommand,
} from '../../application/knowledge-base-command';
import type { HttpCall } from '../../http/command-dispatch';
import { RegisterInstitutionCommand } from '../../institution/application/register-institution/register-institution.command';
import { RegisterInstitutionHandler } from '../../institution/application/register-institution/register-institution.handler';
import { KNOWLEDGE_BASE_CONTEXT, knowledgeBaseEventTypes } from '../../knowledge-base.context';
import { CommandResultSchema } from '../../shared/http/command-answers.schema';
import { expectConforms } from '@sfp/testing';
import { TARGETS_PROJECTION, targetsProjection } from '../projections/targets.projection';
import { SetTargetHandler } from './set-target/set-target.handler';
import { targetStream } from './target.stream';
import { TargetDetailSchema, TargetPageSchema } from './target.answers';
import type { SetTargetDto } from './target.request.dto';
import { TargetsController } from './targets.http.controller';
import { WithdrawTargetCommand } from './withdraw-target/withdraw-target.command';
import { WithdrawTargetHandler } from './withdraw-target/withdraw-target.handler';

/**
 * The bodies the targets' routes answer, produced by the controller over a
 * real store and projection (targets set, judged, withdrawn), conform to the
 * schemas the OpenAPI document gives for them.
 */
describe('target route answers and their schemas', () => {
  const store = new InMemoryEventStore();
  const commands = new ContextCommands({
    context: KNOWLEDGE_BASE_CONTEXT,
    store,
    eventTypes: knowledgeBaseEventTypes(),
    metrics: new ServiceMetrics(),
  });
  const at = '2026-03-02T09:00:00.000Z';
  const clock = () => new Date(at);
  const handlers = {
    RegisterInstitutionCommand: new RegisterInstitutionHandler(commands, clock),
    SetTargetCommand: new SetTargetHandler(commands, clock),
    WithdrawTargetCommand: new WithdrawTargetHandler(commands, clock),
  };
  const commandBus = {
    execute: (command: KnowledgeBaseCommand<unknown>) =>
      handlers[command.constructor.name as keyof typeof handlers].execute(command as never),
  } as unknown as CommandBus;
  const engine = new ProjectionEngine({
    eventStore: store,
    store: new SqliteReadModelStore({ filename: ':memory:' }),
    pollIntervalMs: 10,
  });
  engine.register(targetsProjection);
  const controller = new TargetsController(commandBus, commands, store, engine);

  const principal = { kind: 'person', id: 'user-1', name: 'analyst', roles: ['admin'] };
  const person: CommandContext = { correlationId: 'spec', actor: { kind: 'person', id: 'user-1' } };
  const request = { principal, baseUrl: '/api/knowledge-base', path: '/targets', headers: {} };
  const call = (): HttpCall => ({
    req: request as unknown as Request,
    res: { setHeader: () => undefined } as unknown as Response,
  });
  const res = {} as Response;

  beforeAll(() => engine.start());
  afterAll(() => engine.stop());

  it('answers each route with what its schema says', async () => {
    const institution = await commandBus.execute(
      new RegisterInstitutionCommand(
        {
          type: 'RegisterInstitution',
          institutionId: randomUUID(),
          name: 'Umoja Microfinance Bank',
          kind: 'microfinance-institution',
          legalType: 'bank',
          country: 'KE',
          region: 'africa',
          programmes: [],
          reportingDepartment: 'ro-africa',
        },
        person,
      ),
    );
    const set = await controller.set(
      {
        scope: 'institution',
        institutionId: institution.id,
        indicator: 'oss',
        comparator: 'at-least',
        threshold: 1,
        tolerance: 0.1,
        dueDate: '2026-12-31',
        description: 'Break-even',
      } as SetTargetDto,
      call(),
    );
    expectConforms(CommandResultSchema, set);
    // The target re-evaluation judges it on the reports: at risk, then no data.
    for (const value of [0.95, null])
      await runCommand(
        commands,
        targetStream(set.id),
        targetStream(set.id).decider,
        () => ({
          type: 'EvaluateTarget' as const,
          value,
          ...(value === null ? { reason: 'No report yet' } : {}),
          basis: { reportIds: value === null ? [] : [randomUUID()], versions: [1], year: 2025 },
          at,
        }),
        person,
        at,
      );
    const portfolio = await controller.set(
      {
        scope: 'portfolio',
        indicator: 'par30',
        comparator: 'at-most',
        threshold: 0.05,
        tolerance: 0.02,
        dueDate: '2027-06-30',
      } as SetTargetDto,
      call(),
    );
    const withdrawn = await controller.withdraw({ id: portfolio.id }, { reason: 'Closed' }, call());
    expectConforms(CommandResultSchema, withdrawn);
    await engine.waitForPosition(TARGETS_PROJECTION, withdrawn.position, 5_000);

    const page = await controller.list({}, res);
    expectConforms(TargetPageSchema, page);
    expect(page).toMatchObject({
      items: [
        { targetId: set.id, status: 'no-data', value: null, history: [{}, {}] },
        { targetId: portfolio.id, active: false, withdrawal: { reason: 'Closed' } },
      ],
    });
    const detail = await controller.detail({ id: set.id }, {}, request as unknown as Request);
    expectConforms(TargetDetailSchema, detail);
    expect(detail.history).toHaveLength(3);
  });

  it('refuses a target that does not exist (404)', async () => {
    await expect(
      controller.detail({ id: randomUUID() }, {}, request as unknown as Request),
    ).rejects.toMatchObject({ code: 'TARGET_NOT_FOUND' });
    await expect(
      commandBus.execute(
        new WithdrawTargetCommand({ targetId: randomUUID(), reason: 'spec' }, person),
      ),
    ).rejects.toMatchObject({ code: 'TARGET_NOT_FOUND' });
  });
});
