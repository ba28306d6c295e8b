import type { InterventionTool } from '@sfp/contracts';
import type { EventStore, RecordedEvent } from '@sfp/event-sourcing';
import type { Clock, ContextSubscription } from '@sfp/service-kit';
import { interventionToolStreamId } from '../../quality-monitoring.context';
import {
  subscriptionName,
  type QualityMonitoringSettings,
} from '../../quality-monitoring.settings';
import {
  InterventionToolNoted,
  type InterventionToolNotedData,
} from '../domain/intervention-tool.events';
import type { SourceEvent } from '../domain/source-event';
import { lastNoted, mapped, noteOnce } from './note-once';

/** A tool owner's public events as one subscription reads them: which, the tool each names, and what it says of it. */
export interface ToolSource {
  /** The owning context (its sfp.<context>.events). */
  source: string;
  /** The subscription's name (its consumer group sfp-quality-monitoring.<name>). */
  name: string;
  eventTypes: readonly string[];
  toolRefOf: (event: SourceEvent) => string;
  /** The tool as the event leaves it (from the one noted before); undefined when there is nothing to note. */
  toolOf: (
    event: SourceEvent,
    previous: InterventionTool | undefined,
  ) => InterventionTool | undefined;
}

/**
 * Another context's tools as its public events describe them: each event
 * that changes a tool is noted once (InterventionToolNoted, in the tool's
 * stream), so suggestions read them without calling the owner.
 */
export abstract class ToolSubscription implements ContextSubscription {
  readonly source: string;
  readonly name: string;
  readonly eventTypes: string[];

  protected constructor(
    private readonly tools: ToolSource,
    private readonly events: EventStore,
    private readonly clock: Clock,
    settings: QualityMonitoringSettings,
  ) {
    this.source = tools.source;
    this.name = subscriptionName(tools.name, settings);
    this.eventTypes = [...tools.eventTypes];
  }

  async handle(event: RecordedEvent): Promise<void> {
    const streamId = interventionToolStreamId(mapped(event, this.tools.toolRefOf));
    const previous = await lastNoted<InterventionToolNotedData>(this.events, streamId);
    const tool = mapped(event, (source) => this.tools.toolOf(source, previous?.tool));
    if (!tool) return;
    await noteOnce(this.events, streamId, event, InterventionToolNoted, {
      tool,
      sourceEventId: event.eventId,
      sourceEventType: event.type,
      notedAt: this.clock().toISOString(),
    });
  }
}
