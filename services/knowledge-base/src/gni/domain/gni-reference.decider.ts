import type { Decider } from '@sfp/event-sourcing/domain';
import { KnowledgeBaseRuleError } from '../../shared/domain/knowledge-base.errors';
import { isCountryCode } from '../../shared/domain/reference-data';
import { GniPerCapitaRecorded, type GniEntry, type GniEvent } from './gni-reference.events';

/** The GNI per capita table: `${country}:${year}` → USD, with the source of each entry. */
export interface GniTable {
  entries: Record<string, { usd: number; source: string }>;
}

export interface RecordGniPerCapita {
  type: 'RecordGniPerCapita';
  entries: GniEntry[];
  source: string;
  /** Only when the table is still empty (the seed at first start). */
  onlyIfEmpty?: boolean;
  at: string;
  by: string;
}

export const gniKey = (country: string, year: number) => `${country}:${year}`;

/** GNI per capita of a country and year, or undefined when the table has none. */
export function gniPerCapita(table: GniTable, country: string, year: number): number | undefined {
  return table.entries[gniKey(country, year)]?.usd;
}

export const gniReferenceDecider: Decider<GniTable, RecordGniPerCapita, GniEvent> = {
  initialState: () => ({ entries: {} }),
  decide: (command, state) => {
    if (command.onlyIfEmpty && Object.keys(state.entries).length > 0) return [];
    const seen = new Set<string>();
    command.entries.forEach((entry, index) => {
      const field = `entries.${index}`;
      if (!isCountryCode(entry.country))
        throw new KnowledgeBaseRuleError(
          `${entry.country} is not an ISO 3166-1 alpha-2 country code`,
          `${field}.country`,
        );
      if (!Number.isSafeInteger(entry.year) || entry.year < 1960 || entry.year > 2100)
        throw new KnowledgeBaseRuleError(
          'year must be a whole year from 1960 to 2100',
          `${field}.year`,
        );
      if (!Number.isFinite(entry.usd) || entry.usd <= 0)
        throw new KnowledgeBaseRuleError(
          'GNI per capita must be a number of US dollars > 0',
          `${field}.usd`,
        );
      const key = gniKey(entry.country, entry.year);
      if (seen.has(key))
        throw new KnowledgeBaseRuleError(`${entry.country} ${entry.year} appears twice`, field);
      seen.add(key);
    });
    const changed = command.entries.filter((e) => {
      const current = state.entries[gniKey(e.country, e.year)];
      return !current || current.usd !== e.usd || current.source !== command.source;
    });
    if (changed.length === 0) return [];
    return [
      GniPerCapitaRecorded.of({
        entries: changed,
        source: command.source,
        recordedBy: command.by,
        recordedAt: command.at,
      }),
    ];
  },
  evolve: (state, event) => {
    const entries = { ...state.entries };
    for (const e of event.data.entries)
      entries[gniKey(e.country, e.year)] = { usd: e.usd, source: event.data.source };
    return { entries };
  },
};
