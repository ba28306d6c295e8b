import 'reflect-metadata';
import type { CommandBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import { InMemoryEventStore } from '@sfp/event-sourcing';
import { ProjectionEngine, SqliteReadModelStore } from '@sfp/projections';
import { ContextCommands, ServiceMetrics } from '@sfp/service-kit';
import type { CommandResult, KnowledgeBaseCommand } from '../application/knowledge-base-command';
import {
  GniReferenceController,
  type RecordGniDto,
} from '../gni/application/gni-reference.http.controller';
import { GniTableSchema } from '../gni/application/gni-table.schema';
import { RecordGniHandler } from '../gni/application/record-gni/record-gni.handler';
import { GNI_TABLE_PROJECTION, gniTableProjection } from '../gni/projections/gni-table.projection';
import { ChangeInstitutionStatusHandler } from '../institution/application/change-institution-status/change-institution-status.handler';
import { InstitutionDetailSchema } from '../institution/application/institution-detail.schema';
import type { RegisterInstitutionDto } from '../institution/application/institution.request.dto';
import { InstitutionsController } from '../institution/application/institutions.http.controller';
import { LinkInstitutionToProgrammeHandler } from '../institution/application/link-institution-to-programme/link-institution-to-programme.handler';
import { RegisterInstitutionHandler } from '../institution/application/register-institution/register-institution.handler';
import { exampleInstitution } from '../institution/domain/testing/example-institution';
import { InstitutionProfileController } from '../institution/projections/institution-profile.http.controller';
import {
  INSTITUTION_PROFILES_PROJECTION,
  institutionProfilesProjection,
} from '../institution/projections/institution-profile.projection';
import {
  InstitutionIrisSchema,
  InstitutionListPageSchema,
  InstitutionProfileAnswerSchema,
} from '../institution/projections/institution-views.schema';
import {
  PROGRAMME_MEMBERS_PROJECTION,
  programmeMembersProjection,
} from '../institution/projections/programme-members.projection';
import { FileReportHandler } from '../performance-report/application/file-report/file-report.handler';
import { PerformanceReportDetailSchema } from '../performance-report/application/performance-report-detail.schema';
import type {
  FileReportDto,
  RestateReportDto,
} from '../performance-report/application/performance-report.request.dto';
import { PerformanceReportsController } from '../performance-report/application/performance-reports.http.controller';
import { RestateReportHandler } from '../performance-report/application/restate-report/restate-report.handler';
import { workedExampleA } from '../performance-report/domain/testing/worked-example';
import {
  PERFORMANCE_REPORTS_PROJECTION,
  performanceReportsProjection,
} from '../performance-report/projections/performance-reports.projection';
import { ReportViewsController } from '../performance-report/projections/report-views.http.controller';
import {
  BenchmarksSchema,
  OutreachSchema,
  ReportListPageSchema,
} from '../performance-report/projections/report-views.schema';
import { KNOWLEDGE_BASE_CONTEXT, knowledgeBaseEventTypes } from '../knowledge-base.context';
import { CommandResultSchema } from '../shared/http/command-answers.schema';
import { schemaErrors } from '@sfp/testing';
import { SetTargetHandler } from '../target/application/set-target/set-target.handler';
import type { SetTargetDto } from '../target/application/target.request.dto';
import { TargetsController } from '../target/application/targets.http.controller';
import { TARGETS_PROJECTION, targetsProjection } from '../target/projections/targets.projection';
import { PortfolioViewController } from './portfolio-view.http.controller';
import { ProgrammePortfolioSchema } from './portfolio-view.schema';

/**
 * The bodies the institutions', reports', portfolios' and GNI routes answer,
 * produced by their controllers over a real store and real projections,
 * conform to the schemas the OpenAPI document gives for them: a field the
 * code adds, drops or changes and the schema does not (or the other way
 * round) fails here.
 */
describe('institution, report, portfolio and GNI answers and their schemas', () => {
  const store = new InMemoryEventStore();
  const commands = new ContextCommands({
    context: KNOWLEDGE_BASE_CONTEXT,
    store,
    eventTypes: knowledgeBaseEventTypes(),
    metrics: new ServiceMetrics(),
  });
  const clock = () => new Date('2026-03-02T09:00:00.000Z');
  const handlers = {
    RegisterInstitutionCommand: new RegisterInstitutionHandler(commands, clock),
    ChangeInstitutionStatusCommand: new ChangeInstitutionStatusHandler(commands, clock),
    LinkInstitutionToProgrammeCommand: new LinkInstitutionToProgrammeHandler(commands, clock),
    FileReportCommand: new FileReportHandler(commands, clock),
    RestateReportCommand: new RestateReportHandler(commands, clock),
    RecordGniCommand: new RecordGniHandler(commands, clock),
    SetTargetCommand: new SetTargetHandler(commands, clock),
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
  for (const projection of [
    institutionProfilesProjection,
    programmeMembersProjection,
    performanceReportsProjection,
    targetsProjection,
    gniTableProjection,
  ])
    engine.register(projection as never);
  const VIEWS = [
    INSTITUTION_PROFILES_PROJECTION,
    PROGRAMME_MEMBERS_PROJECTION,
    PERFORMANCE_REPORTS_PROJECTION,
    TARGETS_PROJECTION,
    GNI_TABLE_PROJECTION,
  ];

  const institutions = new InstitutionsController(commandBus, commands, store);
  const profiles = new InstitutionProfileController(store, engine);
  const reports = new PerformanceReportsController(commandBus, commands, store);
  const views = new ReportViewsController(engine);
  const portfolios = new PortfolioViewController(store, engine);
  const gni = new GniReferenceController(commandBus, engine);
  const targets = new TargetsController(commandBus, commands, store, engine);

  const principal = { kind: 'person', id: 'user-1', name: 'analyst', roles: ['admin'] };
  const request = {
    principal,
    baseUrl: '/api/knowledge-base',
    path: '/institutions',
    headers: {},
  } as unknown as Request;
  const headers = new Map<string, string>();
  const res = {
    setHeader: (name: string, value: string) => headers.set(name, value),
  } as unknown as Response;
  const call = () => ({ req: request, res });
  const settled = async (result: CommandResult) => {
    for (const view of VIEWS) await engine.waitForPosition(view, result.position, 5_000);
  };

  beforeAll(() => engine.start());
  afterAll(() => engine.stop());

  it('answers each route with what its schema says', async () => {
    const errors: Record<string, string[]> = {};
    const check = (route: string, schema: Parameters<typeof schemaErrors>[0], body: unknown) => {
      errors[route] = schemaErrors(schema, body);
    };

    const recorded = await gni.record(
      {
        entries: [{ country: 'KE', year: 2025, usd: 2_170 }],
        source: 'WDI test release',
      } as RecordGniDto,
      call(),
    );
    check('recordGniPerCapita', CommandResultSchema, recorded);

    const registered = await institutions.register(
      { ...exampleInstitution } as RegisterInstitutionDto,
      call(),
    );
    check('registerInstitution', CommandResultSchema, registered);
    const id = registered.id;
    // Without a reporting department, sent as null: left out of the record.
    const other = await institutions.register(
      {
        ...exampleInstitution,
        name: 'Second Savings',
        legalType: 'cooperative',
        reportingDepartment: null,
      } as unknown as RegisterInstitutionDto,
      call(),
    );
    check('activateInstitution', CommandResultSchema, await institutions.activate({ id }, call()));
    await institutions.activate({ id: other.id }, call());
    check(
      'suspendInstitution',
      CommandResultSchema,
      await institutions.suspend({ id: other.id }, { reason: 'Licence review' }, call()),
    );
    check(
      'linkInstitutionToProgramme',
      CommandResultSchema,
      await institutions.link({ id }, { programme: 'sfp-green-jobs' }, call()),
    );

    const example = workedExampleA();
    const filed = await reports.file(
      { id },
      {
        ...example,
        currency: 'KES',
        fx: { periodAverage: 129.5, periodEnd: 128.9 },
      } as FileReportDto,
      call(),
    );
    check('filePerformanceReport', CommandResultSchema, filed);
    const { adjustments: _adjustments, ...withoutAdjustments } = example.inputs;
    // An earlier report without adjustments, sent as null: no FSS, and no null in the answers.
    await reports.file(
      { id },
      {
        ...example,
        period: { start: '2024-01-01', end: '2024-12-31' },
        inputs: { ...withoutAdjustments, adjustments: null },
      } as unknown as FileReportDto,
      call(),
    );
    const restated = await reports.restate(
      { reportId: filed.id },
      {
        currency: 'KES',
        fx: { periodAverage: 129.5, periodEnd: 128.9 },
        inputs: { ...example.inputs, par30Balance: 45_000 },
        reason: 'Audited statements',
      } as RestateReportDto,
      call(),
    );
    check('restatePerformanceReport', CommandResultSchema, restated);
    const target = await targets.set(
      {
        scope: 'programme',
        programme: 'sfp-youth',
        indicator: 'oss',
        comparator: 'at-least',
        threshold: 1,
        tolerance: 0.1,
        dueDate: '2026-12-31',
      } as SetTargetDto,
      call(),
    );
    const own = await targets.set(
      {
        scope: 'institution',
        institutionId: id,
        indicator: 'par30',
        comparator: 'at-most',
        threshold: 0.05,
        tolerance: 0.01,
        dueDate: '2026-12-31',
      } as SetTargetDto,
      call(),
    );
    await settled(own.position > target.position ? own : target);

    check(
      'getInstitution',
      InstitutionDetailSchema,
      await institutions.detail({ id }, request, res),
    );
    const list = await profiles.list({}, request, res);
    check('listInstitutions', InstitutionListPageSchema, list);
    const profile = await profiles.profile({ id }, {}, request, res);
    check('getInstitutionProfile', InstitutionProfileAnswerSchema, profile);
    check(
      'getInstitutionIris',
      InstitutionIrisSchema,
      await profiles.iris({ id }, {}, request, res),
    );
    const detail = await reports.detail({ reportId: filed.id }, request, res);
    check('getPerformanceReport', PerformanceReportDetailSchema, detail);
    check('listPerformanceReports', ReportListPageSchema, await views.list({}, request, res));
    check('getBenchmarks', BenchmarksSchema, await views.benchmarks({}, request, res));
    check('getOutreach', OutreachSchema, await views.outreach({}, request, res));
    const portfolio = await portfolios.portfolio({ programme: 'sfp-youth' }, {}, res);
    check('getProgrammePortfolio', ProgrammePortfolioSchema, portfolio);
    check('getGniPerCapitaTable', GniTableSchema, await gni.table({}, res));

    expect(errors).toEqual(Object.fromEntries(Object.keys(errors).map((route) => [route, []])));
    // What the answers hold, so that a conforming answer is not an empty one.
    expect(list).toMatchObject({ items: [{}, {}] });
    expect(profile).toMatchObject({ series: [{}, {}], targets: [{ indicator: 'par30' }] });
    expect(detail).toMatchObject({ version: 2, versions: [{}, {}] });
    expect(portfolio).toMatchObject({ members: [{}, {}], targets: [{ targetId: target.id }] });
    const [older] = (profile as { series: Array<{ ratios: { fss: unknown } }> }).series;
    expect(older?.ratios.fss).toMatchObject({ value: null });
  });

  it('answers CSV variants as text', async () => {
    const csv = { format: 'csv' as const };
    expect(typeof (await profiles.list(csv, request, res))).toBe('string');
    expect(typeof (await views.benchmarks(csv, request, res))).toBe('string');
    expect(typeof (await gni.table(csv, res))).toBe('string');
    expect(headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
  });
});
