import type { Clock } from '@sfp/service-kit';
import { startEmbeddedContextHost, type EmbeddedContextHost } from '@sfp/service-kit/testing';
import { knowledgeBaseService } from '../../src/knowledge-base.service';

export { testPrincipalMiddleware } from '@sfp/service-kit/testing';

export type EmbeddedKnowledgeBase = EmbeddedContextHost;

/**
 * The knowledge base as the embedded platform hosts it (SQLite stores, the embedded
 * bus, the platform's HTTP setup), at /api/knowledge-base on a free port.
 */
export function startEmbeddedKnowledgeBase(
  options: { clock?: Clock } = {},
): Promise<EmbeddedKnowledgeBase> {
  return startEmbeddedContextHost(knowledgeBaseService, options);
}
