import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@sfp/event-sourcing';
import { CLOCK, CONTEXT_SETTINGS, EVENT_STORE, type Clock } from '@sfp/service-kit';
import type { QualityMonitoringSettings } from '../../quality-monitoring.settings';
import { TRAINING_TOOL_EVENTS, trainingToolOf, trainingToolRefOf } from '../domain/training-tools';
import { ToolSubscription } from './tool-subscription';

/**
 * The training context's courses and capacity-building programmes, as its
 * public events (sfp.training.events) describe them: tools a proposal may be
 * linked to, noted once per source event.
 */
@Injectable()
export class TrainingTools extends ToolSubscription {
  constructor(
    @Inject(EVENT_STORE) events: EventStore,
    @Inject(CLOCK) clock: Clock,
    @Inject(CONTEXT_SETTINGS) settings: QualityMonitoringSettings,
  ) {
    super(
      {
        source: 'training',
        name: 'training-tools',
        eventTypes: TRAINING_TOOL_EVENTS,
        toolRefOf: trainingToolRefOf,
        toolOf: trainingToolOf,
      },
      events,
      clock,
      settings,
    );
  }
}
