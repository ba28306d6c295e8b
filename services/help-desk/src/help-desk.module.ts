import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ProjectionEngine } from '@sfp/projections';
import {
  HELP_DESK_PROJECTIONS,
  HELP_DESK_RUNTIME,
  type HelpDeskRuntime,
} from './help-desk.runtime';
import { ProjectionsController } from './operations/projections.http.controller';
import { PersonalDataErasureController } from './personal-data/personal-data-erasure.http.controller';
import { RequestsQueryController } from './service-request/projections/requests/requests.http.controller';
import { HelpDeskWorkers } from './help-desk.workers';
import { ExecuteServiceRequestCommandHandler } from './service-request/application/commands/execute-service-request-command.handler';
import { ServiceRequestCommandsController } from './service-request/application/commands/service-request-commands.http.controller';
import { RequestDetailController } from './service-request/projections/request-detail/request-detail.http.controller';

/**
 * The help desk bounded context. Mount it under /api/help-desk (RouterModule);
 * give it a runtime built by the embedded host or the standalone main.
 */
@Module({})
export class HelpDeskModule {
  static register(runtime: HelpDeskRuntime): DynamicModule {
    return {
      module: HelpDeskModule,
      imports: [CqrsModule],
      controllers: [
        ServiceRequestCommandsController,
        RequestsQueryController,
        RequestDetailController,
        PersonalDataErasureController,
        ProjectionsController,
      ],
      providers: [
        { provide: HELP_DESK_RUNTIME, useValue: runtime },
        {
          provide: HELP_DESK_PROJECTIONS,
          useFactory: () =>
            new ProjectionEngine({
              eventStore: runtime.eventStore,
              store: runtime.readModels,
              logger: runtime.logger,
            }),
        },
        ExecuteServiceRequestCommandHandler,
        HelpDeskWorkers,
      ],
      exports: [HELP_DESK_RUNTIME, HELP_DESK_PROJECTIONS, HelpDeskWorkers],
    };
  }
}
