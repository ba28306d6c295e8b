import type { GniRow } from '@sfp/contracts';
import { defineProjection } from '@sfp/projections';
import type { GniEvent } from '../domain/gni-reference.events';

export const GNI_TABLE_PROJECTION = 'kb-gni-per-capita';

/** A row of the table: one country's value in one year (@sfp/contracts). */
export type { GniRow } from '@sfp/contracts';

export const gniTableProjection = defineProjection<GniRow>({
  name: GNI_TABLE_PROJECTION,
  version: 1,
  fields: { country: 'string', year: 'number' },
  handlers: {
    'knowledge-base.GniPerCapitaRecorded': async (recorded, view) => {
      const event = { type: recorded.type, data: recorded.data } as GniEvent;
      for (const entry of event.data.entries) {
        await view.upsert(`${entry.country}:${entry.year}`, {
          country: entry.country,
          year: entry.year,
          usd: entry.usd,
          source: event.data.source,
          recordedAt: event.data.recordedAt,
        });
      }
    },
  },
});
