import { defineEventType, type EventOf } from '@sfp/event-sourcing/domain';

export interface GniEntry {
  /** ISO 3166-1 alpha-2. */
  country: string;
  year: number;
  /** GNI per capita, current US dollars (World Bank Atlas method). */
  usd: number;
}

export interface GniPerCapitaRecordedData {
  entries: GniEntry[];
  /** Where the figures come from, e.g. "World Bank WDI NY.GNP.PCAP.CD, 2025-07 release". */
  source: string;
  recordedBy: string;
  recordedAt: string;
}

/** Entries added to or replacing entries of the GNI per capita reference table. */
export class GniPerCapitaRecorded extends defineEventType<GniPerCapitaRecordedData>()({
  type: 'knowledge-base.GniPerCapitaRecorded',
  schemaVersion: 1,
}) {}

export const GNI_EVENT_CLASSES = [GniPerCapitaRecorded] as const;
export type GniEvent = EventOf<typeof GniPerCapitaRecorded>;
