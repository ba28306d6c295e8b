/** Header names of a dead letter. The original message's own headers are kept beside them. */
export const DEAD_LETTER_HEADERS = {
  reason: 'dlq-reason',
  error: 'dlq-error',
  fieldErrors: 'dlq-field-errors',
  originalTopic: 'dlq-original-topic',
  originalPartition: 'dlq-original-partition',
  originalOffset: 'dlq-original-offset',
  consumerGroup: 'dlq-consumer-group',
  attempts: 'dlq-attempts',
  failedAt: 'dlq-failed-at',
  redrivenFrom: 'redriven-from',
} as const;

export function isDeadLetterHeader(name: string): boolean {
  return name.startsWith('dlq-');
}
