import { Type, type Static } from '@sinclair/typebox';

/** The answer of `GET /health/live`: the process runs. */
export const LivenessSchema = Type.Object({ status: Type.Literal('ok') }, { title: 'Liveness' });
export type Liveness = Static<typeof LivenessSchema>;

/** One readiness check's outcome: up with the time it took, or down with why. */
export const ReadinessCheckOutcomeSchema = Type.Object(
  {
    status: Type.Union([Type.Literal('up'), Type.Literal('down')]),
    ms: Type.Optional(Type.Number({ minimum: 0, description: 'How long it took to answer (up)' })),
    error: Type.Optional(Type.String({ description: 'Why it did not answer (down)' })),
    warnings: Type.Optional(
      Type.Array(Type.String(), {
        description:
          "Up, but worth an operator's eye: e.g. a projection stalled (its queries answer older data). Does not make the answer 503",
      }),
    ),
  },
  { title: 'ReadinessCheckOutcome' },
);

const outcomes = (description: string) =>
  Type.Record(Type.String(), ReadinessCheckOutcomeSchema, { description });

/**
 * The answer of `GET /health/ready`, 200 or 503 alike: the overall status and
 * each check by name (a store, the bus…).
 */
export const ReadinessSchema = Type.Object(
  {
    status: Type.Union([Type.Literal('ok'), Type.Literal('error'), Type.Literal('shutting_down')], {
      description: 'ok: every check is up; error: one is down; shutting_down: stopping',
    }),
    info: Type.Optional(outcomes('The checks that are up')),
    error: Type.Optional(outcomes('The checks that are down')),
    details: outcomes('Every check'),
  },
  { title: 'Readiness' },
);
export type Readiness = Static<typeof ReadinessSchema>;

/** The Prometheus text exposition format (version 0.0.4). */
export const MetricsTextSchema = Type.String({
  description: 'Prometheus text exposition format 0.0.4',
});
