import type { ServiceMetrics } from '../metrics/service-metrics';
import type { ReadinessCheck } from './operations.controller';

/** Under the readiness route's 3 s per check: a slow status read must not turn into a 503. */
const STATUS_TIMEOUT_MS = 2_000;

/**
 * The readiness detail `projections`: up, with a warning per stalled
 * projection of the host's contexts (and when their statuses cannot be read).
 *
 * Never down, on purpose. A stalled projection makes its queries answer older
 * data, but commands, the other views and the other contexts still work; the
 * stall is the same on every instance (they read one store), so a 503 would
 * take every instance out of the load balancer (and have a container restarted)
 * for what a restart does not fix. Operators are paged by
 * sfp_projection_stalled; the probe's body says which one, and since when.
 */
export function projectionsReadinessCheck(metrics: ServiceMetrics): ReadinessCheck {
  return {
    name: 'projections',
    check: async () => {
      const warnings: string[] = [];
      for (const source of metrics.projectionSourceList()) {
        try {
          for (const status of await withTimeout(source.statuses(), STATUS_TIMEOUT_MS)) {
            if (status.state !== 'stalled') continue;
            const since = status.stalledSince ? ` since ${status.stalledSince}` : '';
            warnings.push(
              `${source.context} projection ${status.name} stalled${since}: ${status.lagEvents} events wait (its status says why: lastError, retry)`,
            );
          }
        } catch (error) {
          warnings.push(
            `${source.context} projections: status not read (${error instanceof Error ? error.message : String(error)})`,
          );
        }
      }
      return { warnings };
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error)),
    );
  });
}
