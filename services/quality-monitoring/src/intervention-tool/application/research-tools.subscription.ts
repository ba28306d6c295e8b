import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@sfp/event-sourcing';
import { CLOCK, CONTEXT_SETTINGS, EVENT_STORE, type Clock } from '@sfp/service-kit';
import type { QualityMonitoringSettings } from '../../quality-monitoring.settings';
import { RESEARCH_TOOL_EVENTS, researchToolOf, researchToolRefOf } from '../domain/research-tools';
import { ToolSubscription } from './tool-subscription';

/**
 * The innovation-research context's research projects, as its public events
 * (sfp.innovation-research.events) describe them: tools a proposal may be
 * linked to, noted once per source event.
 */
@Injectable()
export class ResearchTools extends ToolSubscription {
  constructor(
    @Inject(EVENT_STORE) events: EventStore,
    @Inject(CLOCK) clock: Clock,
    @Inject(CONTEXT_SETTINGS) settings: QualityMonitoringSettings,
  ) {
    super(
      {
        source: 'innovation-research',
        name: 'research-tools',
        eventTypes: RESEARCH_TOOL_EVENTS,
        toolRefOf: researchToolRefOf,
        toolOf: researchToolOf,
      },
      events,
      clock,
      settings,
    );
  }
}
