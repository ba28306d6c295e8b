import type { NextFunction, Request, Response } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * One Prometheus registry per process, with the platform's metrics:
 * HTTP requests, commands by outcome, events appended, consumer and projection lag.
 */
/** What the metrics need of a projection's status (see @sfp/projections ProjectionStatus). */
export interface ProjectionGaugeSource {
  context: string;
  statuses(): Promise<
    Array<{ name: string; lagEvents: number; state: string; stalledSince?: string | null }>
  >;
}

/** Whether this instance leads its context (runs the projections, reactors and workers). */
export interface LeadershipGaugeSource {
  context: string;
  leader(): boolean;
}

export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly projectionSources: ProjectionGaugeSource[] = [];
  private readonly leadershipSources: LeadershipGaugeSource[] = [];
  readonly httpRequests: Counter<'method' | 'route' | 'status'>;
  readonly httpDuration: Histogram<'method' | 'route'>;
  readonly commands: Counter<'context' | 'command' | 'outcome'>;
  readonly eventsAppended: Counter<'context'>;
  readonly consumerLag: Gauge<'context' | 'group'>;
  readonly projectionLag: Gauge<'context' | 'projection'>;
  readonly projectionStalled: Gauge<'context' | 'projection'>;
  readonly contextLeader: Gauge<'context'>;

  constructor(options: { defaultMetrics?: boolean } = {}) {
    if (options.defaultMetrics ?? true)
      collectDefaultMetrics({ register: this.registry, prefix: 'sfp_' });
    this.httpRequests = this.counter(
      'sfp_http_requests_total',
      'HTTP requests by method, route and status',
      ['method', 'route', 'status'],
    );
    this.httpDuration = new Histogram({
      name: 'sfp_http_request_duration_seconds',
      help: 'HTTP request duration',
      labelNames: ['method', 'route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [this.registry],
    });
    this.commands = this.counter(
      'sfp_commands_total',
      'Commands handled, by context, command and outcome (accepted, rejected, failed)',
      ['context', 'command', 'outcome'],
    );
    this.eventsAppended = this.counter(
      'sfp_events_appended_total',
      'Events appended to the event store',
      ['context'],
    );
    this.consumerLag = this.gauge(
      'sfp_consumer_lag_messages',
      'Messages waiting for a consumer group',
      ['context', 'group'],
    );
    // Both projection gauges are read from the sources' statuses at each scrape.
    const sources = this.projectionSources;
    const fromStatuses = (value: (status: { lagEvents: number; state: string }) => number) =>
      async function collect(this: Gauge<'context' | 'projection'>) {
        this.reset();
        for (const source of sources) {
          for (const status of await source.statuses()) {
            this.set({ context: source.context, projection: status.name }, value(status));
          }
        }
      };
    this.projectionLag = this.gauge(
      'sfp_projection_lag_events',
      'Events a projection has not applied yet',
      ['context', 'projection'],
      fromStatuses((status) => status.lagEvents),
    );
    this.projectionStalled = this.gauge(
      'sfp_projection_stalled',
      '1 when a projection stopped advancing while events wait',
      ['context', 'projection'],
      fromStatuses((status) => (status.state === 'stalled' ? 1 : 0)),
    );
    const leaderships = this.leadershipSources;
    this.contextLeader = this.gauge(
      'sfp_context_leader',
      "1 when this instance holds its context's leader lease and runs its projections, reactors and workers; 0 on a follower",
      ['context'],
      async function collect(this: Gauge<'context'>) {
        this.reset();
        for (const source of leaderships)
          this.set({ context: source.context }, source.leader() ? 1 : 0);
      },
    );
  }

  /** A counter in this registry. */
  private counter<L extends string>(name: string, help: string, labelNames: L[]): Counter<L> {
    return new Counter({ name, help, labelNames, registers: [this.registry] });
  }

  /** A gauge in this registry; `collect` (when given) sets its values at each scrape. */
  private gauge<L extends string>(
    name: string,
    help: string,
    labelNames: L[],
    collect?: (this: Gauge<L>) => Promise<void>,
  ): Gauge<L> {
    return new Gauge({
      name,
      help,
      labelNames,
      registers: [this.registry],
      ...(collect && { collect }),
    });
  }

  /** Reports a context's projections in sfp_projection_lag_events and sfp_projection_stalled. */
  addProjectionSource(source: ProjectionGaugeSource): void {
    this.projectionSources.push(source);
  }

  /** The contexts that report their projections here (read by the readiness detail too). */
  projectionSourceList(): readonly ProjectionGaugeSource[] {
    return this.projectionSources;
  }

  /** Reports whether this instance leads `context`, in sfp_context_leader. */
  addLeadershipSource(source: LeadershipGaugeSource): void {
    this.leadershipSources.push(source);
  }

  /** Express middleware counting requests by matched route (not raw path, to bound label values). */
  httpMiddleware() {
    return (req: Request, res: Response, next: NextFunction) => {
      const end = this.httpDuration.startTimer();
      res.on('finish', () => {
        const route = (req.route as { path?: string } | undefined)?.path ?? 'unmatched';
        const base = req.baseUrl ?? '';
        end({ method: req.method, route: `${base}${route}` });
        this.httpRequests.inc({
          method: req.method,
          route: `${base}${route}`,
          status: String(res.statusCode),
        });
      });
      next();
    };
  }
}
