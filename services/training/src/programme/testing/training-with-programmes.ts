import { defineService, type ServiceDefinition } from '@sfp/service-kit';
import { trainingService } from '../../training.service';
import {
  PROGRAMME_CONTROLLERS,
  PROGRAMME_ERROR_STATUSES,
  PROGRAMME_EVENT_CLASSES,
  PROGRAMME_PROJECTIONS,
  PROGRAMME_PROVIDERS,
} from '../programme.module-parts';

/**
 * The training service with the programme parts mounted, as training.service.ts
 * and training.context.ts mount them once wired (then it is the service
 * itself): for the programme specs to run the routes over HTTP either way.
 */
export function trainingWithProgrammes(): ServiceDefinition {
  const wired = (trainingService.controllers ?? []).includes(PROGRAMME_CONTROLLERS[0]);
  if (wired) return trainingService;
  return defineService({
    context: trainingService.context,
    title: trainingService.title,
    description: trainingService.description,
    defaultPort: trainingService.defaultPort,
    ...(trainingService.personalData ? { personalData: true } : {}),
    eventTypes: () => trainingService.eventTypes().register(...PROGRAMME_EVENT_CLASSES),
    errorStatuses: { ...trainingService.errorStatuses, ...PROGRAMME_ERROR_STATUSES },
    controllers: [...(trainingService.controllers ?? []), ...PROGRAMME_CONTROLLERS],
    providers: [...(trainingService.providers ?? []), ...PROGRAMME_PROVIDERS],
    projections: [...(trainingService.projections ?? []), ...PROGRAMME_PROJECTIONS],
    ...(trainingService.reactors ? { reactors: trainingService.reactors } : {}),
    ...(trainingService.inboundCommands
      ? { inboundCommands: trainingService.inboundCommands }
      : {}),
    ...(trainingService.workers ? { workers: trainingService.workers } : {}),
  });
}
