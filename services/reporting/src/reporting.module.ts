import { Module, type DynamicModule } from '@nestjs/common';
import { ProjectionEngine } from '@sfp/projections';
import { PlatformProjections } from './operations/platform-projections';
import { ProjectionOperationsController } from './operations/projection-operations.http.controller';
import { ReportingReader } from './query/reporting-reader';
import { ViewsController } from './query/views.http.controller';
import { ReportingRegistry } from './registry/reporting-registry';
import { ProgressReportController } from './report/progress-report.http.controller';
import {
  DEFAULT_QUERY_BOUNDS,
  REPORTING_PROJECTIONS,
  REPORTING_RUNTIME,
  type ReportingRuntime,
} from './reporting.runtime';
import { PLATFORM_PROJECTIONS, REPORTING_READER } from './reporting.tokens';
import { ReportingWorkers } from './reporting.workers';

/**
 * Reporting: projections over every context's public events, the analyst
 * query API, the Governing Body progress report and the platform's
 * projection operations. Mount it under /api/reporting (RouterModule); give
 * it a runtime built by the embedded host or the standalone main.
 */
@Module({})
export class ReportingModule {
  static register(runtime: ReportingRuntime): DynamicModule {
    const registry = new ReportingRegistry(runtime.plugins);
    const engine = new ProjectionEngine({
      eventStore: runtime.log,
      store: runtime.readModels,
      logger: runtime.logger,
      ...(runtime.projectionStallAfterMs ? { stallAfterMs: runtime.projectionStallAfterMs } : {}),
    });
    return {
      module: ReportingModule,
      controllers: [ViewsController, ProgressReportController, ProjectionOperationsController],
      providers: [
        { provide: REPORTING_RUNTIME, useValue: runtime },
        { provide: REPORTING_PROJECTIONS, useValue: engine },
        {
          provide: REPORTING_READER,
          useValue: new ReportingReader(
            engine,
            runtime.log,
            registry,
            { ...DEFAULT_QUERY_BOUNDS, ...runtime.bounds },
            runtime.clock,
          ),
        },
        {
          provide: PLATFORM_PROJECTIONS,
          useValue: new PlatformProjections(engine, runtime.projectionSources),
        },
        ReportingWorkers,
      ],
      exports: [REPORTING_RUNTIME, REPORTING_PROJECTIONS, REPORTING_READER, ReportingWorkers],
    };
  }
}
