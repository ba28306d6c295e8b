import {
  Controller,
  Get,
  Header,
  HttpStatus,
  Inject,
  Res,
  ServiceUnavailableException,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type { Response } from 'express';
import { Answers, Operation, Public, RequirePermission } from '@sfp/auth';
import { ServiceMetrics } from '../metrics/service-metrics';
import {
  LivenessSchema,
  MetricsTextSchema,
  ReadinessSchema,
  type Liveness,
  type Readiness,
} from './operations.answers';

/**
 * A check the process must pass to take traffic (store answers, bus answers...).
 * It may resolve with warnings: reported in its outcome, the answer stays 200.
 */
export interface ReadinessCheck {
  name: string;
  check(): Promise<void | { warnings: string[] }>;
}

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');

/** Liveness, readiness and Prometheus metrics of the process. */
@ApiTags('operations')
@Controller()
export class OperationsController {
  constructor(
    @Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[],
    private readonly metrics: ServiceMetrics,
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
  ) {}

  @Get('health/live')
  @Public()
  @Operation('getLiveness', 'Whether the process runs (liveness probe).')
  @Answers(200, { description: 'The process runs', schema: LivenessSchema })
  live(): Liveness {
    return { status: 'ok' };
  }

  /** 503 with the same body when a check is down: the probe reads which one. */
  @Get('health/ready')
  @Public()
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @Operation('getReadiness', 'Whether the process can take traffic: every dependency answers.')
  @Answers(200, { description: 'Every dependency answered', schema: ReadinessSchema })
  @Answers(503, {
    description: 'A dependency did not answer (or the process is stopping); the outcome per check',
    schema: ReadinessSchema,
  })
  async ready(@Res({ passthrough: true }) res: Response): Promise<Readiness> {
    try {
      return (await this.checkAll()) as Readiness;
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      res.status(HttpStatus.SERVICE_UNAVAILABLE);
      return error.getResponse() as Readiness;
    }
  }

  private checkAll() {
    return this.health.check(
      this.checks.map((c) => async () => {
        const indicator = this.indicators.check(c.name);
        const started = Date.now();
        try {
          const outcome = await withTimeout(c.check(), 3_000);
          return indicator.up({
            ms: Date.now() - started,
            ...(outcome?.warnings.length ? { warnings: outcome.warnings } : {}),
          });
        } catch (error) {
          return indicator.down({ error: error instanceof Error ? error.message : String(error) });
        }
      }),
    );
  }

  @Get('metrics')
  @RequirePermission('platform:admin')
  @Header('Content-Type', 'text/plain; version=0.0.4')
  @Operation('getMetrics', 'The process metrics in the Prometheus text format.')
  @Answers(200, {
    description: 'Every metric of the process',
    content: { 'text/plain': MetricsTextSchema },
  })
  metricsText(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
    promise.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e) => (clearTimeout(timer), reject(e)),
    );
  });
}
