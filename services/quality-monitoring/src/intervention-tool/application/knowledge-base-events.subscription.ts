import { Inject, Injectable } from '@nestjs/common';
import type { EventStore, RecordedEvent } from '@sfp/event-sourcing';
import {
  CLOCK,
  CONTEXT_SETTINGS,
  EVENT_STORE,
  type Clock,
  type ContextSubscription,
} from '@sfp/service-kit';
import {
  interventionToolStreamId,
  partnerInstitutionStreamId,
  partnerRatiosStreamId,
} from '../../quality-monitoring.context';
import {
  subscriptionName,
  type QualityMonitoringSettings,
} from '../../quality-monitoring.settings';
import {
  InterventionToolNoted,
  PartnerInstitutionNoted,
  PartnerRatiosNoted,
  type PartnerInstitutionNotedData,
} from '../domain/intervention-tool.events';
import { LIBRARY_TOOL_EVENTS, libraryToolOf } from '../domain/library-tools';
import { INSTITUTION_STATUS_AFTER, partnerInstitutionOf } from '../domain/partner-institutions';
import { PERFORMANCE_REPORT_EVENTS, partnerRatiosOf } from '../domain/partner-ratios';
import { lastNoted, mapped, noteOnce } from './note-once';

/**
 * What quality monitoring learns from the knowledge base's public events
 * (sfp.knowledge-base.events, never by a call): its institutions (partners
 * are checked against them), each partner's ratios as filed or restated (a
 * review freezes the latest when it starts), and its practice notes and
 * impact assessments (tools a proposal may be linked to). Each source event
 * is noted once in its stream here, under its own id.
 */
@Injectable()
export class KnowledgeBaseEvents implements ContextSubscription {
  readonly source = 'knowledge-base';
  readonly name: string;
  readonly eventTypes = [
    ...Object.keys(INSTITUTION_STATUS_AFTER),
    ...PERFORMANCE_REPORT_EVENTS,
    ...LIBRARY_TOOL_EVENTS,
  ];

  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CONTEXT_SETTINGS) settings: QualityMonitoringSettings,
  ) {
    this.name = subscriptionName('knowledge-base-events', settings);
  }

  async handle(event: RecordedEvent): Promise<void> {
    const notedAt = this.clock().toISOString();
    if ((PERFORMANCE_REPORT_EVENTS as readonly string[]).includes(event.type)) {
      const ratios = mapped(event, partnerRatiosOf);
      await noteOnce(
        this.events,
        partnerRatiosStreamId(ratios.institutionId),
        event,
        PartnerRatiosNoted,
        { ratios, sourceEventId: event.eventId, notedAt },
      );
      return;
    }
    if ((LIBRARY_TOOL_EVENTS as readonly string[]).includes(event.type)) {
      const tool = mapped(event, libraryToolOf);
      if (!tool) return;
      await noteOnce(
        this.events,
        interventionToolStreamId(tool.toolRef),
        event,
        InterventionToolNoted,
        { tool, sourceEventId: event.eventId, sourceEventType: event.type, notedAt },
      );
      return;
    }
    const institutionId = mapped(event, (source) => {
      const id = (source.data as { institutionId?: unknown } | null)?.institutionId;
      return typeof id === 'string' ? id : '';
    });
    const streamId = partnerInstitutionStreamId(institutionId);
    const previous = institutionId
      ? await lastNoted<PartnerInstitutionNotedData>(this.events, streamId)
      : undefined;
    const institution = mapped(event, (source) => partnerInstitutionOf(source, previous));
    if (!institution) return;
    await noteOnce(
      this.events,
      partnerInstitutionStreamId(institution.institutionId),
      event,
      PartnerInstitutionNoted,
      { ...institution, sourceEventId: event.eventId, notedAt },
    );
  }
}
