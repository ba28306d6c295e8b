import { Inject, Injectable } from '@nestjs/common';
import type { EventStore, RecordedEvent } from '@sfp/event-sourcing';
import {
  CLOCK,
  CONTEXT_SETTINGS,
  EVENT_STORE,
  type Clock,
  type ContextSubscription,
} from '@sfp/service-kit';
import { interventionToolStreamId } from '../../quality-monitoring.context';
import {
  subscriptionName,
  type QualityMonitoringSettings,
} from '../../quality-monitoring.settings';
import {
  InterventionToolNoted,
  type InterventionToolNotedData,
} from '../domain/intervention-tool.events';
import { RESEARCH_TOOL_EVENTS, researchToolOf, researchToolRefOf } from '../domain/research-tools';
import { lastNoted, mapped, noteOnce } from './note-once';

/**
 * The innovation-research context’s research projects, as its
 * public events (sfp.innovation-research.events) describe them: tools a proposal may be
 * linked to, noted once per source event.
 */
@Injectable()
export class ResearchTools implements ContextSubscription {
  readonly source = 'innovation-research';
  readonly name: string;
  readonly eventTypes = [...RESEARCH_TOOL_EVENTS];

  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CONTEXT_SETTINGS) settings: QualityMonitoringSettings,
  ) {
    this.name = subscriptionName('research-tools', settings);
  }

  async handle(event: RecordedEvent): Promise<void> {
    const streamId = interventionToolStreamId(mapped(event, researchToolRefOf));
    const previous = await lastNoted<InterventionToolNotedData>(this.events, streamId);
    const tool = mapped(event, (source) => researchToolOf(source, previous?.tool));
    if (!tool) return;
    await noteOnce(this.events, streamId, event, InterventionToolNoted, {
      tool,
      sourceEventId: event.eventId,
      sourceEventType: event.type,
      notedAt: this.clock().toISOString(),
    });
  }
}
