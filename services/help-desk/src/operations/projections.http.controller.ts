import { createProjectionsController } from '@sfp/service-kit';
import { HELP_DESK_PROJECTIONS, HELP_DESK_RUNTIME } from '../help-desk.runtime';

/** Projection operations of the help desk: /api/help-desk/projections (administrators). */
export const ProjectionsController = createProjectionsController({
  tag: 'help-desk: operations',
  projections: HELP_DESK_PROJECTIONS,
  runtime: HELP_DESK_RUNTIME,
});
