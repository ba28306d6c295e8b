import { Type, type Static } from '@sinclair/typebox';

/**
 * Operating the platform, as the operations APIs answer it: the status of a
 * projection (its position, lag and rebuild) and the dead letters of a topic
 * (why, what, whether re-driven). Answer shapes only: the services keep their
 * own records and decide; the admin console reads these. Each shape is a JSON
 * Schema (TypeBox) that the OpenAPI document publishes, and its TypeScript
 * type is derived from it: one description.
 */

/** Why a projection could not apply an event (or commit a batch). */
export const ProjectionErrorSchema = Type.Object(
  {
    message: Type.String(),
    errorName: Type.String({ description: "The error's class name" }),
    code: Type.Optional(Type.String({ description: "The error's code, when it has one" })),
    position: Type.Integer({ description: 'The position of the event that could not be applied' }),
    eventId: Type.Optional(Type.String()),
    eventType: Type.Optional(Type.String()),
    stage: Type.Union([Type.Literal('handler'), Type.Literal('store')], {
      description:
        "handler: the projection's code threw; store: reading events or writing the read model failed",
    }),
    attempts: Type.Integer({ description: 'Failed attempts in a row on this event' }),
    at: Type.String({ format: 'date-time' }),
    resolvedAt: Type.Optional(
      Type.String({
        format: 'date-time',
        description: 'When the event was finally applied (the error is history)',
      }),
    ),
  },
  { title: 'ProjectionError' },
);
export type ProjectionError = Static<typeof ProjectionErrorSchema>;

const versionStatusProperties = {
  generation: Type.Integer({
    description: 'The physical version (table or collection suffix `__v<generation>`)',
  }),
  version: Type.Integer({ description: "The projection definition's version that builds it" }),
  readModel: Type.String({ description: 'The physical read-model name' }),
  position: Type.Integer({ description: 'The position of the last event applied' }),
  lagEvents: Type.Integer({ minimum: 0, description: 'Events recorded after `position`' }),
  lagSeconds: Type.Number({
    minimum: 0,
    description: 'Age of the oldest event not yet applied (0 when none waits)',
  }),
  updatedAt: Type.String({ format: 'date-time', description: 'When `position` last advanced' }),
  lastError: Type.Union([ProjectionErrorSchema, Type.Null()]),
  retry: Type.Union(
    [
      Type.Object({
        attempts: Type.Integer(),
        nextAttemptAt: Type.String({ format: 'date-time' }),
      }),
      Type.Null(),
    ],
    {
      description:
        'Set while a failing event is being retried (only known to the process running it)',
    },
  ),
  stalledSince: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
    description: 'When it stopped advancing while events waited, past the stall threshold',
  }),
  stalledSeconds: Type.Number({ minimum: 0, description: 'Seconds since `stalledSince`, else 0' }),
};

/** The progress of one version (generation) of a projection's read model. */
export const ProjectionVersionStatusSchema = Type.Object(versionStatusProperties, {
  title: 'ProjectionVersionStatus',
});
export type ProjectionVersionStatus = Static<typeof ProjectionVersionStatusSchema>;

const projectionStatusProperties = {
  name: Type.String(),
  state: Type.Union(
    [Type.Literal('running'), Type.Literal('rebuilding'), Type.Literal('stalled')],
    { description: 'stalled (either version) > rebuilding > running' },
  ),
  ...versionStatusProperties,
  headPosition: Type.Integer({ description: 'The position of the last event recorded' }),
  local: Type.Boolean({
    description:
      'True when the runner is in this process; otherwise the figures come from the durable checkpoints',
  }),
  rebuild: Type.Union(
    [
      Type.Object(
        { ...versionStatusProperties, startedAt: Type.String({ format: 'date-time' }) },
        { title: 'ProjectionRebuildStatus' },
      ),
      Type.Null(),
    ],
    { description: 'The version being rebuilt beside the serving one, if any' },
  ),
  checkedAt: Type.String({ format: 'date-time' }),
};

/** A projection of a context: its serving version, and the version a rebuild is building. */
export const ProjectionStatusSchema = Type.Object(projectionStatusProperties, {
  title: 'ProjectionStatus',
});
export type ProjectionStatus = Static<typeof ProjectionStatusSchema>;

/** A projection of any context, as the reporting context's platform-wide operations list it. */
export const PlatformProjectionSchema = Type.Object(
  {
    context: Type.String({ description: 'The context whose engine runs it' }),
    ...projectionStatusProperties,
  },
  { title: 'PlatformProjection' },
);
export type PlatformProjection = Static<typeof PlatformProjectionSchema>;

/** The answer to a rebuild: the version being built; its progress is in the projection's status. */
export const ProjectionRebuildStartedSchema = Type.Object(
  {
    projection: Type.String(),
    generation: Type.Integer({ description: 'The version being built (`rebuild` in the status)' }),
  },
  { title: 'ProjectionRebuildStarted' },
);
export type ProjectionRebuildStarted = Static<typeof ProjectionRebuildStartedSchema>;

/** A field a dead-lettered message had wrong. */
export const DeadLetterFieldErrorSchema = Type.Object({
  field: Type.String({ description: 'Dotted path of the field, e.g. `requester.email`' }),
  pointer: Type.Optional(Type.String({ description: 'The same place as a JSON pointer' })),
  messages: Type.Optional(Type.Array(Type.String())),
  message: Type.Optional(Type.String()),
});

/** One dead letter: where it is, the message as it was, why it failed, and whether it was re-driven. */
export const DeadLetterSchema = Type.Object(
  {
    id: Type.String({ description: '`<dlq topic>@<partition>:<offset>`' }),
    dlqTopic: Type.String(),
    partition: Type.Integer(),
    offset: Type.String(),
    key: Type.Union([Type.String(), Type.Null()]),
    payload: Type.Union([Type.String(), Type.Null()], {
      description: 'The message as it was (cut when `payloadTruncated`)',
    }),
    payloadTruncated: Type.Boolean(),
    headers: Type.Record(Type.String(), Type.String(), {
      description: "The original message's own headers",
    }),
    reason: Type.String(),
    error: Type.String(),
    fieldErrors: Type.Array(DeadLetterFieldErrorSchema),
    originalTopic: Type.String(),
    originalPartition: Type.Optional(Type.Integer()),
    originalOffset: Type.Optional(Type.String()),
    consumerGroup: Type.Optional(Type.String()),
    deadLetteredAt: Type.String({ description: 'When it failed (ISO 8601)' }),
    status: Type.Union([Type.Literal('pending'), Type.Literal('redriven')]),
    redrivenAt: Type.Optional(Type.String({ format: 'date-time' })),
    redrivenBy: Type.Optional(Type.String({ description: 'The id of the operator' })),
  },
  { title: 'DeadLetter' },
);
export type DeadLetter = Static<typeof DeadLetterSchema>;

/** A page of dead letters, newest first. */
export const DeadLetterPageSchema = Type.Object(
  {
    items: Type.Array(DeadLetterSchema),
    nextCursor: Type.Optional(
      Type.String({ description: 'Pass as `cursor` for the next page; absent on the last' }),
    ),
  },
  { title: 'DeadLetterPage' },
);
export type DeadLetterPage = Static<typeof DeadLetterPageSchema>;

/** A dead-letter topic: how many of its letters wait, and how many were re-driven. */
export const DeadLetterTopicSchema = Type.Object(
  {
    dlqTopic: Type.String(),
    pending: Type.Integer({ minimum: 0 }),
    redriven: Type.Integer({ minimum: 0 }),
  },
  { title: 'DeadLetterTopic' },
);
export type DeadLetterTopic = Static<typeof DeadLetterTopicSchema>;
