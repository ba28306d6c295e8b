/** How an idle loop waits for its next round, and how `wake()` ends the wait at once. */
export class LoopWakeUp {
  private wakeUp: (() => void) | undefined;
  /** A wake() that came while the loop was busy: the next idle() returns at once. */
  private wakePending = false;

  wake(): void {
    const wakeUp = this.wakeUp;
    this.wakeUp = undefined;
    if (wakeUp) wakeUp();
    else this.wakePending = true;
  }

  /** Waits `ms`, or until woken; returns at once when a wake came meanwhile or the loop is `stopping`. */
  idle(ms: number, stopping: boolean): Promise<void> {
    if (this.wakePending || stopping) {
      this.wakePending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wakeUp = undefined;
        resolve();
      }, ms);
      this.wakePending = false;
      this.wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
