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
import { TRAINING_TOOL_EVENTS, trainingToolOf, trainingToolRefOf } from '../domain/training-tools';
import { lastNoted, mapped, noteOnce } from './note-once';

/**
 * The training context's courses and capacity-building programmes, as its
 * public events (sfp.training.events) describe them: tools a proposal may be
 * linked to, noted once per source event.
 */
@Injectable()
export class TrainingTools implements ContextSubscription {
  readonly source = 'training';
  readonly name: string;
  readonly eventTypes = [...TRAINING_TOOL_EVENTS];

  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CONTEXT_SETTINGS) settings: QualityMonitoringSettings,
  ) {
    this.name = subscriptionName('training-tools', settings);
  }

  async handle(event: RecordedEvent): Promise<void> {
    const streamId = interventionToolStreamId(mapped(event, trainingToolRefOf));
    const previous = await lastNoted<InterventionToolNotedData>(this.events, streamId);
    const tool = mapped(event, (source) => trainingToolOf(source, previous?.tool));
    if (!tool) return;
    await noteOnce(this.events, streamId, event, InterventionToolNoted, {
      tool,
      sourceEventId: event.eventId,
      sourceEventType: event.type,
      notedAt: this.clock().toISOString(),
    });
  }
}
