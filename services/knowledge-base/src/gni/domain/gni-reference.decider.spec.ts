import { deciderSpec } from '@sfp/event-sourcing/testing';
import { KnowledgeBaseRuleError } from '../../shared/domain/knowledge-base.errors';
import { gniPerCapita, gniReferenceDecider } from './gni-reference.decider';
import { GniPerCapitaRecorded } from './gni-reference.events';
import { gniSeedEntries, GNI_SEED_COUNTRIES } from './gni-seed-values';

const spec = deciderSpec(gniReferenceDecider);
const at = '2026-01-01T00:00:00.000Z';
const recorded = GniPerCapitaRecorded.of({
  entries: [{ country: 'KE', year: 2025, usd: 2_170 }],
  source: 'WDI 2025',
  recordedBy: 'operator-1',
  recordedAt: at,
});

describe('GNI per capita reference table', () => {
  it('records entries, and updates only what changed', () => {
    spec
      .given()
      .when({
        type: 'RecordGniPerCapita',
        entries: [{ country: 'KE', year: 2025, usd: 2_170 }],
        source: 'WDI 2025',
        at,
        by: 'operator-1',
      })
      .then([recorded]);
    spec
      .given([recorded])
      .when({
        type: 'RecordGniPerCapita',
        entries: [
          { country: 'KE', year: 2025, usd: 2_170 },
          { country: 'UG', year: 2025, usd: 1_000 },
        ],
        source: 'WDI 2025',
        at,
        by: 'operator-1',
      })
      .then([
        GniPerCapitaRecorded.of({
          entries: [{ country: 'UG', year: 2025, usd: 1_000 }],
          source: 'WDI 2025',
          recordedBy: 'operator-1',
          recordedAt: at,
        }),
      ]);
    spec
      .given([recorded])
      .when({
        type: 'RecordGniPerCapita',
        entries: [{ country: 'UG', year: 2025, usd: 1_000 }],
        source: 'seed',
        onlyIfEmpty: true,
        at,
        by: 'system',
      })
      .thenNothingHappens();
  });

  it('refuses unknown countries, impossible years and non-positive values', () => {
    const bad = (entry: { country: string; year: number; usd: number }) =>
      spec.given().when({ type: 'RecordGniPerCapita', entries: [entry], source: 's', at, by: 'o' });
    bad({ country: 'XX', year: 2025, usd: 1 }).thenThrows(KnowledgeBaseRuleError, (e) =>
      expect(e.field).toBe('entries.0.country'),
    );
    bad({ country: 'KE', year: 1900, usd: 1 }).thenThrows(KnowledgeBaseRuleError, (e) =>
      expect(e.field).toBe('entries.0.year'),
    );
    bad({ country: 'KE', year: 2025, usd: 0 }).thenThrows(KnowledgeBaseRuleError, (e) =>
      expect(e.field).toBe('entries.0.usd'),
    );
  });

  it('looks up a country and year; the seed covers every seeded country for 2018-2026', () => {
    const table = gniReferenceDecider.evolve(gniReferenceDecider.initialState(), recorded);
    expect(gniPerCapita(table, 'KE', 2025)).toBe(2_170);
    expect(gniPerCapita(table, 'KE', 2024)).toBeUndefined();
    const seed = gniSeedEntries();
    expect(seed).toHaveLength(GNI_SEED_COUNTRIES.length * 9);
    expect(seed.every((e) => e.usd > 0)).toBe(true);
    expect(seed.find((e) => e.country === 'KE' && e.year === 2023)?.usd).toBe(2_010);
  });
});
