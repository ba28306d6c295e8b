/**
 * Operating the platform, as the operations APIs answer it: the status of a
 * projection (its position, lag and rebuild) and the dead letters of a topic
 * (why, what, whether re-driven). Answer shapes only: the services keep their
 * own records and decide; the admin console reads these.
 */

/** The progress of one version (generation) of a projection's read model. */
export interface ProjectionVersionStatus {
  generation: number;
  version: number;
  readModel: string;
  position: number;
  lagEvents: number;
  lagSeconds: number;
  updatedAt: string;
  lastError: { message?: string; position?: number; at?: string } | null;
  stalledSince: string | null;
  stalledSeconds: number;
}

/** A projection of a context: its serving version, and the version a rebuild is building. */
export interface ProjectionStatus extends ProjectionVersionStatus {
  name: string;
  state: 'running' | 'rebuilding' | 'stalled';
  headPosition: number;
  local: boolean;
  rebuild: (ProjectionVersionStatus & { startedAt: string }) | null;
  checkedAt: string;
}

/** A projection of any context, as the reporting context's platform-wide operations list it. */
export interface PlatformProjection extends ProjectionStatus {
  context: string;
}

/** One dead letter: where it is, the message as it was, why it failed, and whether it was re-driven. */
export interface DeadLetter {
  /** `<dlq topic>@<partition>:<offset>`. */
  id: string;
  dlqTopic: string;
  partition: number;
  offset: string;
  key: string | null;
  payload: string | null;
  payloadTruncated: boolean;
  headers: Record<string, string>;
  reason: string;
  error: string;
  fieldErrors: Array<{ field: string; messages?: string[]; message?: string }>;
  originalTopic: string;
  originalPartition?: number;
  originalOffset?: string;
  consumerGroup?: string;
  deadLetteredAt: string;
  status: 'pending' | 'redriven';
  redrivenAt?: string;
  redrivenBy?: string;
}

/** A dead-letter topic: how many of its letters wait, and how many were re-driven. */
export interface DeadLetterTopic {
  dlqTopic: string;
  pending: number;
  redriven: number;
}
