import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ProjectionEngine } from '@sfp/projections';
import { LOGGER } from '@sfp/service-kit';
import { GniReferenceController } from './gni/application/gni-reference.http.controller';
import { RecordGniHandler } from './gni/application/record-gni/record-gni.handler';
import { ChangeInstitutionStatusHandler } from './institution/application/change-institution-status/change-institution-status.handler';
import { InstitutionsController } from './institution/application/institutions.http.controller';
import { LinkInstitutionToProgrammeHandler } from './institution/application/link-institution-to-programme/link-institution-to-programme.handler';
import { RegisterInstitutionHandler } from './institution/application/register-institution/register-institution.handler';
import { InstitutionProfileController } from './institution/projections/institution-profile.http.controller';
import {
  KNOWLEDGE_BASE_PROJECTIONS,
  KNOWLEDGE_BASE_RUNTIME,
  type KnowledgeBaseRuntime,
} from './knowledge-base.runtime';
import { KnowledgeBaseWorkers } from './knowledge-base.workers';
import { LibraryController } from './library/application/library.http.controller';
import { RecordLibraryEntryHandler } from './library/application/record-library-entry/record-library-entry.handler';
import { ProjectionsController } from './operations/projections.http.controller';
import { FileReportHandler } from './performance-report/application/file-report/file-report.handler';
import { PerformanceReportsController } from './performance-report/application/performance-reports.http.controller';
import { RestateReportHandler } from './performance-report/application/restate-report/restate-report.handler';
import { ReportViewsController } from './performance-report/projections/report-views.http.controller';
import { PortfolioViewController } from './portfolio/portfolio-view.http.controller';
import { SetTargetHandler } from './target/application/set-target/set-target.handler';
import { TargetsController } from './target/application/targets.http.controller';
import { WithdrawTargetHandler } from './target/application/withdraw-target/withdraw-target.handler';

/** One handler per use case (a command, or a small group of one record's commands). */
const COMMAND_HANDLERS = [
  RegisterInstitutionHandler,
  ChangeInstitutionStatusHandler,
  LinkInstitutionToProgrammeHandler,
  FileReportHandler,
  RestateReportHandler,
  SetTargetHandler,
  WithdrawTargetHandler,
  RecordGniHandler,
  RecordLibraryEntryHandler,
];

/**
 * The knowledge base bounded context: institutions, performance reports and
 * their ratios, targets, benchmarks, impact assessments and practice notes.
 * Mount it under /api/knowledge-base (RouterModule); give it a runtime built
 * by the embedded host or the standalone main.
 */
@Module({})
export class KnowledgeBaseModule {
  static register(runtime: KnowledgeBaseRuntime): DynamicModule {
    return {
      module: KnowledgeBaseModule,
      imports: [CqrsModule],
      controllers: [
        InstitutionProfileController,
        InstitutionsController,
        PerformanceReportsController,
        ReportViewsController,
        TargetsController,
        PortfolioViewController,
        GniReferenceController,
        LibraryController,
        ProjectionsController,
      ],
      providers: [
        { provide: KNOWLEDGE_BASE_RUNTIME, useValue: runtime },
        { provide: LOGGER, useValue: runtime.logger },
        {
          provide: KNOWLEDGE_BASE_PROJECTIONS,
          useFactory: () =>
            new ProjectionEngine({
              eventStore: runtime.eventStore,
              store: runtime.readModels,
              logger: runtime.logger,
            }),
        },
        ...COMMAND_HANDLERS,
        KnowledgeBaseWorkers,
      ],
      exports: [KNOWLEDGE_BASE_RUNTIME, KNOWLEDGE_BASE_PROJECTIONS, KnowledgeBaseWorkers],
    };
  }
}
