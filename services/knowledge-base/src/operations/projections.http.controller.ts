import { createProjectionsController, LOGGER } from '@sfp/service-kit';
import { KNOWLEDGE_BASE_PROJECTIONS } from '../knowledge-base.runtime';

/** Projection operations of the knowledge base: /api/knowledge-base/projections (administrators). */
export const ProjectionsController = createProjectionsController({
  tag: 'knowledge-base: operations',
  projections: KNOWLEDGE_BASE_PROJECTIONS,
  logger: LOGGER,
});
