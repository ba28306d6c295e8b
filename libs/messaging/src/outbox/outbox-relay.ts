import { randomUUID } from 'node:crypto';
import { FeedFollower, type EventStore, type RecordedEvent } from '@sfp/event-sourcing';
import type { EventBus, OutgoingMessage } from '../bus/event-bus.port';
import type { CheckpointStore, LeaseStore } from '../state/consumer-state.port';
import { encodeEventMessage } from '../events/event-message.codec';

export interface OutboxRelayOptions {
  /** Names the checkpoint and the lease, e.g. `help-desk.outbox`. */
  name: string;
  store: EventStore;
  bus: EventBus;
  checkpoints: CheckpointStore;
  leases: LeaseStore;
  /** The topic an event is published to (its context's events topic). */
  topicFor: (event: RecordedEvent) => string;
  /** This instance's identity in the lease (default: a random id). */
  owner?: string;
  /** The lease lasts this long unless renewed (default 10 s); renewed every third of it. */
  leaseTtlMs?: number;
  /** Events read and published per round (default 500). */
  batchSize?: number;
  /** Longest pause when there is nothing to publish (default 25 ms); an append in this process ends it at once. */
  idleDelayMs?: number;
  /**
   * With a store that has an appended feed, the relay takes this process's
   * appends from memory and asks the store for other instances' appends at most
   * this often while caught up (default 100 ms). See FeedFollower.
   */
  storePollMs?: number;
  /** Pause after a failed round before trying again (default 1 s). */
  errorDelayMs?: number;
  /**
   * While it publishes, the relay saves its checkpoint at most once per this
   * interval (default 100 ms); stopping saves the last position at once. A
   * crash publishes again what the interval left unsaved (at-least-once).
   */
  checkpointIntervalMs?: number;
  onError?: (error: unknown) => void;
}

export interface OutboxRelayStatus {
  name: string;
  owner: string;
  /** Whether this instance holds the lease and is the one publishing. */
  active: boolean;
  /** Position of the last event published. */
  position: number;
  /** Position of the last checkpoint saved (behind `position` by at most one save interval and one save). */
  checkpointed: number;
  published: number;
  lastError?: string;
}

/**
 * The outbox relay: follows the event store's global order from a durable
 * checkpoint, publishes each batch to the bus, then advances the checkpoint.
 * Events appended in this process come from the store's appended feed (no
 * read back); anything else (start-up, another instance's appends) is read
 * from the store, so the order has no gap either way (FeedFollower).
 * The store itself is the outbox, so an event appended just before a process
 * died is still published when a relay runs again: nothing is lost between
 * append and publish. A crash between publish and checkpoint publishes that
 * batch again (at-least-once; consumers are idempotent by eventId).
 *
 * The checkpoint is saved beside the next batches' reads and publishes, not
 * before them: one save at a time, at most one per checkpointIntervalMs, the
 * latest published position each time (the batches published meanwhile are
 * covered by the next save). A save is a write to the store's database, as
 * long as a publish: awaiting each one made it half of the relay's time, and
 * under load it made about 40 writes a second on FerretDB (521 in a
 * 20,000-event round of the pipeline benchmark). A crash publishes again
 * what was not saved yet; a failed save stops the round as before, and the
 * relay starts again from the saved checkpoint.
 *
 * One relay per store is active at a time: it must hold a lease (a row or
 * document with an owner and an expiry), renewed every third of its TTL.
 * Instances without the lease wait and try again, so another takes over
 * within one TTL when the active one dies.
 */
export class OutboxRelay {
  private readonly owner: string;
  private readonly ttl: number;
  private readonly batchSize: number;
  private readonly idleDelay: number;
  private readonly errorDelay: number;
  private readonly checkpointInterval: number;
  private running = false;
  private loop: Promise<void> = Promise.resolve();
  private wake?: () => void;
  private state: Omit<OutboxRelayStatus, 'name' | 'owner'> = {
    active: false,
    position: 0,
    checkpointed: 0,
    published: 0,
  };
  private readonly follower: FeedFollower;
  /** The checkpoint save in flight, if any, and the position to save after it. */
  private saving: Promise<void> | undefined;
  private toSave: number | undefined;
  private saveError: unknown;
  private lastSaveAt = Number.NEGATIVE_INFINITY;
  /** Ends the wait for the next save (stopping, or starting a leadership). */
  private hurry?: () => void;

  constructor(private readonly options: OutboxRelayOptions) {
    this.owner = options.owner ?? `relay-${randomUUID()}`;
    this.ttl = options.leaseTtlMs ?? 10_000;
    this.batchSize = options.batchSize ?? 500;
    this.idleDelay = options.idleDelayMs ?? 25;
    this.errorDelay = options.errorDelayMs ?? 1_000;
    this.checkpointInterval = options.checkpointIntervalMs ?? 100;
    this.follower = new FeedFollower(options.store, { storePollMs: options.storePollMs ?? 100 });
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.follower.start();
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    this.follower.wakeWaiter();
    await this.loop;
    await this.flushCheckpoint().catch(() => undefined);
    this.follower.stop();
    await this.options.leases.release(this.options.name, this.owner).catch(() => undefined);
    this.state.active = false;
  }

  status(): OutboxRelayStatus {
    return { name: this.options.name, owner: this.owner, ...this.state };
  }

  /** Resolves once this relay has published and checkpointed up to `position`. */
  async waitForPosition(position: number, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.state.checkpointed < position) {
      if (Date.now() > deadline) {
        throw new Error(
          `Outbox relay ${this.options.name} did not reach position ${position} in ${timeoutMs} ms`,
        );
      }
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        if (!(await this.holdLease())) {
          this.state.active = false;
          await this.pause(this.ttl / 3);
          continue;
        }
        this.state.active = true;
        await this.flushCheckpoint();
        this.state.position = await this.options.checkpoints.load(this.options.name);
        this.state.checkpointed = this.state.position;
        await this.publishWhileLeader();
      } catch (error) {
        this.state.lastError = error instanceof Error ? error.message : String(error);
        this.options.onError?.(error);
        await this.pause(this.errorDelay);
      }
    }
  }

  private async publishWhileLeader(): Promise<void> {
    let renewedAt = Date.now();
    while (this.running) {
      if (Date.now() - renewedAt > this.ttl / 3) {
        if (!(await this.holdLease())) {
          this.state.active = false;
          return;
        }
        renewedAt = Date.now();
      }
      this.throwSaveError();
      // From this process's appended feed when it continues the checkpoint, else from the store.
      const { events } = await this.follower.read(this.state.position, this.batchSize);
      const lastEvent = events[events.length - 1];
      if (!lastEvent) {
        if (this.running) await this.follower.waitForEvents(this.idleDelay);
        continue;
      }
      await this.publish(events);
      const last = lastEvent.position;
      this.state.position = last;
      this.state.published += events.length;
      this.state.lastError = undefined;
      this.checkpoint(last);
    }
  }

  /** Saves `position` as soon as the save in flight (if any) is done. */
  private checkpoint(position: number): void {
    this.toSave = position;
    if (this.saving) return;
    this.saving = (async () => {
      try {
        while (this.toSave !== undefined) {
          await this.untilNextSave();
          const next = this.toSave;
          this.toSave = undefined;
          this.lastSaveAt = Date.now();
          await this.options.checkpoints.save(this.options.name, next);
          this.state.checkpointed = next;
        }
      } catch (error) {
        this.toSave = undefined;
        this.saveError = error;
      } finally {
        this.saving = undefined;
      }
    })();
  }

  /** Waits out the rest of the interval since the last save, unless hurried. */
  private untilNextSave(): Promise<void> {
    const wait = this.lastSaveAt + this.checkpointInterval - Date.now();
    if (wait <= 0 || !this.running) return Promise.resolve();
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined = undefined;
      const done = () => {
        clearTimeout(timer);
        this.hurry = undefined;
        resolve();
      };
      timer = setTimeout(done, wait);
      this.hurry = done;
    });
  }

  /** Saves what is pending now and waits for it; throws if a save failed (once). */
  private async flushCheckpoint(): Promise<void> {
    this.hurry?.();
    while (this.saving) await this.saving;
    this.throwSaveError();
  }

  private throwSaveError(): void {
    if (this.saveError === undefined) return;
    const error = this.saveError;
    this.saveError = undefined;
    throw error;
  }

  /** One publish per topic, each in global order (so each stream stays in order). */
  private async publish(events: RecordedEvent[]): Promise<void> {
    const byTopic = new Map<string, OutgoingMessage[]>();
    for (const event of events) {
      const topic = this.options.topicFor(event);
      const messages = byTopic.get(topic) ?? [];
      messages.push(encodeEventMessage(event));
      byTopic.set(topic, messages);
    }
    await Promise.all(
      [...byTopic].map(([topic, messages]) => this.options.bus.publish(topic, messages)),
    );
  }

  private holdLease(): Promise<boolean> {
    return this.options.leases.acquire(this.options.name, this.owner, this.ttl);
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
