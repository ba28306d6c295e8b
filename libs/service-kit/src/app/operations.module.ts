import { Module, type DynamicModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ServiceMetrics } from '../metrics/service-metrics';
import { OperationsController, READINESS_CHECKS, type ReadinessCheck } from './operations.controller';

/** /health/live, /health/ready and /metrics for a host process. */
@Module({})
export class OperationsModule {
  static register(metrics: ServiceMetrics, checks: ReadinessCheck[]): DynamicModule {
    return {
      module: OperationsModule,
      imports: [TerminusModule.forRoot({ logger: false })],
      controllers: [OperationsController],
      providers: [
        { provide: ServiceMetrics, useValue: metrics },
        { provide: READINESS_CHECKS, useValue: checks },
      ],
    };
  }
}
