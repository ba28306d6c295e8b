/**
 * The in-process wake-up signal of subscriptions: an adapter fires it after each
 * successful append, so that a subscription in the same process sees the new
 * events at once instead of at its next poll. Appends made by other processes
 * are found by polling (see CatchUpSubscription), never by this signal.
 */
export class AppendNotifier {
  private readonly listeners = new Set<() => void>();

  notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  /** Registers `listener`; returns the function that removes it. */
  listen(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  get listenerCount(): number {
    return this.listeners.size;
  }
}
