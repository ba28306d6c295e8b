import { Inject, Injectable } from '@nestjs/common';
import type { PartnerRatios } from '@sfp/contracts';
import type { EventStore } from '@sfp/event-sourcing';
import { EVENT_STORE } from '@sfp/service-kit';
import {
  partnerInstitutionStreamId,
  partnerRatiosStreamId,
} from '../../quality-monitoring.context';
import type {
  PartnerInstitutionNotedData,
  PartnerRatiosNotedData,
} from '../domain/intervention-tool.events';
import { latestPartnerRatios } from '../domain/partner-ratios';

/**
 * The partner institutions and ratios quality monitoring has noted from the
 * knowledge base's events, read from their streams (one read per partner).
 */
@Injectable()
export class PartnerDirectory {
  constructor(@Inject(EVENT_STORE) private readonly events: EventStore) {}

  /** The ids among `institutionIds` the knowledge base has not published. */
  async unknownPartners(institutionIds: readonly string[]): Promise<string[]> {
    const versions = await Promise.all(
      institutionIds.map((id) => this.events.streamVersion(partnerInstitutionStreamId(id))),
    );
    return institutionIds.filter((_, i) => versions[i] === 0);
  }

  /** A partner's latest ratios, or undefined when no report was noted. */
  async latestRatios(institutionId: string): Promise<PartnerRatios | undefined> {
    const recorded = await this.events.readStream(partnerRatiosStreamId(institutionId));
    return latestPartnerRatios(
      recorded.map((event) => (event.data as PartnerRatiosNotedData).ratios),
    );
  }

  /** The partners' latest ratios to freeze into a review, and the partners with no report. */
  async ratiosToFreeze(
    institutionIds: readonly string[],
  ): Promise<{ partnerRatios: PartnerRatios[]; partnersWithoutReport: string[] }> {
    const latest = await Promise.all(institutionIds.map((id) => this.latestRatios(id)));
    return {
      partnerRatios: latest.filter((ratios): ratios is PartnerRatios => ratios !== undefined),
      partnersWithoutReport: institutionIds.filter((_, i) => latest[i] === undefined),
    };
  }

  /** The names of partner institutions by id, as the knowledge base registered them (for reasons in words). */
  async names(institutionIds: readonly string[]): Promise<Map<string, string>> {
    const named = await Promise.all(
      institutionIds.map(async (id) => {
        const recorded = await this.events.readStream(partnerInstitutionStreamId(id));
        return [
          id,
          (recorded.at(-1)?.data as PartnerInstitutionNotedData | undefined)?.name,
        ] as const;
      }),
    );
    return new Map(named.filter((entry): entry is readonly [string, string] => !!entry[1]));
  }
}
