import { Module, type DynamicModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ServiceMetrics } from '../metrics/service-metrics';
import {
  DEAD_LETTER_OPERATIONS,
  createDeadLettersController,
  type DeadLetterOperations,
} from './dead-letters.controller';
import {
  OperationsController,
  READINESS_CHECKS,
  type ReadinessCheck,
} from './operations.controller';
import { projectionsReadinessCheck } from './projections-readiness';

/**
 * /health/live, /health/ready and /metrics for a host process; with dead-letter
 * operations, also /dead-letters (list, summary, detail, re-drive).
 */
@Module({})
export class OperationsModule {
  static register(
    metrics: ServiceMetrics,
    checks: ReadinessCheck[],
    deadLetters?: DeadLetterOperations,
  ): DynamicModule {
    return {
      module: OperationsModule,
      imports: [TerminusModule.forRoot({ logger: false })],
      controllers: deadLetters
        ? [OperationsController, createDeadLettersController(deadLetters.dlqTopics)]
        : [OperationsController],
      providers: [
        { provide: ServiceMetrics, useValue: metrics },
        // Every host reports its stalled projections as a readiness detail (never a 503).
        { provide: READINESS_CHECKS, useValue: [...checks, projectionsReadinessCheck(metrics)] },
        ...(deadLetters ? [{ provide: DEAD_LETTER_OPERATIONS, useValue: deadLetters }] : []),
      ],
    };
  }
}
