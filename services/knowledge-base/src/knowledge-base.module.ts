import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ProjectionEngine } from '@sfp/projections';
import { ExecuteKnowledgeBaseCommandHandler } from './application/execute-knowledge-base-command.handler';
import { GniReferenceController } from './gni/application/gni-reference.http.controller';
import { InstitutionsController } from './institution/application/institutions.http.controller';
import { InstitutionProfileController } from './institution/projections/institution-profile.http.controller';
import {
  KNOWLEDGE_BASE_PROJECTIONS,
  KNOWLEDGE_BASE_RUNTIME,
  type KnowledgeBaseRuntime,
} from './knowledge-base.runtime';
import { KnowledgeBaseWorkers } from './knowledge-base.workers';
import { LibraryController } from './library/application/library.http.controller';
import { ProjectionsController } from './operations/projections.http.controller';
import { PerformanceReportsController } from './performance-report/application/performance-reports.http.controller';
import { ReportViewsController } from './performance-report/projections/report-views.http.controller';
import { PortfolioViewController } from './portfolio/portfolio-view.http.controller';
import { TargetsController } from './target/application/targets.http.controller';

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
        {
          provide: KNOWLEDGE_BASE_PROJECTIONS,
          useFactory: () =>
            new ProjectionEngine({
              eventStore: runtime.eventStore,
              store: runtime.readModels,
              logger: runtime.logger,
            }),
        },
        ExecuteKnowledgeBaseCommandHandler,
        KnowledgeBaseWorkers,
      ],
      exports: [KNOWLEDGE_BASE_RUNTIME, KNOWLEDGE_BASE_PROJECTIONS, KnowledgeBaseWorkers],
    };
  }
}
