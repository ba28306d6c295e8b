/**
 * Runs state-changing work one at a time, in the order it was asked for (a
 * runner's batches, rebuild start, swap, drop). A failed piece of work rejects
 * its own promise and does not stop the ones after it.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
