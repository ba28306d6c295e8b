import { ServiceUnavailableException } from '@nestjs/common';
import { ProjectionEngine, type ProjectionDefinition, type RebuildHandle } from '@sfp/projections';

/** How long a client waits before asking again (the leader may be another instance behind the same address). */
const RETRY_AFTER_SECONDS = 1;

/**
 * A context's projection engine on one of its instances. Queries, statuses
 * and read-your-writes work on every instance (the engine reads the leader's
 * state and checkpoints from the store when the runner is elsewhere); a
 * rebuild needs the runner, so an instance that registers a projection but
 * does not run it (a follower: another instance holds the context's leader
 * lease) refuses it with 503 NOT_THE_LEADER instead of failing.
 */
export class ContextProjectionEngine extends ProjectionEngine {
  override async rebuild<TDoc extends object>(
    name: string,
    next?: ProjectionDefinition<TDoc>,
  ): Promise<RebuildHandle> {
    const runner = this.runner(name);
    if (runner && !runner.isRunning) {
      throw new ServiceUnavailableException({
        statusCode: 503,
        code: 'NOT_THE_LEADER',
        message: `Projection ${name} runs on the instance that leads this context, not on this one: ask again (another instance may answer)`,
        details: { projection: name, retryAfterSeconds: RETRY_AFTER_SECONDS },
      });
    }
    return super.rebuild(name, next);
  }
}
