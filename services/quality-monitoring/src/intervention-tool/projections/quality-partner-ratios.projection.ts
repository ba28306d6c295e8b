import type { QualityPartnerView } from '@sfp/contracts';
import { defineProjection } from '@sfp/projections';
import type {
  PartnerInstitutionNotedData,
  PartnerRatiosNotedData,
} from '../domain/intervention-tool.events';

export const QUALITY_PARTNER_RATIOS_PROJECTION = 'quality-partner-ratios';

/**
 * What quality monitoring knows of each partner institution (id: its
 * knowledge-base id): name, country and status, and the latest ratios the
 * knowledge base published (by the time it recorded them: a late
 * redelivery of an older report changes nothing). A review's detail compares its frozen ratios
 * with these.
 */
export const qualityPartnerRatiosProjection = defineProjection<QualityPartnerView>({
  name: QUALITY_PARTNER_RATIOS_PROJECTION,
  version: 1,
  handlers: {
    'quality-monitoring.PartnerRatiosNoted': async (recorded, view) => {
      const { ratios, notedAt } = recorded.data as PartnerRatiosNotedData;
      await view.update(ratios.institutionId, (current) =>
        current?.ratios && current.ratios.reportedAt > ratios.reportedAt
          ? undefined
          : {
              ...(current ?? { institutionId: ratios.institutionId }),
              name: current?.name ?? ratios.name,
              ratios,
              updatedAt: notedAt,
            },
      );
    },
    'quality-monitoring.PartnerInstitutionNoted': async (recorded, view) => {
      const d = recorded.data as PartnerInstitutionNotedData;
      await view.update(d.institutionId, (current) => ({
        ...(current ?? {}),
        institutionId: d.institutionId,
        name: d.name,
        country: d.country,
        status: d.status,
        updatedAt: d.notedAt,
      }));
    },
  },
});
