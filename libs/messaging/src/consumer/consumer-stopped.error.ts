/**
 * Thrown by a reliable consumer's handling when a message still fails after
 * the consumer was told to stop: the message is left uncommitted (not
 * dead-lettered), so the group delivers it again once it runs again.
 */
export class ConsumerStoppedError extends Error {
  constructor(groupId: string, cause: unknown) {
    super(`Consumer ${groupId} stopped while a message was failing; it will be delivered again`, {
      cause,
    });
    this.name = 'ConsumerStoppedError';
  }
}
