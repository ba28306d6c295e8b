import type { Clock } from '@sfp/service-kit';
import { startEmbeddedContextHost, type EmbeddedContextHost } from '@sfp/service-kit/testing';
import { trainingService } from '../../src/training.service';

export { testPrincipalMiddleware } from '@sfp/service-kit/testing';

export type EmbeddedTraining = EmbeddedContextHost;

/**
 * The training as the embedded platform hosts it (SQLite stores, the embedded
 * bus, the platform's HTTP setup), at /api/training on a free port.
 */
export function startEmbeddedTraining(options: { clock?: Clock } = {}): Promise<EmbeddedTraining> {
  return startEmbeddedContextHost(trainingService, options);
}
