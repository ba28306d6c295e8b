import type { ProjectionDefinition } from '@sfp/projections';
import { addOfferingToProgramme } from './application/add-offering/add-offering.use-case';
import { closeProgramme } from './application/close-programme/close-programme.use-case';
import { LaunchProgrammeController } from './application/launch-programme/launch-programme.http.controller';
import { programmeCommandController } from './application/programme.command-routes';
import { Programmes } from './application/programmes';
import { setProgrammeTargets } from './application/set-programme-targets/set-programme-targets.use-case';
import { PROGRAMME_ERROR_STATUSES } from './domain/programme.errors';
import { PROGRAMME_EVENT_CLASSES } from './domain/programme.events';
import { programmeProgressProjection } from './projections/programme-progress.projection';
import { ProgrammesQueryController } from './projections/programmes.http.controller';

/**
 * Capacity-building programmes, as parts for the training context to mount:
 * their event types (for trainingEventTypes()), refusal statuses (for
 * TRAINING_ERROR_STATUSES), routes under /api/training/programmes, the
 * application service and the read side.
 */
export { PROGRAMME_ERROR_STATUSES, PROGRAMME_EVENT_CLASSES };

/** Launching, then each command's route, then the list and the detail with progress. */
export const PROGRAMME_CONTROLLERS = [
  LaunchProgrammeController,
  programmeCommandController(setProgrammeTargets),
  programmeCommandController(addOfferingToProgramme),
  programmeCommandController(closeProgramme),
  ProgrammesQueryController,
];

export const PROGRAMME_PROVIDERS = [Programmes];

export const PROGRAMME_PROJECTIONS: ReadonlyArray<ProjectionDefinition<never>> = [
  programmeProgressProjection,
];
