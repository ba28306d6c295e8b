import 'reflect-metadata';
import { Test } from '@nestjs/testing';
import { InMemoryEventStore, parseFailpoints, setFailpoints } from '@sfp/event-sourcing';
import { newEvent } from '@sfp/event-sourcing/testing';
import { defineProjection, ProjectionEngine, SqliteReadModelStore } from '@sfp/projections';
import type { Response } from 'express';
import { ServiceMetrics } from '../metrics/service-metrics';
import { OperationsController } from './operations.controller';
import { OperationsModule } from './operations.module';

const SLOW = 'readiness-slow';

async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`not reached: ${what}`);
}

/**
 * A projection made slow by the failpoint `projection.apply` (one batch
 * sleeps 1.5 s) with a stall threshold of 100 ms: readiness stays 200 and
 * says which projection is stalled, the metric says 1, then both clear.
 */
describe('readiness detail of a stalled projection (a real engine, slowed by its failpoint)', () => {
  let engine: ProjectionEngine;
  let controller: OperationsController;
  let metrics: ServiceMetrics;

  beforeAll(async () => {
    setFailpoints(parseFailpoints(`projection.apply=${SLOW}:1*sleep(1500)`));
    const eventStore = new InMemoryEventStore();
    await eventStore.append('s-1', 'no-stream', [
      newEvent({
        eventId: 'e-1',
        type: 'x.Happened',
        metadata: { occurredAt: '2026-01-01T00:00:00.000Z' },
      }),
    ]);
    engine = new ProjectionEngine({
      eventStore,
      store: new SqliteReadModelStore({ filename: ':memory:' }),
      pollIntervalMs: 5,
      stallAfterMs: 100,
    });
    engine.register(
      defineProjection({
        name: SLOW,
        version: 1,
        handlers: { 'x.Happened': (e, view) => view.upsert(e.streamId, { n: e.position }) },
      }),
    );
    metrics = new ServiceMetrics({ defaultMetrics: false });
    metrics.addProjectionSource({ context: 'answers', statuses: () => engine.statuses() });
    const module = await Test.createTestingModule({
      imports: [
        OperationsModule.register(metrics, [{ name: 'store', check: async () => undefined }]),
      ],
    }).compile();
    controller = module.get(OperationsController);
    await engine.start();
  });

  afterAll(async () => {
    await engine.stop();
    setFailpoints(undefined);
  });

  async function ready() {
    let status = 200;
    const res = { status: (s: number) => ((status = s), res) } as unknown as Response;
    const body = (await controller.ready(res)) as {
      status: string;
      details: Record<string, { status: string; warnings?: string[] }>;
    };
    return { status, body };
  }

  const stalledGauge = async () =>
    /sfp_projection_stalled\{context="answers",projection="readiness-slow"\} (\d)/.exec(
      await controller.metricsText(),
    )?.[1];

  it('is stalled in the status, the metric and a readiness warning (200), then clears', async () => {
    await eventually(
      async () => (await engine.status(SLOW)).state === 'stalled',
      'the slow projection stalled',
    );
    const during = await ready();
    expect(during.status).toBe(200);
    expect(during.body.status).toBe('ok');
    expect(during.body.details['projections']?.status).toBe('up');
    expect(during.body.details['projections']?.warnings).toEqual([
      expect.stringMatching(/^answers projection readiness-slow stalled since .*: 1 events wait/),
    ]);
    expect(await stalledGauge()).toBe('1');
    expect(controller.live()).toEqual({ status: 'ok' });

    // The failpoint fired once: the batch commits, the projection runs again.
    await eventually(
      async () => (await engine.status(SLOW)).state === 'running',
      'the projection running again',
    );
    const after = await ready();
    expect(after.status).toBe(200);
    expect(after.body.details['projections']).toEqual({ status: 'up', ms: expect.any(Number) });
    expect(await stalledGauge()).toBe('0');
    expect((await engine.status(SLOW)).lagEvents).toBe(0);
  });
});
