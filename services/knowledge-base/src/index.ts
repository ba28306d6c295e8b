// The knowledge base as the platform host, the standalone main and the seed CLI see it.
export { KnowledgeBaseModule } from './knowledge-base.module';
export {
  KNOWLEDGE_BASE_RUNTIME,
  KNOWLEDGE_BASE_PROJECTIONS,
  type KnowledgeBaseRuntime,
} from './knowledge-base.runtime';
export {
  KNOWLEDGE_BASE_CONTEXT,
  KNOWLEDGE_BASE_ERROR_STATUSES,
  knowledgeBaseEventTypes,
} from './knowledge-base.context';
export { KnowledgeBaseWorkers } from './knowledge-base.workers';
export { seedKnowledgeBase, type SeedKnowledgeBaseOptions } from './demo/seed-knowledge-base';
