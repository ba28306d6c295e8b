// The knowledge base as the platform host, the standalone main and the seed CLI see it.
export { knowledgeBaseService } from './knowledge-base.service';
export {
  KNOWLEDGE_BASE_CONTEXT,
  KNOWLEDGE_BASE_ERROR_STATUSES,
  knowledgeBaseEventTypes,
} from './knowledge-base.context';
export { seedKnowledgeBase, type SeedKnowledgeBaseOptions } from './demo/seed-knowledge-base';
/** The demo data's seeded pseudo-random generator and task pool (the platform's seed uses them too). */
export { inParallel, randomFrom } from './demo/demo-report-figures';
