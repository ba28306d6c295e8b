import type { ProjectionStatus } from '@sfp/projections';
import { REPORTING_CONTEXT } from '../reporting.context';
import type { ProjectionSource } from '../reporting.runtime';
import { CodedError } from '@sfp/event-sourcing';
import type { PlatformProjection } from '@sfp/contracts';

export interface PlatformProjectionStatus extends ProjectionStatus {
  context: string;
}

/** The engines' status with its context is the contracts' PlatformProjection (its schema), both ways. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const statusIsTheContract: Same<PlatformProjectionStatus, PlatformProjection> = true;
void statusIsTheContract;

export class UnknownProjectionSourceError extends CodedError {
  constructor(context: string, known: readonly string[]) {
    super(
      'UNKNOWN_PROJECTION_SOURCE',
      `No projections of a context named ${JSON.stringify(context.slice(0, 100))} are known here; the contexts are: ${known.join(', ')}`,
    );
  }
}

/**
 * Every projection of the platform: reporting's own and those of the engines
 * the host handed in, with position, lag and last error; rebuild of one from
 * zero while the serving version keeps answering queries.
 */
export class PlatformProjections {
  constructor(
    private readonly own: ProjectionSource['engine'],
    /** Read at each call: the host may add sources after start. */
    private readonly sources: readonly ProjectionSource[],
  ) {}

  private all(): ProjectionSource[] {
    return [{ context: REPORTING_CONTEXT, engine: this.own }, ...this.sources];
  }

  private source(context: string): ProjectionSource {
    const source = this.all().find((s) => s.context === context);
    if (!source)
      throw new UnknownProjectionSourceError(
        context,
        this.all().map((s) => s.context),
      );
    return source;
  }

  async list(): Promise<PlatformProjectionStatus[]> {
    const lists = await Promise.all(
      this.all().map(async (s) =>
        (await s.engine.statuses()).map((status) => ({ context: s.context, ...status })),
      ),
    );
    return lists.flat();
  }

  async status(context: string, name: string): Promise<PlatformProjectionStatus> {
    return { context, ...(await this.source(context).engine.status(name)) };
  }

  async rebuild(context: string, name: string) {
    return this.source(context).engine.rebuild(name);
  }
}
